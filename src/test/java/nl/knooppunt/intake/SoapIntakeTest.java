package nl.knooppunt.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.intake.soap.api.Status;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every iWmo 3.2 bericht type, sent by a real CXF client, arrives byte-exact on its queue with its audit trail. */
class SoapIntakeTest extends SharedHubTest {

    // each test its own toewijzing, so a 305 is not bound to the 301 another test sent
    private static final java.util.concurrent.atomic.AtomicLong NUMMERS = new java.util.concurrent.atomic.AtomicLong(700_000);

    static List<String> types() {
        return BerichtBuilder.types();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void berichtTravelsToItsQueueWithAudit(String type) throws Exception {
        BerichtBuilder builder = BerichtBuilder.of(type).identificatie(uniqueId()).bsn(TestBsn.nth(7)).bsn2(TestBsn.nth(8))
                .toewijzingNummer(NUMMERS.incrementAndGet());
        String xml = builder.build();
        boolean naarGemeente = BerichtType.valueOf(type).richting() == BerichtType.Richting.NAAR_GEMEENTE;

        VerstuurBerichtAntwoord antwoord = send(xml);

        assertThat(antwoord.getStatus()).as("meldingen %s", antwoord.getMeldingen().stream()
                .map(m -> m.getCode() + " " + m.getOmschrijving()).toList()).isEqualTo(Status.GEACCEPTEERD);
        assertThat(antwoord.getMeldingen()).isEmpty();
        String traceerId = antwoord.getTraceerId();
        assertThat(UUID.fromString(traceerId)).isNotNull();

        String queue = naarGemeente ? "gemeente.0599" : "aanbieder.42420001";
        Message delivered = receive(queue, traceerId);
        assertThat(delivered).as("bericht on " + queue).isNotNull();
        assertThat(new String(bytes(delivered), StandardCharsets.UTF_8)).isEqualTo(xml);
        assertThat(property(delivered, "berichtCode")).isEqualTo(builder.berichtCode());
        assertThat(property(delivered, "berichtType")).isEqualTo(type);
        assertThat(property(delivered, "bestemming")).isEqualTo(naarGemeente ? "0599" : "42420001");
        assertThat(property(delivered, "responsibleGemeente")).isEqualTo("0599");
        assertThat(property(delivered, "executingGemeente")).isEqualTo("0599");
        assertThat(property(delivered, "routingReason")).isEqualTo("HEADER");
        assertThat(String.valueOf(delivered.getObjectProperty("_AMQ_DUPL_ID"))).isEqualTo(traceerId);
        assertThat(delivered.getJMSDeliveryMode()).isEqualTo(jakarta.jms.DeliveryMode.PERSISTENT);
        assertThat(Collections.list((Enumeration<String>) delivered.getPropertyNames())).as("only the hub's headers")
                .filteredOn(name -> !name.startsWith("JMSX") && !name.startsWith("_AMQ") && !name.startsWith("__AMQ")
                        && !name.equals("routingSignalen") && !name.equals("signalen") && !name.equals("signaalRetourcodes"))
                .containsExactlyInAnyOrder("traceerId", "kanaal", "berichtType", "berichtCode", "afzender", "ontvanger",
                        "bestemming", "responsibleGemeente", "executingGemeente", "routingReason", "routingTrail",
                        "bestemmingQueue");
        assertThat(property(delivered, "routingTrail")).startsWith("header: gemeente 0599 Rotterdam");

        List<JsonNode> events = auditEvents(traceerId, 3);
        assertThat(events).extracting(e -> e.get("eventType").asText())
                .containsExactly("ONTVANGEN", "GEROUTEERD", "AFGELEVERD");
        JsonNode afgeleverd = events.get(2);
        assertThat(afgeleverd.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(afgeleverd.get("berichtCode").asText()).isEqualTo(builder.berichtCode());
        assertThat(afgeleverd.get("responsible").asText()).isEqualTo("0599");
        assertThat(afgeleverd.get("executing").asText()).isEqualTo("0599");
        assertThat(afgeleverd.get("reason").asText()).isEqualTo("HEADER");
        boolean hasClient = xml.contains(":Bsn>");
        JsonNode pseudoniemen = afgeleverd.get("clientPseudoniemen");
        if (hasClient) {
            assertThat(pseudoniemen).isNotEmpty();
            StreamSupport.stream(pseudoniemen.spliterator(), false)
                    .forEach(p -> assertThat(p.asText()).matches("[0-9a-f]{32}"));
            assertThat(afgeleverd.get("pseudoniemSleutelId").asText()).isEqualTo("k1");
        } else {
            assertThat(pseudoniemen).isEmpty();
        }
        if (type.equals("WMO323")) {
            assertThat(afgeleverd.get("totaalIngediendBedrag").asLong()).isPositive();
            assertThat(afgeleverd.get("aantalClienten").asInt()).isEqualTo(2);
        }
        assertThat(afgeleverd.toString()).doesNotContain(TestBsn.nth(7)).doesNotContain(TestBsn.nth(8));

        JsonNode status = json.readTree(api("LEZER").get().uri("/api/berichten/" + traceerId).retrieve().body(String.class));
        assertThat(status.get("status").asText()).isEqualTo("AFGELEVERD");
        assertThat(status.get("bestemming").asText()).isEqualTo(naarGemeente ? "0599" : "42420001");
        assertThat(status.get("historie")).hasSize(3);
        assertThat(jdbc.queryForObject("select count(*) from payload where traceer_id = ?", Integer.class, traceerId))
                .isEqualTo(1);
    }

    static String uniqueId() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 11);
    }
}
