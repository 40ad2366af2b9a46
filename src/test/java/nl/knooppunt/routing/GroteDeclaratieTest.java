package nl.knooppunt.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Message;
import java.util.ArrayList;
import java.util.List;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.intake.soap.api.Status;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;
import org.junit.jupiter.api.Test;

/**
 * A declaratie over many toewijzingen the hub has not seen is delivered with a short signal, not refused as a storing
 * because the list of unknown ToewijzingNummers no longer fits the status row (found by the benchmark).
 */
class GroteDeclaratieTest extends SharedHubTest {

    @Test
    void aDeclaratieWithHundredsOfUnknownToewijzingenIsDeliveredWithAShortSignal() throws Exception {
        VerstuurBerichtAntwoord antwoord = send(BerichtBuilder.wmo323().identificatie("GROOT-0400")
                .declaratieNummer("DGROOT0400").toewijzingNummer(700_000_000L)
                .prestaties(400, TestBsn.first(20)).build());

        assertThat(antwoord.getStatus()).as("%s", antwoord.getMeldingen()).isEqualTo(Status.GEACCEPTEERD);
        Message bijGemeente = receive("gemeente.0599", antwoord.getTraceerId());
        assertThat(bijGemeente).isNotNull();
        String status = api("LEZER").get().uri("/api/berichten/" + antwoord.getTraceerId()).retrieve()
                .body(String.class);
        JsonNode signalen = json.readTree(status).get("signalen");
        assertThat(signalen.toString()).contains("TOEWIJZING_ONBEKEND").contains("en 390 meer").contains("niet afzonderlijk genoemd");
        assertThat(signalen.size()).as("findings named one by one, the rest counted per rule").isLessThan(20);
    }

    @Test
    void kortNamesTenNumbersAndCountsTheRest() {
        List<Long> nummers = new ArrayList<>();
        for (long i = 1; i <= 12; i++) {
            nummers.add(i);
        }
        assertThat(Router.kort(nummers)).isEqualTo("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, … en 2 meer]");
        assertThat(Router.kort(nummers.subList(0, 3))).isEqualTo("[1, 2, 3]");
    }
}
