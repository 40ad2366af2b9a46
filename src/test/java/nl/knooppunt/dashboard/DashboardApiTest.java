package nl.knooppunt.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.intake.soap.api.Status;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** The dashboard's JSON against the running hub: search, scope, masked payload with its access log, overzicht. */
class DashboardApiTest extends SharedHubTest {

    @Test
    void searchFindsABerichtByTraceerIdIdentificatieAndDeclaratieNummer() throws Exception {
        String identificatie = uniek();
        VerstuurBerichtAntwoord a = send(BerichtBuilder.wmo315().identificatie(identificatie).build());
        assertThat(a.getStatus()).isEqualTo(Status.GEACCEPTEERD);
        String nummer = uniek();
        VerstuurBerichtAntwoord d = send(BerichtBuilder.wmo323().identificatie(uniek()).declaratieNummer(nummer)
                .toewijzingNummer(770_001).build());
        assertThat(d.getStatus()).isEqualTo(Status.GEACCEPTEERD);

        assertThat(traceerIds(get("LEZER", "/api/berichten?identificatie=" + identificatie))).containsExactly(a.getTraceerId());
        assertThat(traceerIds(get("LEZER", "/api/berichten?traceerId=" + a.getTraceerId()))).containsExactly(a.getTraceerId());
        assertThat(traceerIds(get("LEZER", "/api/berichten?declaratieNummer=" + nummer))).containsExactly(d.getTraceerId());
        assertThat(traceerIds(get("LEZER", "/api/berichten?declaratieNummer=" + nummer + "X"))).isEmpty();
        JsonNode perType = get("LEZER", "/api/berichten?type=WMO315&status=AFGELEVERD&aanbieder=42420001&gemeente=0599&van="
                + java.time.LocalDate.now().minusDays(1));
        assertThat(perType.get("totaal").asLong()).isPositive();
        assertThat(traceerIds(perType)).allSatisfy(id -> assertThat(id).isNotNull());
        assertThat(perType.get("rijen").findValuesAsText("berichttype")).containsOnly("WMO315");
    }

    @Test
    void anIdentificatieWithANineDigitRunIsFoundByWhatTheSenderSent() throws Exception {
        // stored masked (it could be a BSN); the beheerder searches with the value the aanbieder names
        String identificatie = "B" + String.format("%09d", (long) (Math.random() * 1_000_000_000L)) + "Z";
        VerstuurBerichtAntwoord a = send(BerichtBuilder.wmo315().identificatie(identificatie).build());
        assertThat(a.getStatus()).isEqualTo(Status.GEACCEPTEERD);

        JsonNode gevonden = get("LEZER", "/api/berichten?identificatie=" + identificatie);
        assertThat(traceerIds(gevonden)).contains(a.getTraceerId());
        assertThat(gevonden.toString()).doesNotContain(identificatie.substring(1, 10));
    }

