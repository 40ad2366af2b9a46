package nl.knooppunt.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.xml.ws.WebServiceException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import nl.knooppunt.HubTestSupport;
import nl.knooppunt.intake.soap.api.Status;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;
import org.apache.camel.CamelContext;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A failure of the hub itself (here: the broker send) is retried with backoff; if it persists the sender gets a SOAP
 * fault that says "offer again" and nothing else, and the bericht is not counted as accepted or rejected.
 */
@UseAdviceWith
@ExtendWith(OutputCaptureExtension.class)
class TransientFailureTest extends HubTestSupport {

    private static final Path OWN_DATA = tempDir("knooppunt-transient");
    private static final AtomicInteger FAILURES_TO_GO = new AtomicInteger();
    private static final AtomicInteger ATTEMPTS = new AtomicInteger();

    @DynamicPropertySource
    static void ownInstance(DynamicPropertyRegistry registry) {
        registry.add("knooppunt.data-dir", OWN_DATA::toString);
        registry.add("knooppunt.broker.port", HubTestSupport::freePort);
        registry.add("knooppunt.redelivery.delay-ms", () -> "20");
    }

    @Autowired
    CamelContext camel;

    @BeforeEach
    void brokenBrokerSend() throws Exception {
        if (!camel.isStarted()) {
            AdviceWith.adviceWith(camel, "deliver-bericht", route -> route.weaveById("deliver-send").before()
                    .process(exchange -> {
                        ATTEMPTS.incrementAndGet();
                        if (FAILURES_TO_GO.getAndDecrement() > 0) {
                            throw new ConnectException("broker unreachable");
                        }
                    }));
            camel.start();
        }
        ATTEMPTS.set(0);
    }

    @Test
    void aPassingFailureIsRedeliveredAndTheBerichtAccepted() {
        FAILURES_TO_GO.set(2);

        VerstuurBerichtAntwoord antwoord = send(BerichtBuilder.wmo315().identificatie("TRANS1").build());

        assertThat(antwoord.getStatus()).isEqualTo(Status.GEACCEPTEERD);
        assertThat(ATTEMPTS.get()).isEqualTo(3);
        assertThat(receive("gemeente.0599", antwoord.getTraceerId())).isNotNull();
    }

    @Test
    void aLastingFailureIsACleanSoapFaultAndNothingIsCountedAsDone(CapturedOutput output) {
        FAILURES_TO_GO.set(Integer.MAX_VALUE);
        String bsn = TestBsn.nth(99);

        assertThatThrownBy(() -> send(BerichtBuilder.wmo315().bsn(bsn).identificatie("TRANS2").build()))
                .isInstanceOf(WebServiceException.class)
                .hasRootCauseInstanceOf(SoapFault.class)
                .rootCause().hasMessage("Tijdelijke storing in Knooppunt: het bericht is niet verwerkt. "
                        + "Bied het later opnieuw aan.");

        assertThat(ATTEMPTS.get()).as("first try + 3 redeliveries").isEqualTo(4);
        String traceerId = jdbc.queryForObject(
                "select traceer_id from bericht where identificatie = 'TRANS2'", String.class);
        assertThat(jdbc.queryForObject("select status from bericht where traceer_id = ?", String.class, traceerId))
                .isEqualTo("GEROUTEERD");
        assertThat(output.getAll()).contains("traceerId=" + traceerId + " tijdelijke storing: ConnectException")
                .doesNotContain(bsn);
    }
}
