package nl.knooppunt.intake.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.intake.soap.api.Status;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import nl.knooppunt.payload.Payload;
import nl.knooppunt.payload.PayloadStore;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A large declaratie over SOAP with MTOM (the real CXF client of the generated API): its attachment is copied into a
 * work file of the hub's own and streamed from there, as an SFTP upload is. That it never became one array in the
 * hub shows in the payload store: only a bericht that is not in memory is stored in parts, and only such a bericht is
 * sent to the broker as a stream.
 */
class SoapGrootBerichtTest extends SharedHubTest {

    @Autowired
    PayloadStore payloads;

    @Test
    void aLargeDeclaratieOverMtomIsStreamedFromAWorkFileToThePayloadStoreAndTheQueue() throws Exception {
        String xml = BerichtBuilder.wmo323()
                .identificatie("S" + UUID.randomUUID().toString().replace("-", "").substring(0, 11))
                .declaratieNummer("DS" + UUID.randomUUID().toString().replace("-", "").substring(0, 10))
                .prestaties(1500, TestBsn.first(20)).build();
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        assertThat((long) bytes.length).isGreaterThan(Payload.STREAM_VANAF);

        VerstuurBerichtAntwoord antwoord = send(bytes);

        assertThat(antwoord.getStatus()).as("%s", antwoord.getMeldingen().stream()
                .map(m -> m.getCode() + " " + m.getOmschrijving()).toList()).isEqualTo(Status.GEACCEPTEERD);
        String traceerId = antwoord.getTraceerId();
        assertThat(receiveBody("gemeente.0599", traceerId)).as("the whole declaratie on the queue").isEqualTo(bytes);
        assertThat(jdbc.queryForObject("select count(*) from payload_deel where traceer_id = ?", Integer.class,
                traceerId)).as("stored in parts of 1 MiB, streamed from the work file").isEqualTo(2);
        assertThat(payloads.open(traceerId).map(Payload::bytes)).as("the whole declaratie in the payload store")
                .contains(bytes);
        assertThat(DATA_DIR.resolve("soap-werk")).as("the work file is removed after the route").isEmptyDirectory();
    }

    @Test
    void aSmallBerichtStaysInMemoryAndLeavesNoWorkFile() {
        VerstuurBerichtAntwoord antwoord = send(BerichtBuilder.wmo315().bsn(TestBsn.nth(331))
                .identificatie("SK" + System.nanoTime() % 1_000_000_000L).build());

        assertThat(antwoord.getStatus()).isEqualTo(Status.GEACCEPTEERD);
        assertThat(jdbc.queryForObject("select count(*) from payload_deel where traceer_id = ?", Integer.class,
                antwoord.getTraceerId())).as("one payload row, no parts").isZero();
        assertThat(DATA_DIR.resolve("soap-werk")).isEmptyDirectory();
    }
}
