package nl.knooppunt.beheer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.delivery.push.PushRoutes;
import nl.knooppunt.intake.soap.api.Status;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import nl.knooppunt.registry.RegistryService;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Dead letters and pause/resume against the running hub: berichten sent over SOAP, pushed to a real HTTP server that
 * refuses them, so they reach knooppunt.dlq the way they do in production; then retried, moved and discarded over the
 * API, with the operator log and the idempotency ("al afgeleverd") checked.
 */
class DeadLettersTest extends SharedHubTest {

    static final String APELDOORN = "0200";   // rest, refuses until told otherwise
    static final String NIJMEGEN = "0268";    // rest, accepts; paused and resumed
    static final String UTRECHT = "0344";     // queue channel, paused on the broker

    static final Doelsysteem apeldoorn = new Doelsysteem();
    static final Doelsysteem nijmegen = new Doelsysteem();
    static String origineleKanalen;
    static RegistryService herlaad;

    @Autowired
    RegistryService registryService;
    @Autowired
    CamelContext camel;
    @Autowired
    QueueAdmin admin;
    @Autowired
    jakarta.jms.ConnectionFactory cf;
    @Autowired
    org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ broker;

    @BeforeEach
    void kanalen() throws Exception {
        if (origineleKanalen != null) {
            return;
        }
        herlaad = registryService;
        Path file = REGISTRY_DIR.resolve("kanalen.yaml");
        origineleKanalen = Files.readString(file);
        Files.writeString(file, origineleKanalen + rest(APELDOORN, apeldoorn.url()) + rest(NIJMEGEN, nijmegen.url()));
        registryService.reload();
        assertThat(camel.getRoute(PushRoutes.routeId(APELDOORN))).isNotNull();
    }

    @AfterAll
    static void herstel() throws Exception {
        Files.writeString(REGISTRY_DIR.resolve("kanalen.yaml"), origineleKanalen);
        herlaad.reload();
        apeldoorn.close();
        nijmegen.close();
    }

    private static String rest(String gemeente, String url) {
        return "- deelnemer: \"" + gemeente + "\"\n  kanaal: rest\n  instellingen:\n    url: " + url + "\n";
    }

    @Test
    void aRefusedBerichtIsListedWithoutBsnRetriedOnceAndThenAnsweredAlAfgeleverd() throws Exception {
        apeldoorn.status = 400;
        String bsn = TestBsn.nth(17);
        String id = stuur(APELDOORN, "DLQ1", bsn);
        JsonNode entry = opDlq(id);

        assertThat(entry.get("oorspronkelijkeQueue").asText()).isEqualTo("gemeente." + APELDOORN);
        assertThat(entry.get("reden").asText()).startsWith("geweigerd door ontvanger: HTTP_400");
        assertThat(entry.get("pogingen").asInt()).isEqualTo(1);
        assertThat(entry.get("tijdstip").asText()).isNotBlank();
        assertThat(entry.get("berichtCode").asText()).isEqualTo("444");
        // no BSN in the listing, nor in any header of the entry on the broker
        assertThat(get("/api/dead-letters/knooppunt.dlq")).doesNotContain(bsn);
        List<Map<String, Object>> raw = admin.list("knooppunt.dlq", "traceerId = '" + id + "'", 10);
        assertThat(raw).hasSize(1);
        assertThat(raw.get(0).values()).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain(bsn));
        // the queues come from the broker's address settings, plus the parking queue
        assertThat(get("/api/dead-letters")).contains("knooppunt.dlq", "knooppunt.expired", "knooppunt.onbestelbaar");

        apeldoorn.status = 200;
        JsonNode eerste = post("/api/dead-letters/knooppunt.dlq/opnieuw", Map.of("traceerIds", List.of(id)));
        assertThat(eerste.at("/resultaten/0/uitkomst").asText()).isEqualTo("OPNIEUW_AANGEBODEN");
        await().atMost(Duration.ofSeconds(10)).until(() -> apeldoorn.geaccepteerd(id) == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> events(id, "AFGELEVERD_PUSH") == 1);

        JsonNode tweede = post("/api/dead-letters/knooppunt.dlq/opnieuw", Map.of("traceerIds", List.of(id)));
        assertThat(tweede.at("/resultaten/0/uitkomst").asText()).isEqualTo("AL_AFGELEVERD");
        assertThat(tweede.at("/resultaten/0/tekst").asText()).isEqualTo("al afgeleverd");
        assertThat(receive("gemeente." + APELDOORN, id, 500)).as("not sent again").isNull();
        assertThat(apeldoorn.geaccepteerd(id)).isEqualTo(1);

