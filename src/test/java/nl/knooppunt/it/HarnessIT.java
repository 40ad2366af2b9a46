package nl.knooppunt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import nl.knooppunt.intake.soap.api.Status;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import nl.knooppunt.it.support.ArtemisProcess;
import nl.knooppunt.it.support.HubProcess;
import nl.knooppunt.it.support.JvmProcess;
import nl.knooppunt.it.support.Receiver;
import nl.knooppunt.it.support.SoapSender;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;
import org.junit.jupiter.api.Test;

/**
 * The harness itself: the jar runs as its own JVM against a standalone broker JVM, by configuration alone; both end
 * by SIGKILL (exit 137) and come back on their own data; a bericht sent before and after arrives once each.
 */
class HarnessIT {

    @Test
    void hubJarRunsAgainstAnExternalBrokerAndBothSurviveKill9() throws Exception {
        Path root = JvmProcess.itDir().resolve("harness");
        try (ArtemisProcess broker = new ArtemisProcess("harness-artemis", root.resolve("broker"));
                HubProcess hub = new HubProcess("harness-hub", root.resolve("data"), root.resolve("registry"))) {
            broker.start();
            hub.externalBroker(broker.url()).start();
            SoapSender soap = new SoapSender(hub.soapUrl());
            VerstuurBerichtAntwoord eerste = soap.send("a.xml", bericht(1));
            assertThat(eerste.getStatus()).as(String.valueOf(eerste.getMeldingen())).isEqualTo(Status.GEACCEPTEERD);

            assertThat(broker.kill9()).isEqualTo(137);
            broker.start();
            assertThat(hub.kill9()).isEqualTo(137);
            hub.start();
            VerstuurBerichtAntwoord tweede = soap.send("b.xml", bericht(2));
            assertThat(tweede.getStatus()).isEqualTo(Status.GEACCEPTEERD);

            try (Receiver r = new Receiver(broker.url())) {
                assertThat(r.drain("gemeente.0599", "traceerId", 2_000)).isEqualTo(2);
                assertThat(r.counts()).containsOnlyKeys(eerste.getTraceerId(), tweede.getTraceerId());
            }
        }
    }

    private static String bericht(int n) {
        return BerichtBuilder.wmo315().bsn(TestBsn.nth(n)).identificatie("HARNAS-" + n).build();
    }
}
