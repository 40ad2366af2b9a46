package nl.knooppunt.validation.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.intake.BerichtType;
import nl.knooppunt.intake.soap.api.Status;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import nl.knooppunt.validation.XsdValidator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jms.core.JmsTemplate;

/**
 * The whole corpus through the running hub over SOAP (a real CXF client): a valid bericht is accepted; an invalid one
 * is AFGEKEURD with its rule ids as melding codes, never reaches a gemeente queue, and its sender finds a retourbericht
 * that is valid against our retour XSD on its own queue, linked by heenTraceerId, recorded as RETOUR_VERZONDEN.
 */
class CorpusEndToEndTest extends SharedHubTest {

    private static final XsdValidator XSD = new XsdValidator();

    static Stream<Corpus.Geval> gevallen() {
        return Corpus.gevallen().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gevallen")
    void corpusbestandDoorDeHub(Corpus.Geval geval) {
        VerstuurBerichtAntwoord antwoord = send(geval.xml());
        List<String> codes = antwoord.getMeldingen().stream().map(m -> m.getCode()).toList();
        if (geval.geldig()) {
            assertThat(antwoord.getStatus()).as(geval.bestand() + " " + codes).isEqualTo(Status.GEACCEPTEERD);
            return;
        }
        assertThat(antwoord.getStatus()).isEqualTo(Status.AFGEKEURD);
        assertThat(codes).as(geval.bestand()).containsExactlyInAnyOrderElementsOf(geval.verwacht());
        antwoord.getMeldingen().forEach(m -> assertThat(m.getOmschrijving()).doesNotContainPattern("[0-9]{9}"));
        String heen = antwoord.getTraceerId();

        BerichtType type = BerichtType.valueOf(geval.type());
        boolean vanGemeente = type.richting() == BerichtType.Richting.NAAR_AANBIEDER;
        String queue = vanGemeente ? "gemeente.0599" : "aanbieder.42420001";
        Message retour = receiveRetour(queue, heen);
        assertThat(retour).as("retour on " + queue).isNotNull();
        String retourType = property(retour, "berichtType");
        byte[] bytes = bytes(retour);
        XSD.validate(bytes, BerichtType.valueOf(retourType));
        assertThat(retourType).isEqualTo(type == BerichtType.WMO323 ? "WMO325" : "WMO" + (Integer.parseInt(geval.type().substring(3)) + 1));
        assertThat(property(retour, "retourcodes")).startsWith("0001");
        assertThat(property(retour, "regels").split(",")).containsExactlyInAnyOrderElementsOf(geval.verwacht());
        assertThat(property(retour, "_AMQ_DUPL_ID")).isEqualTo(property(retour, "traceerId")).isNotEqualTo(heen);
        String xml = new String(bytes, StandardCharsets.UTF_8);
        geval.verwacht().forEach(regel -> assertThat(xml).contains(" " + regel + " "));

        // the heen was not routed: nothing on the gemeente's (or aanbieder's) queue for it
        String bestemming = vanGemeente ? "aanbieder.42420001" : "gemeente.0599";
        assertThat(receive(bestemming, heen, 100)).isNull();

        List<JsonNode> events = auditEvents(heen, 3);
        assertThat(events.stream().map(e -> e.get("eventType").asText()))
                .containsExactly("ONTVANGEN", "AFGEKEURD", "RETOUR_VERZONDEN");
        JsonNode retourEvent = events.get(2);
        assertThat(retourEvent.get("retourTraceerId").asText()).isEqualTo(property(retour, "traceerId"));
        List<String> retourcodes = new ArrayList<>();
        retourEvent.get("retourcodes").forEach(c -> retourcodes.add(c.asText()));
        assertThat(retourcodes).startsWith("0001");
        List<String> meldingcodes = new ArrayList<>();
        retourEvent.get("meldingen").forEach(m -> meldingcodes.add(m.get("code").asText()));
        assertThat(meldingcodes).containsExactlyInAnyOrderElementsOf(geval.verwacht());
        java.util.regex.Pattern.compile("Bsn>([0-9]+)<").matcher(geval.xml()).results().map(m -> m.group(1))
                .forEach(bsn -> assertThat(retourEvent.toString()).doesNotContain(bsn));
        assertThat(jdbc.queryForObject("select status from bericht where traceer_id = ?", String.class, heen))
                .isEqualTo("AFGEKEURD");
    }

    private Message receiveRetour(String queue, String heenTraceerId) {
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(10_000);
        return jms.receiveSelected(queue, "heenTraceerId = '" + heenTraceerId + "'");
    }
}
