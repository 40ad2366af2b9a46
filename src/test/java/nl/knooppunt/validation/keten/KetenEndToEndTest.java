package nl.knooppunt.validation.keten;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
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

/** Checks across berichten through the running hub: signals, duplicates, TR056, beoordeling afkeuren, deadlines. */
class KetenEndToEndTest extends SharedHubTest {

    private static final AtomicLong NUMMERS = new AtomicLong(880_000);

    @Autowired
    RegistryService registry;

    private static String uniek() {
        return "K" + UUID.randomUUID().toString().replace("-", "").substring(0, 11);
    }

    private static String codes(VerstuurBerichtAntwoord a) {
        return a.getMeldingen().stream().map(m -> m.getCode() + " " + m.getOmschrijving()).toList().toString();
    }

    private JsonNode get(String path) throws IOException {
        ResponseEntity<String> r = api("LEZER").get().uri(path).retrieve().toEntity(String.class);
        assertThat(r.getStatusCode().value()).as(path).isEqualTo(200);
        return json.readTree(r.getBody());
    }

    /** A 301 from 0599 to 42420001 for the whole of 2026 (02/02A01, 3 uur per week), delivered. */
    private long toewijzing() {
        long nummer = NUMMERS.addAndGet(10);
        VerstuurBerichtAntwoord a = send(BerichtBuilder.wmo301().identificatie(uniek()).toewijzingNummer(nummer)
                .bsn(TestBsn.nth(20)).dagtekening(LocalDate.of(2026, 1, 5)).build());
        assertThat(a.getStatus()).as(codes(a)).isEqualTo(Status.GEACCEPTEERD);
        assertThat(receive("aanbieder.42420001", a.getTraceerId())).isNotNull();
        return nummer;
    }

    @Test
    void bevindingenReizenAlsSignalenMetHetAfgeleverdeBericht() throws Exception {
        long nummer = toewijzing();
        // prestatie 1 on the toewijzing with another code (TR340); prestaties 2 and 3 on unknown toewijzingen (TR338)
        String declaratie = BerichtBuilder.wmo323().identificatie(uniek()).declaratieNummer(uniek())
                .toewijzingNummer(nummer).productCode("02A02").bsn(TestBsn.nth(20)).bsn2(TestBsn.nth(21)).build();

        VerstuurBerichtAntwoord a = send(declaratie);

        assertThat(a.getStatus()).as(codes(a)).isEqualTo(Status.GEACCEPTEERD);
        assertThat(a.getMeldingen()).isEmpty();
        Message m = receive("gemeente.0599", a.getTraceerId());
        assertThat(m).isNotNull();
        assertThat(property(m, "signalen")).isEqualTo("TR338,TR340");
        assertThat(property(m, "signaalRetourcodes")).isEqualTo("9338,9340");

        JsonNode status = get("/api/berichten/" + a.getTraceerId());
        assertThat(status.get("status").asText()).isEqualTo("AFGELEVERD");
        assertThat(status.get("signalen").findValuesAsText("code")).contains("TR338", "TR340");
        assertThat(status.get("signalen").toString())
                .contains("9340 Prestatie /Declaratie[1]/Clienten/Client[1]/Prestaties/Prestatie[1]")
                .doesNotContain(TestBsn.nth(20));
        assertThat(status.get("termijnen").findValuesAsText("regel")).containsExactly("OP090x4");

        List<JsonNode> events = auditEvents(a.getTraceerId(), 3);
        JsonNode afgeleverd = events.get(2);
        assertThat(afgeleverd.get("eventType").asText()).isEqualTo("AFGELEVERD");
        assertThat(afgeleverd.get("signalen").findValuesAsText("code")).contains("TR338", "TR340");
        assertThat(afgeleverd.get("termijnen").get(0).get("verwacht").asText()).isEqualTo("WMO325");
        assertThat(afgeleverd.toString()).doesNotContain(TestBsn.nth(20)).doesNotContain(TestBsn.nth(21));
    }

    @Test
    void eenExactDuplicaatWordtEenKeerAfgeleverdEnBeantwoordMetKp009() throws Exception {
        String identificatie = uniek();
        String verzoek = BerichtBuilder.wmo315().identificatie(identificatie).build();

        VerstuurBerichtAntwoord eerste = send(verzoek);
        VerstuurBerichtAntwoord tweede = send(verzoek);

        assertThat(eerste.getStatus()).as(codes(eerste)).isEqualTo(Status.GEACCEPTEERD);
        assertThat(eerste.getMeldingen()).isEmpty();
        assertThat(tweede.getStatus()).as(codes(tweede)).isEqualTo(Status.GEACCEPTEERD);
        assertThat(tweede.getMeldingen()).extracting(Melding::getCode).containsExactly("KP009");
        assertThat(tweede.getMeldingen().get(0).getOmschrijving()).contains(eerste.getTraceerId());
        assertThat(receive("gemeente.0599", eerste.getTraceerId())).isNotNull();
        assertThat(receive("gemeente.0599", tweede.getTraceerId(), 500)).isNull();
        assertThat(get("/api/berichten/" + tweede.getTraceerId()).get("status").asText()).isEqualTo("DUPLICAAT");
        assertThat(jdbc.queryForObject("select count(*) from bericht where identificatie = ? and status = 'AFGELEVERD'",
                Integer.class, identificatie)).isEqualTo(1);
    }

