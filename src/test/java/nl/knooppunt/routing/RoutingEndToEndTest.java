package nl.knooppunt.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.intake.soap.api.Status;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Routing through the running hub: real SOAP in, real queues out, the rule trail where people read it. */
class RoutingEndToEndTest extends SharedHubTest {

    private static final AtomicLong NUMMERS = new AtomicLong(900_000);

    @Test
    void aStartFollowsTheToewijzingOfItsCentrumgemeente() throws Exception {
        long nummer = NUMMERS.incrementAndGet();
        String bsn = TestBsn.nth(120);
        VerstuurBerichtAntwoord toewijzing = send(BerichtBuilder.wmo301().gemeente("0613").bsn(bsn)
                .productCategorie("15").productCode("15A01").toewijzingNummer(nummer).identificatie("E2E301" + nummer % 1000).build());
        assertThat(toewijzing.getStatus()).isEqualTo(Status.GEACCEPTEERD);
        Message naarAanbieder = receive("aanbieder.42420001", toewijzing.getTraceerId());
        assertThat(property(naarAanbieder, "executingGemeente")).isEqualTo("0599");

        VerstuurBerichtAntwoord start = send(BerichtBuilder.wmo305().gemeente("0613").bsn(bsn).productCategorie("15")
                .productCode("15A01").toewijzingNummer(nummer).identificatie("E2E305" + nummer % 1000).build());

        assertThat(start.getStatus()).isEqualTo(Status.GEACCEPTEERD);
        Message bijRotterdam = receive("gemeente.0599", start.getTraceerId());
        assertThat(bijRotterdam).isNotNull();
        assertThat(property(bijRotterdam, "routingReason")).isEqualTo("TOEWIJZING");
        assertThat(property(bijRotterdam, "responsibleGemeente")).isEqualTo("0613");
        assertThat(property(bijRotterdam, "routingTrail")).contains("uit 301 " + toewijzing.getTraceerId());
        JsonNode status = json.readTree(get("/api/berichten/" + start.getTraceerId()));
        assertThat(status.get("reason").asText()).isEqualTo("TOEWIJZING");
        assertThat(status.get("regelspoor").toString()).contains("uitgevoerd door 0599");
    }

    @Test
    void bwUnderMandateGoesToRotterdamAndAlbrandswaardGetsItsInformationalCopy() throws Exception {
        VerstuurBerichtAntwoord vot = send(BerichtBuilder.wmo315().gemeente("0613").productCategorie("15")
                .productCode("15A01").identificatie("E2EINFO1").build());

        Message bijRotterdam = receive("gemeente.0599", vot.getTraceerId());
        assertThat(property(bijRotterdam, "routingReason")).isEqualTo("MANDAAT");
        Message kopie = receive("gemeente.0613.informatie", vot.getTraceerId());
        assertThat(kopie).as("informational copy for the responsible gemeente").isNotNull();
        JsonNode event = json.readTree(((TextMessage) kopie).getText());
        assertThat(event.get("executing").asText()).isEqualTo("0599");
        assertThat(event.get("clientPseudoniemen").get(0).asText()).matches("[0-9a-f]{32}");
        assertThat(event.toString()).doesNotContain(TestBsn.nth(0)).doesNotContain("<");
        assertThat(receive("gemeente.0613", vot.getTraceerId(), 300)).as("no payload for the mandating gemeente").isNull();
    }

    @Test
    void aSplitGemeenteGoesToTriageAndTheSenderIsNotRejected() throws Exception {
        VerstuurBerichtAntwoord vot = send(BerichtBuilder.wmo315().gemeente("0788").dagtekening(LocalDate.of(2022, 3, 1))
                .identificatie("E2ETRIAGE").build());

        assertThat(vot.getStatus()).isEqualTo(Status.GEACCEPTEERD);
        assertThat(receive("knooppunt.triage", vot.getTraceerId())).isNotNull();
        assertThat(auditEvents(vot.getTraceerId(), 3)).extracting(e -> e.get("eventType").asText())
                .containsExactly("ONTVANGEN", "GEROUTEERD", "IN_TRIAGE");
        assertThat(json.readTree(get("/api/berichten/" + vot.getTraceerId())).get("status").asText()).isEqualTo("IN_TRIAGE");
    }

