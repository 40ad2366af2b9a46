package nl.knooppunt.rapportage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.intake.soap.api.Melding;
import nl.knooppunt.intake.soap.api.Status;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import nl.knooppunt.registry.RegistryService;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
 *   <li>a 323 under the first 323's Identificatie with other content: rejected with 9056 (TR056);</li>
 *   <li>deadlines with last day in February: a 305 for T with Begindatum 2024-02-01 (OP271, due 2024-02-08, met on
 *       receipt today: late, the aanbieder's); and, since the hub dates a deadline from today's receipt, two written
 *       into {@code termijn} as the hub writes them: an OP090 met on time and an OP090x4 (325 expected from the
 *       gemeente) never met;</li>
 *   <li>declaraties to Rotterdam (0599, executing itself, region Rotterdam) from 42420001 (region Rotterdam: not
 *       bovenregionaal), from 42420005 (Zuid-Holland Zuid: bovenregionaal) and from 42420009, an aanbieder the
 *       registry knows without a region ("regio onbekend").</li>
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

        accepted(BerichtBuilder.wmo305().identificatie(uniek()).toewijzingNummer(t).bsn(TestBsn.nth(40))
                .dagtekening(LocalDate.of(2024, 2, 5)).build());
        termijn("OP090", "WMO301", "WMO302", LocalDate.of(2024, 2, 5), LocalDate.of(2024, 2, 8), LocalDate.of(2024, 2, 7));
        termijn("OP090x4", "WMO323", "WMO325", LocalDate.of(2024, 2, 5), LocalDate.of(2024, 2, 19), null);

        accepted(BerichtBuilder.wmo323().aanbieder("42420005").identificatie(uniek()).declaratieNummer(uniek())
                .toewijzingNummer(t + 3).bsn(TestBsn.nth(42)).bsn2(TestBsn.nth(43))
                .dagtekening(LocalDate.of(2024, 3, 4)).build());
        zonderRegio(() -> accepted(BerichtBuilder.wmo323().aanbieder(ZONDER_REGIO).identificatie(uniek())
                .declaratieNummer(uniek()).toewijzingNummer(t + 6).bsn(TestBsn.nth(44)).bsn2(TestBsn.nth(45))
                .dagtekening(LocalDate.of(2024, 3, 4)).build()));
    }

    private static final String ZONDER_REGIO = "42420009";

    @Autowired
    private RegistryService registry;
    @Autowired
    private RapportQueries queries;

    /** Runs with the shipped aanbieders plus one without a region in the registry dir; the old file is put back. */
    private void zonderRegio(Runnable actie) {
        Path bestand = REGISTRY_DIR.resolve("aanbieders.yaml");
        try {
            String eerder = Files.isRegularFile(bestand) ? Files.readString(bestand) : null;
            String basis = eerder != null ? eerder : new String(getClass().getResourceAsStream("/registry/aanbieders.yaml")
                    .readAllBytes(), StandardCharsets.UTF_8);
            Files.writeString(bestand, basis + "\n- agb: \"" + ZONDER_REGIO + "\"\n  naam: \"Zonder Regio (fictief)\"\n");
            registry.reload();
            try {
                actie.run();
            } finally {
                if (eerder == null) {
                    Files.delete(bestand);
                } else {
                    Files.writeString(bestand, eerder);
                }
                registry.reload();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A deadline row as Termijnbewaking writes it, for the month the report test uses. */
    private void termijn(String regel, String berichttype, String verwacht, LocalDate vanaf, LocalDate uiterlijk,
                         LocalDate voldaanOp) {
        jdbc.update("insert into termijn (id, sleutel, regel, traceer_id, berichttype, gemeente, aanbieder, verwacht, "
                        + "vanaf, uiterlijk, voldaan_op, voldaan_door) values (?, ?, ?, ?, ?, '0599', '42420001', ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), "TEST|" + UUID.randomUUID(), regel, UUID.randomUUID().toString(),
                berichttype, verwacht, java.sql.Date.valueOf(vanaf), java.sql.Date.valueOf(uiterlijk),
                voldaanOp == null ? null : java.sql.Date.valueOf(voldaanOp),
                voldaanOp == null ? null : UUID.randomUUID().toString());
    }

    @Test
    void termijnenVerstrekenPerRegelMetWieTeLaatIs() throws Exception {
        assertThat(get("termijnen").toString()).isEqualTo(json.readTree("""
                [{"maand":"2024-02","aanbieder":"42420001","gemeente":"0599","regel":"OP090","berichttype":"WMO301",
                  "verwacht":"WMO302","aanZet":"aanbieder","termijnen":1,"tijdig":1,"teLaat":0,"verstreken":0,"lopend":0},
                 {"maand":"2024-02","aanbieder":"42420001","gemeente":"0599","regel":"OP090x4","berichttype":"WMO323",
                  "verwacht":"WMO325","aanZet":"gemeente","termijnen":1,"tijdig":0,"teLaat":0,"verstreken":1,"lopend":0},
                 {"maand":"2024-02","aanbieder":"42420001","gemeente":"0599","regel":"OP271","berichttype":"WMO305",
                  "verwacht":"WMO305","aanZet":"aanbieder","termijnen":1,"tijdig":0,"teLaat":1,"verstreken":0,"lopend":0}]
                """).toString());
    }

    @Test
    void termijnenOpEenPeildatumTellenLaterVoldaanAlsOpen() {
        stuurDeBerichten();
        Periode opAchtFebruari = new Periode(java.time.YearMonth.of(2024, 2), java.time.YearMonth.of(2024, 2),
                "42420001", "0599", LocalDate.of(2024, 2, 8), java.util.Set.of());
        assertThat(queries.termijnen(opAchtFebruari)).extracting(r -> r.regel() + " " + r.tijdig() + r.teLaat()
                + r.verstreken() + r.lopend()).containsExactly("OP090 1000", "OP090x4 0001", "OP271 0001");
        assertThat(queries.termijnen(new Periode(opAchtFebruari.van(), opAchtFebruari.tot(), "42420001", "0599",
                LocalDate.of(2024, 2, 9), java.util.Set.of()))).extracting(r -> r.regel() + " " + r.verstreken()
                + r.lopend()).containsExactly("OP090 00", "OP090x4 01", "OP271 10");
    }

    @Test
    void bovenregionaleDeclaratiesEnApartRegioOnbekend() throws Exception {
        stuurDeBerichten();
        ResponseEntity<String> r = api("CONTRACTMANAGER").get()
                .uri("/api/rapporten/bovenregionaal?van=2024-02&tot=2024-02&gemeente=0599").retrieve().toEntity(String.class);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
        String zhz = "Zuid-Holland Zuid (Drechtsteden + Alblasserwaard)";
        assertThat(json.readTree(r.getBody()).toString()).isEqualTo(json.readTree("""
                [{"soort":"bovenregionaal","maand":"2024-02","aanbieder":"42420005","aanbiederRegio":"%1$s",
                  "uitvoerendeRegio":"Rotterdam","uitvoerendeGemeente":"0599","gemeente":"0599","productcategorie":"02",
                  "productcode":"02A01","prestaties":2,"volume":20,"bedrag":125000},
                 {"soort":"bovenregionaal","maand":"2024-02","aanbieder":"42420005","aanbiederRegio":"%1$s",
                  "uitvoerendeRegio":"Rotterdam","uitvoerendeGemeente":"0599","gemeente":"0599","productcategorie":"07",
                  "productcode":"07A01","prestaties":1,"volume":8,"bedrag":33200},
                 {"soort":"regio onbekend","maand":"2024-02","aanbieder":"42420009","aanbiederRegio":null,
                  "uitvoerendeRegio":"Rotterdam","uitvoerendeGemeente":"0599","gemeente":"0599","productcategorie":"02",
                  "productcode":"02A01","prestaties":2,"volume":20,"bedrag":125000},
                 {"soort":"regio onbekend","maand":"2024-02","aanbieder":"42420009","aanbiederRegio":null,
                  "uitvoerendeRegio":"Rotterdam","uitvoerendeGemeente":"0599","gemeente":"0599","productcategorie":"07",
                  "productcode":"07A01","prestaties":1,"volume":8,"bedrag":33200}]""".formatted(zhz)).toString());
        assertThat(get("bovenregionaal")).as("42420001 (Rotterdam) declares to Rotterdam: not bovenregionaal").isEmpty();
    }

    @Test
    void eenContractmanagerVanEenGemeenteZietAlleenDieGemeente() throws Exception {
        stuurDeBerichten();
        testgebruiker("cm-0363", "CONTRACTMANAGER", "0363");
        testgebruiker("cm-0599", "CONTRACTMANAGER", "0599");
        for (String rapport : java.util.List.of("termijnen", "bovenregionaal", "volume", "berichten")) {
            String filter = rapport.equals("bovenregionaal") ? "?van=2024-02&tot=2024-02&gemeente=0599" : FILTER;
            JsonNode anders = json.readTree(apiAls("cm-0363", TEST_WACHTWOORD).get()
                    .uri("/api/rapporten/" + rapport + filter).retrieve().body(String.class));
            JsonNode eigen = json.readTree(apiAls("cm-0599", TEST_WACHTWOORD).get()
                    .uri("/api/rapporten/" + rapport + filter).retrieve().body(String.class));
            assertThat(anders).as(rapport + " for Amsterdam's contractmanager").isEmpty();
            assertThat(eigen).as(rapport + " for Rotterdam's contractmanager").isNotEmpty();
        }
        String pagina = apiAls("cm-0363", TEST_WACHTWOORD).get().uri("/contractmanagement" + FILTER + "&rapport=termijnen")
                .retrieve().body(String.class);
        assertThat(pagina).contains("Geen gegevens in deze periode.").doesNotContain("<td>OP090x4</td>");
    }

    @Test
    void csvVanTermijnenEnBovenregionaal() {
        stuurDeBerichten();
        String termijnen = new String(api("CONTRACTMANAGER").get().uri("/api/rapporten/termijnen.csv" + FILTER)
                .retrieve().body(byte[].class), StandardCharsets.UTF_8);
        assertThat(termijnen.lines().toList()).hasSize(4).startsWith(
                "\uFEFFmaand;aanbieder;gemeente;regel;berichttype;verwacht;aanZet;termijnen;tijdig;teLaat;verstreken;lopend",
                "\"2024-02\";\"42420001\";\"0599\";\"OP090\";\"WMO301\";\"WMO302\";aanbieder;1;1;0;0;0");
        String bovenregionaal = new String(api("CONTRACTMANAGER").get()
                .uri("/api/rapporten/bovenregionaal.csv?van=2024-02&tot=2024-02&gemeente=0599").retrieve()
                .body(byte[].class), StandardCharsets.UTF_8);
        assertThat(bovenregionaal.lines().toList()).hasSize(5).startsWith(
                "\uFEFFsoort;maand;aanbieder;aanbiederRegio;uitvoerendeRegio;uitvoerendeGemeente;gemeente;"
                        + "productcategorie;productcode;prestaties;volume;bedrag",
                "bovenregionaal;\"2024-02\";\"42420005\";\"Zuid-Holland Zuid (Drechtsteden + Alblasserwaard)\";"
                        + "Rotterdam;\"0599\";\"0599\";\"02\";\"02A01\";2;20;125000")
                .contains("\"regio onbekend\";\"2024-02\";\"42420009\";;Rotterdam;\"0599\";\"0599\";\"07\";\"07A01\";1;8;33200");
    }

    @Test
    void paginaToontTermijnenEnBovenregionaal() {
        stuurDeBerichten();
        String termijnen = api("CONTRACTMANAGER").get().uri("/contractmanagement" + FILTER + "&rapport=termijnen")
                .retrieve().body(String.class);
        assertThat(termijnen).contains("<caption>Termijnen verstreken</caption>", "<td>OP090x4</td>", "<td>gemeente</td>",
                "id=\"uitleg\"");
        String bovenregionaal = api("BEHEERDER").get()
                .uri("/contractmanagement?van=2024-02&tot=2024-02&gemeente=0599&rapport=bovenregionaal")
                .retrieve().body(String.class);
        assertThat(bovenregionaal).contains("<caption>Bovenregionale declaraties</caption>", "<td>regio onbekend</td>",
                "<td>Zuid-Holland Zuid (Drechtsteden + Alblasserwaard)</td>", "<td>125000</td>");
    }

    @Test
    void berichtenPerTypeEnProduct() throws Exception {
        JsonNode regels = get("berichten");
        assertThat(regels.toString()).isEqualTo(json.readTree("""
                [{"maand":"2024-02","aanbieder":"42420001","gemeente":"0599","productcategorie":"02","productcode":"02A01",
                  "berichttype":"WMO301","geaccepteerd":1,"afgekeurd":0,"duplicaat":0},
                 {"maand":"2024-02","aanbieder":"42420001","gemeente":"0599","productcategorie":"02","productcode":"02A01",
                  "berichttype":"WMO305","geaccepteerd":1,"afgekeurd":0,"duplicaat":0},
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
