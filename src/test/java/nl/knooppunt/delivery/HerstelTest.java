package nl.knooppunt.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.BytesMessage;
import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.cluster.EenReplica;
import nl.knooppunt.intake.Bericht;
import nl.knooppunt.intake.BerichtType;
import nl.knooppunt.intake.Ontvangst;
import nl.knooppunt.intake.soap.api.Status;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import nl.knooppunt.payload.Payload;
import nl.knooppunt.payload.PayloadStore;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;
import nl.knooppunt.tracking.BerichtJournal;
import nl.knooppunt.validation.keten.Duplicaten;
import nl.knooppunt.validation.keten.InhoudLezer;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/**
 * The crash window of issue #10 (ScaleOutIT): a replica dies after its bericht claimed its Identificatie (and maybe
 * after the send to the gemeente queue) but before {@code AFGELEVERD} was written. The state such a crash leaves is
 * built here by hand: the row {@code GEROUTEERD} since an hour, the claim, the payload, and (when the send got out)
 * the message on the queue with the duplicate id the hub gives it.
 */
class HerstelTest extends SharedHubTest {

    private static final String QUEUE = "gemeente.0599";

    @Autowired
    Herstel herstel;
    @Autowired
    BerichtJournal journal;
    @Autowired
    Duplicaten duplicaten;
    @Autowired
    InhoudLezer lezer;
    @Autowired
    CamelContext camel;
    @Autowired
    PayloadStore payloads;

    @Test
    void aSendThatGotOutIsNotDeliveredAgainAndGetsItsAfgeleverdOnce() {
        String xml = bericht();
        String traceerId = crashNaClaim(xml, true);

        assertThat(herstel.herstel()).isGreaterThanOrEqualTo(1);

        assertThat(status(traceerId)).isEqualTo("AFGELEVERD");
        assertThat(events(traceerId, "AFGELEVERD")).isEqualTo(1);
        assertThat(events(traceerId, "HERSTELD")).isEqualTo(1);
        assertThat(receive(QUEUE, traceerId)).as("the message sent before the crash").isNotNull();
        assertThat(receive(QUEUE, traceerId, 1_000)).as("delivered a second time").isNull();

        // a second run finds nothing left of this bericht
        herstel.herstel();
        assertThat(events(traceerId, "AFGELEVERD")).isEqualTo(1);
        assertThat(events(traceerId, "HERSTELD")).isEqualTo(1);
    }

    @Test
    void aCrashBeforeTheSendIsDeliveredByTheRecovery() {
        String traceerId = crashNaClaim(bericht(), false);

        herstel.herstel();

        assertThat(status(traceerId)).isEqualTo("AFGELEVERD");
        assertThat(events(traceerId, "AFGELEVERD")).isEqualTo(1);
        Message m = receive(QUEUE, traceerId);
        assertThat(m).as("delivered by the recovery").isNotNull();
        assertThat(property(m, "routingReason")).isNotBlank();
        assertThat(receive(QUEUE, traceerId, 1_000)).isNull();
    }

    @Test
    void aBerichtTakenOverByAResendIsClosedAndNotRecoveredUnderItsOldTraceerId() {
        String xml = bericht();
        String oud = crashNaClaim(xml, true);

        // the aanbieder got no answer and offers the same bytes again: the abandoned claim is taken over
        VerstuurBerichtAntwoord antwoord = send(xml);
        assertThat(antwoord.getStatus()).isEqualTo(Status.GEACCEPTEERD);
        String nieuw = antwoord.getTraceerId();
        assertThat(nieuw).isNotEqualTo(oud);
        assertThat(status(nieuw)).isEqualTo("AFGELEVERD");
        assertThat(status(oud)).isEqualTo("DUPLICAAT");
        assertThat(jdbc.queryForObject("select meldingen from bericht where traceer_id = ?", String.class, oud))
                .contains("KP009").contains(nieuw);

        herstel.herstel();

        assertThat(status(oud)).isEqualTo("DUPLICAAT");
        assertThat(events(oud, "HERSTELD")).isZero();
        assertThat(events(oud, "AFGELEVERD")).isZero();
        assertThat(events(oud, "DUPLICAAT")).isEqualTo(1);
        assertThat(events(nieuw, "AFGELEVERD")).isEqualTo(1);
        // one message for the gemeente: the send of the resend had the same duplicate id and was dropped
        assertThat(receive(QUEUE, oud)).isNotNull();
        assertThat(receive(QUEUE, nieuw, 1_000)).isNull();
        assertThat(receive(QUEUE, oud, 500)).isNull();
    }