    @Test
    void aUserLimitedToOneGemeenteSeesNothingOfAnother() throws Exception {
        testgebruiker("lezer-0613", "LEZER", "0613");
        String identificatie = uniek();
        VerstuurBerichtAntwoord a = send(BerichtBuilder.wmo315().identificatie(identificatie).build()); // to 0599

        assertThat(traceerIds(get("LEZER", "/api/berichten?identificatie=" + identificatie))).hasSize(1);
        assertThat(traceerIds(json(apiAls("lezer-0613", TEST_WACHTWOORD).get()
                .uri("/api/berichten?identificatie=" + identificatie).retrieve().toEntity(String.class)))).isEmpty();
        assertThat(apiAls("lezer-0613", TEST_WACHTWOORD).get().uri("/api/berichten/" + a.getTraceerId()).retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(404);
        assertThat(apiAls("lezer-0613", TEST_WACHTWOORD).get().uri("/api/berichten/" + a.getTraceerId() + "/payload?reden=controle")
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(404);
        JsonNode overzicht = json(apiAls("lezer-0613", TEST_WACHTWOORD).get().uri("/api/overzicht").retrieve().toEntity(String.class));
        assertThat(overzicht.get("wachtrijen").findValuesAsText("naam")).doesNotContain("gemeente.0599", "knooppunt.dlq");
        assertThat(get("LEZER", "/api/overzicht").get("wachtrijen").findValuesAsText("naam")).contains("gemeente.0599");
    }

    @Test
    void aUserLimitedToAGemeenteSeesOnlyItsDeadlinesAndCannotActHubWide() throws Exception {
        testgebruiker("operator-0613", "OPERATOR", "0613");
        testgebruiker("operator-alle", "OPERATOR");
        send(BerichtBuilder.wmo315().identificatie(uniek()).build()); // to 0599: a deadline for Rotterdam's answer
        RestClient beperkt = apiAls("operator-0613", TEST_WACHTWOORD);
        RestClient alle = apiAls("operator-alle", TEST_WACHTWOORD);

        assertThat(json(alle.get().uri("/api/termijnen").retrieve().toEntity(String.class)).findValuesAsText("gemeente"))
                .contains("0599");
        assertThat(json(beperkt.get().uri("/api/termijnen").retrieve().toEntity(String.class)).findValuesAsText("gemeente"))
                .doesNotContain("0599");
        // dead letters, parked berichten, the operator log and pausing hold every gemeente's berichten
        for (String pad : java.util.List.of("/api/dead-letters", "/api/onbestelbaar", "/api/beheer/operatorlog")) {
            assertThat(status(alle.get().uri(pad).retrieve().toBodilessEntity())).as(pad).isEqualTo(200);
            assertThat(status(beperkt.get().uri(pad).retrieve().toBodilessEntity())).as(pad).isEqualTo(403);
        }
        assertThat(status(beperkt.post().uri("/api/routering/0613/pauze").contentType(MediaType.APPLICATION_JSON)
                .body("{\"reden\":\"proef\"}").retrieve().toBodilessEntity())).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from aflevering_pauze where deelnemer = '0613'", Long.class)).isZero();
        // and the Routering page offers such a user no pause buttons, which it offers a hub-wide operator
        assertThat(alle.get().uri("/routering").retrieve().toEntity(String.class).getBody()).contains("/routering/bevestig");
        assertThat(beperkt.get().uri("/routering").retrieve().toEntity(String.class).getBody())
                .contains("Routering").doesNotContain("/routering/bevestig");
    }

    private static int status(ResponseEntity<?> antwoord) {
        return antwoord.getStatusCode().value();
    }

    @Test
    void thePayloadNeedsAReasonIsMaskedAndLogged() throws Exception {
        String bsn = TestBsn.nth(40);
        VerstuurBerichtAntwoord a = send(BerichtBuilder.wmo315().identificatie(uniek()).bsn(bsn).build());
        String pad = "/api/berichten/" + a.getTraceerId() + "/payload";

        ResponseEntity<String> zonder = api("LEZER").get().uri(pad).retrieve().toEntity(String.class);
        assertThat(zonder.getStatusCode().value()).isEqualTo(400);
        assertThat(zonder.getBody()).contains("reden");
        assertThat(api("LEZER").get().uri(pad + "?reden=").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(400);
        assertThat(inzages(a.getTraceerId())).isZero();

        ResponseEntity<String> met = api("LEZER").get().uri(pad + "?reden=Vraag van de gemeente, ticket 12")
                .retrieve().toEntity(String.class);
        assertThat(met.getStatusCode().value()).isEqualTo(200);
        assertThat(met.getBody()).contains("<wmo315:Bsn>*********</wmo315:Bsn>").doesNotContain(bsn).contains("Header");
        assertThat(inzages(a.getTraceerId())).isOne();
        assertThat(jdbc.queryForObject("select gebruiker || '|' || reden || '|' || via from inzage where traceer_id = ?",
                String.class, a.getTraceerId())).isEqualTo("test-lezer|Vraag van de gemeente, ticket 12|API");

        assertThat(api("OPERATOR").get().uri("/api/inzage").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(403);
        JsonNode log = get("BEHEERDER", "/api/inzage?traceerId=" + a.getTraceerId());
        assertThat(log.findValuesAsText("gebruiker")).containsExactly("test-lezer");
    }

    @Test
    void overzichtAfgekeurdStoringenAndHistorieFollowWhatHappened() throws Exception {
        VerstuurBerichtAntwoord goed = send(BerichtBuilder.wmo315().identificatie(uniek()).build());
        VerstuurBerichtAntwoord fout = send(BerichtBuilder.wmo315().identificatie(uniek()).build()
                .replace("<wmo315:BerichtCode>", "<wmo315:BerichtCode>9"));
        assertThat(fout.getStatus()).isEqualTo(Status.AFGEKEURD);

        JsonNode overzicht = get("LEZER", "/api/overzicht");
        JsonNode soap = stroom(overzicht, "Intake SOAP");
        assertThat(soap.get("totaal").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(soap.get("laatsteSucces").isNull()).isFalse();
        assertThat(stroom(overzicht, "Routering").get("gelukt").asLong()).isPositive();

        JsonNode afgekeurd = get("LEZER", "/api/afgekeurd");
        JsonNode rij = null;
        for (JsonNode r : afgekeurd) {
            if (r.get("traceerId").asText().equals(fout.getTraceerId())) {
                rij = r;
            }
        }
        assertThat(rij).as(afgekeurd.toString()).isNotNull();
        assertThat(rij.get("meldingen")).isNotEmpty();
        assertThat(rij.get("retourVerzonden").asBoolean()).isFalse();
        assertThat(afgekeurd.findValuesAsText("traceerId")).doesNotContain(goed.getTraceerId());

        assertThat(get("LEZER", "/api/storingen").findValuesAsText("bron")).contains("Afgekeurd");
        JsonNode historie = get("LEZER", "/api/historie?dagen=1&per=UUR&groep=BERICHTTYPE");
        assertThat(historie.get("groepen").findValuesAsText("label")).contains("WMO315");
        assertThat(historie.get("tijdlijn").findValues("ontvangen").stream().mapToLong(JsonNode::asLong).sum())
                .isGreaterThanOrEqualTo(2);
    }

    private JsonNode stroom(JsonNode overzicht, String naam) {
        for (JsonNode s : overzicht.get("stromen")) {
            if (s.get("naam").asText().equals(naam)) {
                return s;
            }
        }
        throw new AssertionError("no flow " + naam + " in " + overzicht);
    }

    private int inzages(String traceerId) {
        return jdbc.queryForObject("select count(*) from inzage where traceer_id = ?", Integer.class, traceerId);
    }

    private JsonNode get(String rol, String pad) throws Exception {
        return json(api(rol).get().uri(pad).retrieve().toEntity(String.class));
    }

    private JsonNode json(ResponseEntity<String> r) throws Exception {
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
        return json.readTree(r.getBody());
    }

    private static java.util.List<String> traceerIds(JsonNode pagina) {
        return pagina.get("rijen").findValuesAsText("traceerId");
    }

    private static String uniek() {
        return "D" + UUID.randomUUID().toString().replace("-", "").substring(0, 11);
    }
}