        List<Map<String, Object>> log = jdbc.queryForList(
                "select actie, queue, uitkomst from operator_log where traceer_ids like ? order by id", "%" + id + "%");
        assertThat(log).extracting(r -> r.get("ACTIE") + " " + r.get("QUEUE") + " " + r.get("UITKOMST")).containsExactly(
                "OPNIEUW knooppunt.dlq opnieuw aangeboden: 1", "OPNIEUW knooppunt.dlq al afgeleverd: 1");
    }

    @Test
    void aLargeBerichtIsOfferedAgainWholeThroughAWorkFile() throws Exception {
        StringBuilder xml = new StringBuilder("<groot>");
        while (xml.length() < 3 * 1024 * 1024) {
            xml.append("<regel>").append(xml.length()).append("</regel>\n");
        }
        byte[] groot = xml.append("</groot>").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String id = java.util.UUID.randomUUID().toString();
        stuur("0599", "DLQGROOT", TestBsn.nth(18)); // Rotterdam's queue exists
        new org.springframework.jms.core.JmsTemplate(cf).send(nl.knooppunt.delivery.push.PushAflevering.DLQ, session -> {
            jakarta.jms.BytesMessage m = session.createBytesMessage();
            m.writeBytes(groot);
            m.setStringProperty("traceerId", id);
            m.setStringProperty(nl.knooppunt.delivery.push.PushAflevering.QUEUE, "gemeente.0599");
            m.setStringProperty(nl.knooppunt.delivery.push.PushAflevering.REDEN, "geweigerd door ontvanger: HTTP_400");
            return m;
        });

        JsonNode antwoord = post("/api/dead-letters/knooppunt.dlq/opnieuw", Map.of("traceerIds", List.of(id)));

        assertThat(antwoord.at("/resultaten/0/uitkomst").asText()).as("%s", antwoord).isEqualTo("OPNIEUW_AANGEBODEN");
        assertThat(receiveBody("gemeente.0599", id)).as("the whole bericht, byte for byte").isEqualTo(groot);
        try (var werk = Files.list(DATA_DIR.resolve("dlq-werk"))) {
            assertThat(werk).as("the work file is gone").isEmpty();
        }
    }

    @Test
    void discardNeedsAReasonAndMoveKeepsTheOrigin() throws Exception {
        apeldoorn.status = 400;
        String weg = stuur(APELDOORN, "DLQ2", TestBsn.nth(18));
        String verplaatst = stuur(APELDOORN, "DLQ3", TestBsn.nth(19));
        opDlq(weg);
        opDlq(verplaatst);

        ResponseEntity<String> zonderReden = postRaw("/api/dead-letters/knooppunt.dlq/verwijder",
                Map.of("traceerIds", List.of(weg)));
        assertThat(zonderReden.getStatusCode().value()).isEqualTo(400);
        assertThat(zonderReden.getBody()).contains("reden");
        JsonNode verwijderd = post("/api/dead-letters/knooppunt.dlq/verwijder",
                Map.of("traceerIds", List.of(weg), "reden", "dubbel aangeleverd, afgestemd met Apeldoorn"));
        assertThat(verwijderd.at("/resultaten/0/uitkomst").asText()).isEqualTo("VERWIJDERD");
        assertThat(get("/api/dead-letters/knooppunt.dlq")).doesNotContain(weg);
        assertThat(jdbc.queryForObject("select reden from operator_log where actie = 'VERWIJDER' and traceer_ids = ?",
                String.class, weg)).isEqualTo("dubbel aangeleverd, afgestemd met Apeldoorn");

        JsonNode zet = post("/api/dead-letters/knooppunt.dlq/verplaats",
                Map.of("traceerIds", List.of(verplaatst), "doel", "knooppunt.expired"));
        assertThat(zet.at("/resultaten/0/uitkomst").asText()).isEqualTo("VERPLAATST");
        assertThat(get("/api/dead-letters/knooppunt.expired")).contains(verplaatst).contains("gemeente." + APELDOORN);

        apeldoorn.status = 200;
        JsonNode terug = post("/api/dead-letters/knooppunt.expired/opnieuw", Map.of("alle", true));
        assertThat(terug.get("resultaten").toString()).contains(verplaatst).contains("OPNIEUW_AANGEBODEN");
        await().atMost(Duration.ofSeconds(10)).until(() -> apeldoorn.geaccepteerd(verplaatst) == 1);

        assertThat(postRaw("/api/dead-letters/gemeente.0200/opnieuw", Map.of("alle", true)).getStatusCode().value())
                .as("only dead-letter queues").isEqualTo(404);
        assertThat(postRaw("/api/dead-letters/knooppunt.dlq/opnieuw", Map.of("traceerIds", List.of("x' or '1'='1")))
                .getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void aPausedPushParticipantKeepsItsBacklogUntilResumedAlsoWhenItsRouteIsCreatedAgain() throws Exception {
        nijmegen.status = 200;
        JsonNode pauze = post("/api/routering/" + NIJMEGEN + "/pauze", Map.of("reden", "onderhoud bij Nijmegen"));
        assertThat(pauze.get("gepauzeerd").asBoolean()).isTrue();
        assertThat(routeStatus()).isEqualTo(ServiceStatus.Suspended);

        String id = stuur(NIJMEGEN, "PAUZE1", TestBsn.nth(20));
        await().atMost(Duration.ofSeconds(5)).until(() -> admin.count("gemeente." + NIJMEGEN, "traceerId = '" + id + "'") == 1);
        JsonNode nijmegenRij = afleveringVan(NIJMEGEN);
        assertThat(nijmegenRij.get("gepauzeerd").asBoolean()).isTrue();
        assertThat(nijmegenRij.get("wachtrij").asLong()).isGreaterThanOrEqualTo(1);

        // as after a restart: the route is created again while paused, and stays stopped
        Path file = REGISTRY_DIR.resolve("kanalen.yaml");
        String metPush = Files.readString(file);
        Files.writeString(file, origineleKanalen + rest(APELDOORN, apeldoorn.url()));
        registryService.reload();
        assertThat(camel.getRoute(PushRoutes.routeId(NIJMEGEN))).isNull();
        Files.writeString(file, metPush);
        registryService.reload();
        assertThat(routeStatus()).isNotEqualTo(ServiceStatus.Started);
        assertThat(admin.count("gemeente." + NIJMEGEN, "traceerId = '" + id + "'")).as("still waiting").isEqualTo(1);
        assertThat(nijmegen.pogingen(id)).isZero();

        JsonNode hervat = post("/api/routering/" + NIJMEGEN + "/hervat", Map.of());
        assertThat(hervat.get("wasGepauzeerd").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> nijmegen.geaccepteerd(id) == 1);
        assertThat(routeStatus()).isEqualTo(ServiceStatus.Started);

        assertThat(jdbc.queryForList("select event_type from audit_event where event_type like 'AFLEVERING_%' "
                + "and inhoud like ? order by tijdstip", String.class, "%\"bestemming\":\"" + NIJMEGEN + "\"%"))
                .containsExactly("AFLEVERING_PAUZE", "AFLEVERING_HERVAT");
        assertThat(jdbc.queryForList("select uitkomst from operator_log where queue = ? order by id", String.class,
                "gemeente." + NIJMEGEN)).hasSize(2).first().asString().startsWith("gepauzeerd (push-route");
    }

    @Test
    void aQueueParticipantIsPausedOnTheBroker() {
        post("/api/routering/" + UTRECHT + "/pauze", Map.of());
        assertThat(admin.paused("gemeente." + UTRECHT)).isTrue();
        String id = stuur(UTRECHT, "PAUZE2", TestBsn.nth(21));
        await().atMost(Duration.ofSeconds(5)).until(() -> admin.count("gemeente." + UTRECHT, "traceerId = '" + id + "'") == 1);
        assertThat(receive("gemeente." + UTRECHT, id, 500)).as("a consumer gets nothing while paused").isNull();

        post("/api/routering/" + UTRECHT + "/hervat", Map.of());
        assertThat(admin.paused("gemeente." + UTRECHT)).isFalse();
        assertThat(receive("gemeente." + UTRECHT, id)).isNotNull();
        assertThat(postRaw("/api/routering/9999/pauze", Map.of()).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void healthShowsBrokerDatabaseSftpAndTheLastPushAttemptPerTarget() throws Exception {
        apeldoorn.status = 503;
        String id = stuur(APELDOORN, "GEZOND1", TestBsn.nth(22));
        await().atMost(Duration.ofSeconds(5)).until(() -> apeldoorn.pogingen(id) >= 1);
        JsonNode push = onderdeel("pushDoelen");
        assertThat(push.get("status").asText()).isEqualTo("STORING");
        assertThat(push.at("/details/doelen/" + APELDOORN + "/status").asText()).isEqualTo("STORING");
        assertThat(push.at("/details/doelen/" + APELDOORN + "/reden").asText()).contains("HTTP_503");
        assertThat(push.at("/details/doelen/" + APELDOORN + "/laatstePoging").asText()).isNotBlank();
        apeldoorn.status = 200;
        await().atMost(Duration.ofSeconds(10)).until(() -> apeldoorn.geaccepteerd(id) == 1);
        assertThat(onderdeel("pushDoelen").at("/details/doelen/" + APELDOORN + "/status").asText()).isEqualTo("UP");

        assertThat(onderdeel("sftpServer").get("status").asText()).isEqualTo("UP");
        assertThat(onderdeel("db").get("status").asText()).isEqualTo("UP");
        assertThat(onderdeel("jms").get("status").asText()).isEqualTo("UP");
        // a failing gemeente does not make the hub itself unhealthy
        assertThat(api("LEZER").get().uri("/actuator/health").retrieve().toEntity(String.class).getStatusCode().value())
                .isEqualTo(200);
    }

    @Test
    void theOperatorLogIsPagedNewestFirst() throws Exception {
        post("/api/routering/" + UTRECHT + "/hervat", Map.of());
        post("/api/routering/" + UTRECHT + "/hervat", Map.of());
        JsonNode pagina = json.readTree(get("/api/beheer/operatorlog?pagina=0&grootte=1"));
        assertThat(pagina.get("regels")).hasSize(1);
        assertThat(pagina.get("totaal").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(pagina.at("/regels/0/actie").asText()).isEqualTo("HERVAT");
        assertThat(pagina.at("/regels/0/uitkomst").asText()).isEqualTo("was niet gepauzeerd");
        long nieuwste = pagina.at("/regels/0/id").asLong();
        JsonNode tweede = json.readTree(get("/api/beheer/operatorlog?pagina=1&grootte=1"));
        assertThat(tweede.at("/regels/0/id").asLong()).isLessThan(nieuwste);
    }

    private JsonNode onderdeel(String naam) throws Exception {
        for (JsonNode n : json.readTree(get("/api/beheer/gezondheid"))) {
            if (n.get("naam").asText().equals(naam)) {
                return n;
            }
        }
        throw new AssertionError("geen gezondheid van " + naam);
    }

    @Test
    void theExternalBrokerPathSpeaksManagementMessages() throws Exception {
        ManagementQueueAdmin extern = new ManagementQueueAdmin(cf);
        assertThat(extern.deadLetterQueues()).contains("knooppunt.dlq", "knooppunt.expired");
        assertThat(extern.exists("knooppunt.onbestelbaar")).isTrue();
        assertThat(extern.exists("bestaat.niet")).isFalse();
        // a name the metrics allow-list takes (MetricLabelsTest reads the same broker), and gone afterwards
        String queue = "knooppunt.beheertest";
        try {
            extern.create(queue);
            extern.pause(queue);
            assertThat(admin.paused(queue)).isTrue();
            assertThat(extern.paused(queue)).isTrue();
            extern.resume(queue);
            assertThat(admin.paused(queue)).isFalse();
            assertThat(extern.count(queue, null)).isZero();
            assertThat(extern.list(queue, "traceerId = 'x'", 10)).isEmpty();
            assertThat(extern.oldestAge(queue)).isNull();
        } finally {
            broker.getActiveMQServer().destroyQueue(org.apache.activemq.artemis.api.core.SimpleString.of(queue));
        }
    }

    // ------------------------------------------------------------------ helpers

    private ServiceStatus routeStatus() {
        return camel.getRouteController().getRouteStatus(PushRoutes.routeId(NIJMEGEN));
    }

    private JsonNode afleveringVan(String deelnemer) throws Exception {
        for (JsonNode n : json.readTree(get("/api/routering/afleveringen"))) {
            if (n.get("deelnemer").asText().equals(deelnemer)) {
                return n;
            }
        }
        throw new AssertionError("geen aflevering voor " + deelnemer);
    }

    private String stuur(String gemeente, String identificatie, String bsn) {
        VerstuurBerichtAntwoord antwoord = send(BerichtBuilder.wmo315().gemeente(gemeente).identificatie(identificatie)
                .bsn(bsn).build());
        assertThat(antwoord.getStatus()).as("%s", antwoord.getMeldingen()).isEqualTo(Status.GEACCEPTEERD);
        return antwoord.getTraceerId();
    }

    private JsonNode opDlq(String id) throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/dead-letters/knooppunt.dlq").contains(id));
        for (JsonNode n : json.readTree(get("/api/dead-letters/knooppunt.dlq")).get("berichten")) {
            if (n.get("traceerId").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError(id + " niet op de DLQ");
    }

    private long events(String id, String type) {
        Long n = jdbc.queryForObject("select count(*) from audit_event where traceer_id = ? and event_type = ?",
                Long.class, id, type);
        return n == null ? 0 : n;
    }

    private String get(String path) {
        ResponseEntity<String> r = api("OPERATOR").get().uri(path).retrieve().toEntity(String.class);
        assertThat(r.getStatusCode().value()).as("GET %s: %s", path, r.getBody()).isEqualTo(200);
        return r.getBody();
    }

    private JsonNode post(String path, Object body) {
        ResponseEntity<String> r = postRaw(path, body);
        assertThat(r.getStatusCode().value()).as("POST %s: %s", path, r.getBody()).isEqualTo(200);
        try {
            return json.readTree(r.getBody());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ResponseEntity<String> postRaw(String path, Object body) {
        return api("OPERATOR").post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(String.class);
    }
}