    /** A large bericht's payload is in parts: the recovery streams it from them, and it arrives whole. */
    @Test
    void aLargeBerichtIsRecoveredFromItsPartsAndArrivesWhole() throws Exception {
        int n = ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        byte[] bytes = BerichtBuilder.wmo323().identificatie("HG" + n).declaratieNummer("DHG" + n)
                .prestaties(1500, TestBsn.first(20)).build().getBytes(StandardCharsets.UTF_8);
        Payload groot = Payload.file(Files.write(tempDir("herstel-groot").resolve("groot.xml"), bytes));
        assertThat(groot.size()).isGreaterThan(Payload.STREAM_VANAF);
        String traceerId = crashNaClaim(groot, BerichtType.WMO323);

        herstel.herstel();

        assertThat(status(traceerId)).isEqualTo("AFGELEVERD");
        assertThat(receiveBody(QUEUE, traceerId)).as("streamed from its parts, whole").isEqualTo(bytes);
    }

    @Test
    void theRecoveryRouteRunsOnOneReplicaAtATime() {
        assertThat(camel.getRoute("herstel-afleveringen").getRoutePolicyList())
                .anyMatch(EenReplica.class::isInstance);
    }

    private String bericht() {
        int n = ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        return BerichtBuilder.wmo315().gemeente("0599").bsn(TestBsn.first(3).get(2)).identificatie("HS" + n).build()
                .replaceAll("VOT-\\d{4}-0001", "VOT-HS" + n);
    }

    /** What a kill -9 after the claim leaves: ONTVANGEN audited, payload stored, claimed, GEROUTEERD, no AFGELEVERD. */
    private String crashNaClaim(String xml, boolean verstuurd) {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        String traceerId = crashNaClaim(Payload.of(bytes), BerichtType.WMO315);
        if (verstuurd) {
            new JmsTemplate(connectionFactory).send(QUEUE, session -> {
                BytesMessage m = session.createBytesMessage();
                m.writeBytes(bytes);
                m.setStringProperty("_AMQ_DUPL_ID", "bericht/42420001/" + Ontvangst.sha256(bytes));
                m.setStringProperty("traceerId", traceerId);
                return m;
            });
        }
        return traceerId;
    }

    private String crashNaClaim(Payload inhoud, BerichtType type) {
        Timestamp uurGeleden = Timestamp.from(Instant.now().minus(Duration.ofHours(1)));
        Bericht bericht = new Bericht(UUID.randomUUID().toString(), "SOAP", "herstel.xml", uurGeleden.toInstant(), inhoud,
                null);
        payloads.bewaarDelen(bericht.traceerId(), inhoud);
        journal.ontvangen(bericht, bericht.sha256(), true);
        assertThat(duplicaten.claim(lezer.lees(inhoud, type), bericht.sha256(), bericht.traceerId())
                .soort()).isEqualTo(Duplicaten.Uitkomst.Soort.NIEUW);
        jdbc.update("update bericht set status = 'GEROUTEERD', gewijzigd_op = ? where traceer_id = ?", uurGeleden,
                bericht.traceerId());
        jdbc.update("update bericht_identificatie set geclaimd_op = ? where traceer_id = ?", uurGeleden,
                bericht.traceerId());
        return bericht.traceerId();
    }

    private String status(String traceerId) {
        return jdbc.queryForObject("select status from bericht where traceer_id = ?", String.class, traceerId);
    }

    private int events(String traceerId, String type) {
        return jdbc.queryForObject("select count(*) from audit_event where traceer_id = ? and event_type = ?",
                Integer.class, traceerId, type);
    }
}