    @Test
    void uitstroomNaarWlzSignalsTheZorgkantoorOfTheRegionWithoutBsn() throws Exception {
        String bsn = TestBsn.nth(121);
        String stop = BerichtBuilder.wmo307().gemeente("0613").bsn(bsn).productCategorie("15").productCode("15A01")
                .toewijzingNummer(NUMMERS.incrementAndGet()).identificatie("E2EZK1").build()
                .replace("RedenBeeindiging>19<", "RedenBeeindiging>39<");
        VerstuurBerichtAntwoord antwoord = send(stop);
        assertThat(antwoord.getStatus()).isEqualTo(Status.GEACCEPTEERD);

        Message signaal = receive("zorgkantoor.ZK29", antwoord.getTraceerId());
        assertThat(signaal).as("Albrandswaard's zorgkantoorregio is Zuid-Hollandse Eilanden, not Rotterdam").isNotNull();
        String xml = ((TextMessage) signaal).getText();
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Path.of("schemas/zorgkantoor-signaal.xsd").toFile()).newValidator()
                .validate(new StreamSource(new StringReader(xml)));
        assertThat(xml).contains("<Aanleiding>RedenBeeindiging39</Aanleiding>").contains("<Gemeente>0613</Gemeente>")
                .doesNotContain(bsn);
    }

    @Test
    void whereWouldItGoAnswersWithoutDelivering() throws Exception {
        ResponseEntity<String> nieuw = post("/api/routering/proef", MediaType.APPLICATION_JSON,
                "{\"berichtCode\":\"444\",\"gemeente\":\"0545\",\"productcategorie\":\"15\",\"datum\":\"2020-06-01\","
                        + "\"clientBekend\":false}");
        JsonNode antwoord = json.readTree(nieuw.getBody());
        assertThat(antwoord.get("uitkomst").asText()).isEqualTo("AFGELEVERD");
        assertThat(antwoord.get("route").get("executing").asText()).isEqualTo("0344");
        assertThat(antwoord.get("route").get("regelspoor").toString()).contains("herindeling: 0545 Leerdam");

        JsonNode bestaand = json.readTree(post("/api/routering/proef", MediaType.APPLICATION_JSON,
                "{\"berichtCode\":\"444\",\"gemeente\":\"0545\",\"productcategorie\":\"15\",\"datum\":\"2020-06-01\","
                        + "\"clientBekend\":true}").getBody());
        assertThat(bestaand.get("route").get("executing").asText()).isEqualTo("0505");

        ResponseEntity<String> fout = post("/api/routering/proef", MediaType.APPLICATION_JSON,
                "{\"berichtCode\":\"44\",\"gemeente\":\"0545\",\"datum\":\"2020-06-01\"}");
        assertThat(fout.getStatusCode().value()).isEqualTo(400);

        int voor = jdbc.queryForObject("select count(*) from bericht", Integer.class);
        byte[] voorbeeld = Files.readAllBytes(Path.of("examples/wmo315.xml"));
        JsonNode xml = json.readTree(post("/api/routering/proef", MediaType.APPLICATION_XML, voorbeeld).getBody());
        assertThat(xml.get("uitkomst").asText()).as(xml.toString()).isEqualTo("AFGELEVERD");
        assertThat(xml.get("route").get("bestemming").asText()).isEqualTo("0599");
        byte[] metBom = new byte[voorbeeld.length + 3];
        metBom[0] = (byte) 0xEF;
        metBom[1] = (byte) 0xBB;
        metBom[2] = (byte) 0xBF;
        System.arraycopy(voorbeeld, 0, metBom, 3, voorbeeld.length);
        JsonNode bom = json.readTree(post("/api/routering/proef", MediaType.APPLICATION_XML, metBom).getBody());
        assertThat(bom.get("uitkomst").asText()).isEqualTo("AFGEKEURD");
        assertThat(bom.get("meldingen").get(0).get("code").asText()).isEqualTo("KP002");
        assertThat(jdbc.queryForObject("select count(*) from bericht", Integer.class)).as("nothing stored").isEqualTo(voor);
    }

    private String get(String path) {
        return api("LEZER").get().uri(path).retrieve().body(String.class);
    }

    private ResponseEntity<String> post(String path, MediaType type, Object body) {
        return api("OPERATOR").post().uri(path).contentType(type).body(body).retrieve().toEntity(String.class);
    }
}
