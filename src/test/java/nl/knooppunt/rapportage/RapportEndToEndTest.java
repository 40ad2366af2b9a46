package nl.knooppunt.rapportage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.intake.soap.api.Melding;
import nl.knooppunt.intake.soap.api.Status;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * The reports over a known small data set sent through the running hub, in a month no other test uses (February
 * 2024), for aanbieder 42420001 and gemeente 0599:
 * <ul>
 *   <li>a 301 toewijzing T (02/02A01, 3 uur per week from 2024-02-01): 29 days → ⌈3 × 29 / 7⌉ = 13 uur toegewezen;</li>
 *   <li>two accepted 323s over February, each with 12 uur on T (bedrag 12 × 6250 = 75000), 8 etmaal 07A01 on T+1 and
 *       8 uur 02A01 on T+2 — T+1 and T+2 are unknown toewijzingen: 4 prestaties without toewijzing;
 *       24 uur gedeclareerd on T against 13 toegewezen: overschrijding;</li>
 *   <li>the first 323 sent again: duplicate (KP009);</li>
 *   <li>a 323 under the first 323's Identificatie with other content: rejected with 9056 (TR056).</li>
 * </ul>
 */
class RapportEndToEndTest extends SharedHubTest {

    private static final String FILTER = "?van=2024-02&tot=2024-02&aanbieder=42420001&gemeente=0599";
    private static final long t = 700_000_000L + ThreadLocalRandom.current().nextLong(1_000_000) * 10;

    private static boolean verstuurd;

    /** Once per class, from the first test: Camel (and so the SOAP endpoint) starts just before each test method. */
    private void stuurDeBerichten() {
        if (verstuurd) {
            return;
        }
        verstuurd = true;
        VerstuurBerichtAntwoord toewijzing = send(BerichtBuilder.wmo301().identificatie(uniek()).toewijzingNummer(t)
                .bsn(TestBsn.nth(40)).dagtekening(LocalDate.of(2024, 2, 1)).build());
        assertThat(toewijzing.getStatus()).as(codes(toewijzing)).isEqualTo(Status.GEACCEPTEERD);
        assertThat(receive("aanbieder.42420001", toewijzing.getTraceerId())).isNotNull();

        String identificatie = uniek();
        String eerste = declaratie(identificatie, uniek());
        accepted(eerste);
        accepted(declaratie(uniek(), uniek()));
        VerstuurBerichtAntwoord duplicaat = send(eerste);
        assertThat(duplicaat.getMeldingen()).extracting(Melding::getCode).containsExactly("KP009");
        VerstuurBerichtAntwoord afgekeurd = send(declaratie(identificatie, uniek()));
        assertThat(afgekeurd.getStatus()).isEqualTo(Status.AFGEKEURD);
        assertThat(afgekeurd.getMeldingen()).extracting(Melding::getCode).first().isEqualTo("9056");
    }

    @Test
    void berichtenPerTypeEnProduct() throws Exception {
        JsonNode regels = get("berichten");
        assertThat(regels.toString()).isEqualTo(json.readTree("""
                [{"maand":"2024-02","aanbieder":"42420001","gemeente":"0599","productcategorie":"02","productcode":"02A01",
                  "berichttype":"WMO301","geaccepteerd":1,"afgekeurd":0,"duplicaat":0},
                 {"maand":"2024-02","aanbieder":"42420001","gemeente":"0599","productcategorie":"02","productcode":"02A01",
                  "berichttype":"WMO323","geaccepteerd":2,"afgekeurd":1,"duplicaat":1},
                 {"maand":"2024-02","aanbieder":"42420001","gemeente":"0599","productcategorie":"07","productcode":"07A01",
                  "berichttype":"WMO323","geaccepteerd":2,"afgekeurd":1,"duplicaat":1}]""").toString());
    }

    @Test
    void afkeurPercentagePerCode() throws Exception {
        JsonNode regels = get("afkeur");
        assertThat(regels.toString()).isEqualTo(json.readTree("""
                [{"maand":"2024-02","aanbieder":"42420001","gemeente":"0599","berichttype":"WMO323","code":"9056",
                  "afgekeurd":1,"ontvangen":4,"percentage":25.0}]""").toString());
    }

    @Test
    void toegewezenTegenGedeclareerdMetOverschrijding() throws Exception {
        JsonNode regels = get("volume");
        assertThat(regels.toString()).isEqualTo(json.readTree("""
                [{"maand":"2024-02","aanbieder":"42420001","gemeente":"0599","productcategorie":"02","productcode":"02A01",
                  "toewijzingNummer":%d,"eenheid":"04","frequentie":"2","toegewezenVolume":13,"gedeclareerdVolume":24,
                  "gedeclareerdBedrag":150000,"overschrijding":true}]""".formatted(t)).toString());
    }