    @Test
    void dezelfdeIdentificatieMetAndereInhoudIs9056() {
        String identificatie = uniek();
        VerstuurBerichtAntwoord eerste = send(BerichtBuilder.wmo315().identificatie(identificatie).build());
        VerstuurBerichtAntwoord ander = send(BerichtBuilder.wmo315().identificatie(identificatie)
                .bsn(TestBsn.nth(22)).build());

        assertThat(eerste.getStatus()).isEqualTo(Status.GEACCEPTEERD);
        assertThat(ander.getStatus()).isEqualTo(Status.AFGEKEURD);
        assertThat(ander.getMeldingen()).extracting(Melding::getCode).containsExactly("9056");
        assertThat(ander.getMeldingen().get(0).getOmschrijving()).contains("TR056").contains(eerste.getTraceerId());
        assertThat(receive("gemeente.0599", ander.getTraceerId(), 500)).isNull();
    }

    @Test
    void eenGemeenteDieAfkeurenKoosKrijgtGeenBerichtMetBevindingen() throws Exception {
        // Aa en Hunze (1680) has the hub reject on level 3–4 findings
        Files.writeString(REGISTRY_DIR.resolve("beoordeling.yaml"), "- gemeente: \"1680\"\n  beoordeling: afkeuren\n");
        registry.reload();
        String declaratie = BerichtBuilder.wmo323().gemeente("1680").identificatie(uniek()).declaratieNummer(uniek())
                .toewijzingNummer(NUMMERS.addAndGet(10)).build();

        VerstuurBerichtAntwoord a = send(declaratie);

        assertThat(a.getStatus()).as(codes(a)).isEqualTo(Status.AFGEKEURD);
        assertThat(a.getMeldingen()).extracting(Melding::getCode).containsOnly("9338").hasSize(3);
        assertThat(receive("gemeente.1680", a.getTraceerId(), 500)).isNull();
        assertThat(get("/api/berichten/" + a.getTraceerId()).get("status").asText()).isEqualTo("AFGEKEURD");
        // the aanbieder gets a WMO325 with the standard's code on each prestatie in error
        org.springframework.jms.core.JmsTemplate jms = new org.springframework.jms.core.JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(10_000);
        String wmo325 = new String(bytes(jms.receiveSelected("aanbieder.42420001",
                "heenTraceerId = '" + a.getTraceerId() + "'")), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(wmo325).contains("<wmo325:BerichtCode>485</wmo325:BerichtCode>")
                .contains("<iwmo:RetourCode>9338</iwmo:RetourCode>").doesNotContain("<iwmo:RetourCode>0001</iwmo:RetourCode>");
        assertThat(wmo325.split("<iwmo:RetourCode>9338</iwmo:RetourCode>", -1)).hasSize(4);

        // the rejected bericht gave its Identificatie back: offered again, it is assessed again, not a duplicate
        VerstuurBerichtAntwoord opnieuw = send(declaratie);
        assertThat(opnieuw.getMeldingen()).extracting(Melding::getCode).containsOnly("9338");

        // the same findings for a gemeente that signals: delivered
        VerstuurBerichtAntwoord signaleren = send(BerichtBuilder.wmo323().identificatie(uniek()).declaratieNummer(uniek())
                .toewijzingNummer(NUMMERS.addAndGet(10)).build());
        assertThat(signaleren.getStatus()).as(codes(signaleren)).isEqualTo(Status.GEACCEPTEERD);
        assertThat(property(receive("gemeente.0599", signaleren.getTraceerId()), "signalen")).isEqualTo("TR338");
    }

    @Test
    void termijnenWordenBijgehoudenEnTeLaatGemeld() throws Exception {
        long nummer = toewijzing();
        String heen = uniek();
        VerstuurBerichtAntwoord toewijzing = send(BerichtBuilder.wmo301().identificatie(heen).toewijzingNummer(nummer)
                .bsn(TestBsn.nth(20)).dagtekening(LocalDate.of(2026, 1, 5)).build());
        assertThat(toewijzing.getStatus()).as(codes(toewijzing)).isEqualTo(Status.GEACCEPTEERD);
        JsonNode open = get("/api/berichten/" + toewijzing.getTraceerId()).get("termijnen").get(0);
        assertThat(open.get("regel").asText()).isEqualTo("OP090");
        assertThat(open.get("verwacht").asText()).isEqualTo("WMO302");
        assertThat(open.has("voldaanOp")).isFalse();

        // the aanbieder's retour copies the heen header: it meets the OP090 deadline
        VerstuurBerichtAntwoord retour = send(BerichtBuilder.wmo302().identificatie(heen).toewijzingNummer(nummer)
                .bsn(TestBsn.nth(20)).dagtekening(LocalDate.of(2026, 1, 5)).akkoord().build());
        assertThat(retour.getStatus()).as(codes(retour)).isEqualTo(Status.GEACCEPTEERD);
        JsonNode voldaan = get("/api/berichten/" + toewijzing.getTraceerId()).get("termijnen").get(0);
        assertThat(voldaan.get("voldaanDoor").asText()).isEqualTo(retour.getTraceerId());

        // a start reported long after Begindatum (2026-01-01) is late (OP271: 5 werkdagen)
        VerstuurBerichtAntwoord start = send(BerichtBuilder.wmo305().identificatie(uniek()).toewijzingNummer(nummer)
                .bsn(TestBsn.nth(20)).dagtekening(LocalDate.of(2026, 1, 5)).build());
        assertThat(start.getStatus()).as(codes(start)).isEqualTo(Status.GEACCEPTEERD);
        JsonNode verlopen = get("/api/termijnen?verlopen=true");
        JsonNode eigen = null;
        for (JsonNode t : verlopen) {
            if (t.get("traceerId").asText().equals(start.getTraceerId()) && t.get("regel").asText().equals("OP271")) {
                eigen = t;
            }
        }
        assertThat(eigen).as("OP271 of the late start in %s", verlopen).isNotNull();
        assertThat(eigen.get("stand").asText()).isEqualTo("TE_LAAT");
        assertThat(eigen.get("uiterlijk").asText()).isEqualTo("2026-01-08");
    }
}