    @Test
    void declaratiesZonderToewijzing() throws Exception {
        JsonNode regels = get("zonder-toewijzing");
        assertThat(regels).hasSize(4);
        assertThat(regels.findValuesAsText("toewijzingNummer"))
                .containsExactlyInAnyOrder(String.valueOf(t + 1), String.valueOf(t + 1), String.valueOf(t + 2),
                        String.valueOf(t + 2));
        assertThat(regels.findValues("bedrag").stream().mapToLong(JsonNode::asLong).sum())
                .isEqualTo(2 * (8 * 4150 + 8 * 6250));
    }

    @Test
    void actieveToewijzingen() throws Exception {
        assertThat(get("toewijzingen").toString()).isEqualTo(json.readTree("""
                [{"maand":"2024-02","aanbieder":"42420001","gemeente":"0599","productcategorie":"02",
                  "productcode":"02A01","actief":1}]""").toString());
    }

    @Test
    void csvVoorNederlandsExcel() {
        stuurDeBerichten();
        ResponseEntity<byte[]> csv = api("CONTRACTMANAGER").get().uri("/api/rapporten/volume.csv" + FILTER)
                .retrieve().toEntity(byte[].class);
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        String tekst = new String(csv.getBody(), StandardCharsets.UTF_8);
        assertThat(tekst.lines().toList()).containsExactly(
                "\uFEFFmaand;aanbieder;gemeente;productcategorie;productcode;toewijzingNummer;eenheid;frequentie;"
                        + "toegewezenVolume;gedeclareerdVolume;gedeclareerdBedrag;overschrijding",
                "\"2024-02\";\"42420001\";\"0599\";\"02\";\"02A01\";" + t + ";\"04\";\"2\";13;24;150000;true");
        String viaAccept = api("CONTRACTMANAGER").get().uri("/api/rapporten/volume" + FILTER)
                .header("Accept", "text/csv").retrieve().body(String.class);
        assertThat(viaAccept).isEqualTo(tekst);
    }

    @Test
    void paginaToontHetRapportMetCsvLink() {
        stuurDeBerichten();
        ResponseEntity<String> pagina = api("CONTRACTMANAGER").get()
                .uri("/contractmanagement" + FILTER + "&rapport=volume").retrieve().toEntity(String.class);
        assertThat(pagina.getStatusCode().value()).isEqualTo(200);
        assertThat(pagina.getBody())
                .contains("<td>150000</td>", "<td>13</td>", "<td>24</td>", "class=\"waarschuwing\"")
                .contains("/api/rapporten/volume.csv?van=2024-02&amp;tot=2024-02&amp;aanbieder=42420001&amp;gemeente=0599");
        String fout = api("CONTRACTMANAGER").get().uri("/contractmanagement?van=februari").retrieve().body(String.class);
        assertThat(fout).contains("role=\"alert\"");
        assertThat(api("LEZER").get().uri("/contractmanagement").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(403);
    }

    @Test
    void fouteFiltersGevenEenDuidelijk400() {
        ResponseEntity<String> r = api("CONTRACTMANAGER").get().uri("/api/rapporten/berichten?van=februari")
                .retrieve().toEntity(String.class);
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(api("CONTRACTMANAGER").get().uri("/api/rapporten/bestaat-niet").retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(404);
    }

    private JsonNode get(String rapport) throws Exception {
        stuurDeBerichten();
        ResponseEntity<String> r = api("CONTRACTMANAGER").get().uri("/api/rapporten/" + rapport + FILTER)
                .retrieve().toEntity(String.class);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
        return json.readTree(r.getBody());
    }

    private String declaratie(String identificatie, String declaratieNummer) {
        return BerichtBuilder.wmo323().identificatie(identificatie).declaratieNummer(declaratieNummer)
                .toewijzingNummer(t).bsn(TestBsn.nth(40)).bsn2(TestBsn.nth(41))
                .dagtekening(LocalDate.of(2024, 3, 4)).build();
    }

    private void accepted(String xml) {
        VerstuurBerichtAntwoord a = send(xml);
        assertThat(a.getStatus()).as(codes(a)).isEqualTo(Status.GEACCEPTEERD);
        assertThat(receive("gemeente.0599", a.getTraceerId())).isNotNull();
    }

    private static String uniek() {
        return "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 11);
    }

    private static String codes(VerstuurBerichtAntwoord a) {
        return a.getMeldingen().stream().map(m -> m.getCode() + " " + m.getOmschrijving()).toList().toString();
    }
}
