package nl.knooppunt.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.intake.soap.api.Melding;
import nl.knooppunt.intake.soap.api.Status;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import nl.knooppunt.validation.corpus.Corpus;
import org.junit.jupiter.api.Test;
import org.springframework.jms.core.JmsTemplate;

/**
 * Reconciles the audit trail with what was sent (issue 6, "Show"): the whole validation corpus goes through the running
 * hub over SOAP, plus exact repeats (duplicates of accepted berichten, and a repeat of a rejected one, which is
 * rejected again). Then, per berichttype and outcome (geaccepteerd / afgekeurd / duplicaat), the input count must equal
 * (a) the audit events in table {@code audit_event}, (b) the events that arrived on the durable queue
 * {@code audit.contractmanagement}, and (c) the figures of the contractmanagement reports {@code berichten} and
 * {@code afkeur} (per berichttype × first melding code). Every difference is listed by type and outcome.
 * <p>The shared hub also receives other tests' berichten, so this test keeps to its own: each run gives the corpus
 * its own Identificaties (so nothing is a duplicate of another test's corpus run) and sends it to gemeente
 * {@value #GEMEENTE} (Stadskanaal, mandated to Groningen), which no other test uses; the reports are filtered on that
 * gemeente, the table and the queue on the traceerIds sent here (a JMS selector, so other tests' events stay).
 */
class AuditReconciliatieTest extends SharedHubTest {

    static final String GEMEENTE = "0037";
    /** Berichten sent again, byte for byte, after their first copy was accepted: each repeat is a DUPLICAAT. */
    static final Map<String, Integer> HERHAALD = Map.of("WMO315", 2, "WMO323", 1, "WMO305", 1, "WMO302", 1);
    static final List<String> UITKOMSTEN = List.of("GEROUTEERD", "AFGEKEURD", "DUPLICAAT");

    /** What was sent: per traceerId, its berichttype and intended outcome (and for a rejection, the first code). */
    record Verzonden(String traceerId, String type, String uitkomst, String code) {
        String sleutel() {
            return type + "/" + uitkomst;
        }
    }

    @Test
    void auditTelt_zoveelAlsErVerzondenIs_perTypeEnUitkomst() throws Exception {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 5).toUpperCase();
        List<Verzonden> verzonden = new ArrayList<>();
        Map<String, Corpus.Geval> geldig = new LinkedHashMap<>();
        String eersteAfgekeurd = null;
        for (Corpus.Geval geval : Corpus.gevallen()) {
            String xml = eigen(geval.xml(), run);
            Verzonden v = stuur(xml, geval.type(), geval.geldig() ? "GEROUTEERD" : "AFGEKEURD", geval.bestand());
            verzonden.add(v);
            if (geval.geldig()) {
                geldig.put(v.traceerId(), geval);
            } else if (eersteAfgekeurd == null) {
                eersteAfgekeurd = geval.bestand();
                // a rejected bericht gives its Identificatie back: the same bytes again are rejected again
                verzonden.add(stuur(xml, geval.type(), "AFGEKEURD", geval.bestand() + " (herhaald)"));
            }
        }
        // a repeat is a duplicate only once its first copy has finished (before that the hub answers "in behandeling")
        for (var e : geldig.entrySet()) {
            int keer = HERHAALD.getOrDefault(e.getValue().type(), 0);
            if (keer > 0) {
                await().atMost(Duration.ofSeconds(30)).until(() -> !List.of("ONTVANGEN", "GEROUTEERD").contains(
                        jdbc.queryForObject("select status from bericht where traceer_id = ?", String.class, e.getKey())));
            }
            for (int i = 0; i < keer; i++) {
                verzonden.add(stuur(eigen(e.getValue().xml(), run), e.getValue().type(), "DUPLICAAT",
                        e.getValue().bestand() + " (kopie " + (i + 1) + ")"));
            }
        }
        Map<String, Long> invoer = tel(verzonden.stream().map(Verzonden::sleutel).toList());
        assertThat(invoer.keySet().stream().filter(k -> k.endsWith("/DUPLICAAT")).count()).isEqualTo(HERHAALD.size());
        Set<String> ids = verzonden.stream().map(Verzonden::traceerId).collect(Collectors.toSet());

        List<String> verschillen = new ArrayList<>();
        vergelijk("audit_event", invoer, uitTabel(ids), verschillen);
        Map<String, JsonNode> uitkomstEvents = new TreeMap<>();
        vergelijk("queue audit.contractmanagement", invoer, uitQueue(ids, uitkomstEvents), verschillen);
        // the reports count a bericht once in every month × product group it has a line in (a 323 with prestaties in
        // two months counts in both): the groups of each bericht come from the product lines of its event
        List<String> perGroep = new ArrayList<>();
        List<String> afkeurPerMaand = new ArrayList<>();
        for (Verzonden v : verzonden) {
            for (String groep : groepen(uitkomstEvents.get(v.traceerId()))) {
                perGroep.add(v.sleutel() + " " + groep);
            }
            if (v.code() != null) {
                groepen(uitkomstEvents.get(v.traceerId())).stream().map(g -> g.substring(0, g.indexOf(' ')))
                        .distinct().forEach(maand -> afkeurPerMaand.add(v.type() + "/" + v.code() + " " + maand));
            }
        }
        vergelijk("rapport berichten", tel(perGroep), uitRapportBerichten(ids), verschillen);
        vergelijk("rapport afkeur", tel(afkeurPerMaand), uitRapportAfkeur(ids), verschillen);
        assertThat(verschillen).as("audit telt anders dan de invoer (%d berichten, %s)", verzonden.size(), invoer)
                .isEmpty();
    }

    /** This run's own Identificaties (the corpus uses WMO3xx-0001) and the test's own gemeente in the header. */
    static String eigen(String xml, String run) {
        return xml.replaceAll(">WMO(3[0-9][0-9])-0001<", ">R" + run + "-$1<")
                .replaceAll("(Afzender|Ontvanger)>0599<", "$1>" + GEMEENTE + "<");
    }

    private Verzonden stuur(String xml, String type, String uitkomst, String bestand) {
        VerstuurBerichtAntwoord antwoord = send(xml);
        List<String> codes = antwoord.getMeldingen().stream().map(Melding::getCode).toList();
        assertThat(antwoord.getStatus()).as("%s %s", bestand, codes)
                .isEqualTo("AFGEKEURD".equals(uitkomst) ? Status.AFGEKEURD : Status.GEACCEPTEERD);
        if ("DUPLICAAT".equals(uitkomst)) {
            assertThat(codes).as(bestand).contains("KP009");
        }
        return new Verzonden(antwoord.getTraceerId(), type, uitkomst,
                "AFGEKEURD".equals(uitkomst) ? codes.get(0) : null);
    }

    /** (a) The stored events, by their berichttype and event type. */
    private Map<String, Long> uitTabel(Set<String> ids) throws Exception {
        List<String> sleutels = new ArrayList<>();
        for (String id : ids) {
            for (String inhoud : jdbc.queryForList("select inhoud from audit_event where traceer_id = ?", String.class,
                    id)) {
                JsonNode event = json.readTree(inhoud);
                if (UITKOMSTEN.contains(event.get("eventType").asText())) {
                    sleutels.add(event.get("berichttype").asText() + "/" + event.get("eventType").asText());
                }
            }
        }
        return tel(sleutels);
    }

    /**
     * (b) The events that arrived on the durable queue, taken off it with a selector on this test's traceerIds: until
     * every bericht's outcome event is there (or 30 s passed), then whatever else of ours follows within a second.
     */
    private Map<String, Long> uitQueue(Set<String> ids, Map<String, JsonNode> uitkomstEvents) {
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        String selector = ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", ", "traceerId in (", ")"));
        List<String> sleutels = new ArrayList<>();
        Set<String> metUitkomst = new TreeSet<>();
        Set<String> eventIds = new TreeSet<>();
        long einde = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            boolean compleet = metUitkomst.size() >= ids.size();
            long wacht = compleet ? 1_000 : Math.max(1, (einde - System.nanoTime()) / 1_000_000);
            if (!compleet && System.nanoTime() > einde) {
                break;
            }
            jms.setReceiveTimeout(wacht);
            Message m = jms.receiveSelected("audit.contractmanagement", selector);
            if (m == null) {
                break;
            }
            JsonNode event = readJson(m);
            String type = event.get("eventType").asText();
            if (!eventIds.add(event.get("eventId").asText())) {
                sleutels.add(event.get("berichttype").asText() + "/" + type + " (tweemaal op de queue)");
            } else if (UITKOMSTEN.contains(type)) {
                sleutels.add(event.get("berichttype").asText() + "/" + type);
                metUitkomst.add(event.get("traceerId").asText());
                uitkomstEvents.put(event.get("traceerId").asText(), event);
            }
        }
        return tel(sleutels);
    }

    /** (c) Report "berichten" for the test's gemeente: per berichttype, outcome and month × product group. */
    private Map<String, Long> uitRapportBerichten(Set<String> ids) throws Exception {
        Map<String, Long> telling = new TreeMap<>();
        for (Map<String, Object> r : rapport("berichten", ids)) {
            String groep = " " + r.get("maand") + " " + r.get("productcategorie") + "/" + r.get("productcode");
            String type = (String) r.get("berichttype");
            telling.merge(type + "/GEROUTEERD" + groep, ((Number) r.get("geaccepteerd")).longValue(), Long::sum);
            telling.merge(type + "/AFGEKEURD" + groep, ((Number) r.get("afgekeurd")).longValue(), Long::sum);
            telling.merge(type + "/DUPLICAAT" + groep, ((Number) r.get("duplicaat")).longValue(), Long::sum);
        }
        telling.values().removeIf(n -> n == 0);
        return telling;
    }

    /** (c) Report "afkeur": rejected berichten per berichttype, deciding (first) code and month. */
    private Map<String, Long> uitRapportAfkeur(Set<String> ids) throws Exception {
        Map<String, Long> telling = new TreeMap<>();
        for (Map<String, Object> r : rapport("afkeur", ids)) {
            telling.merge(r.get("berichttype") + "/" + r.get("code") + " " + r.get("maand"),
                    ((Number) r.get("afgekeurd")).longValue(), Long::sum);
        }
        return telling;
    }

    /**
     * The report groups (month, productcategorie/productcode) a bericht counts in, as docs/audit.md "Rapportages"
     * defines them: one per product line, in the month of the line's Begindatum (else of the event, Dutch time); a
     * bericht without product lines counts once, in the month of the event, under its only productcategorie.
     */
    static Set<String> groepen(JsonNode event) {
        if (event == null) {
            return Set.of("? (geen-uitkomst-event)");
        }
        String eventMaand = java.time.LocalDate.ofInstant(java.time.Instant.parse(event.get("tijdstip").asText()),
                java.time.ZoneId.of("Europe/Amsterdam")).toString().substring(0, 7);
        Set<String> groepen = new TreeSet<>();
        JsonNode producten = event.path("producten");
        if (producten.isEmpty()) {
            JsonNode categorieen = event.path("productcategorieen");
            groepen.add(eventMaand + " " + (categorieen.size() == 1 ? categorieen.get(0).asText() : null) + "/null");
        }
        for (JsonNode p : producten) {
            String maand = p.hasNonNull("begindatum") ? p.get("begindatum").asText().substring(0, 7) : eventMaand;
            groepen.add(maand + " " + p.path("productcategorie").asText(null) + "/" + p.path("productcode").asText(null));
        }
        return groepen;
    }

    /** The report for the test's gemeente, asked month by month for each month its facts fall in, rows together. */
    private List<Map<String, Object>> rapport(String naam, Set<String> ids) throws Exception {
        // a prestatie counts in the month of its own Begindatum, so the corpus spreads over years
        Set<String> maanden = new TreeSet<>(ids.stream().flatMap(id -> jdbc.queryForList(
                "select maand from rapport_feit where traceer_id = ?", String.class, id).stream()).toList());
        assertThat(maanden).as("report facts of this test").isNotEmpty();
        List<Map<String, Object>> regels = new ArrayList<>();
        for (String maand : maanden) {
            var antwoord = api("CONTRACTMANAGER").get()
                    .uri("/api/rapporten/{naam}?van={maand}&tot={maand}&gemeente={gemeente}", naam, maand, maand,
                            GEMEENTE)
                    .retrieve().toEntity(String.class);
            assertThat(antwoord.getStatusCode().value()).as("/api/rapporten/%s %s: %s", naam, maand,
                    antwoord.getBody()).isEqualTo(200);
            regels.addAll(json.readValue(antwoord.getBody(), new TypeReference<List<Map<String, Object>>>() { }));
        }
        return regels;
    }

    private static Map<String, Long> tel(List<String> sleutels) {
        return sleutels.stream().collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
    }

    /** Adds a line per key whose count in the source differs from the input. */
    private static void vergelijk(String bron, Map<String, Long> invoer, Map<String, Long> gevonden,
                                  List<String> verschillen) {
        Set<String> sleutels = new TreeSet<>(invoer.keySet());
        sleutels.addAll(gevonden.keySet());
        for (String sleutel : sleutels) {
            long verwacht = invoer.getOrDefault(sleutel, 0L);
            long geteld = gevonden.getOrDefault(sleutel, 0L);
            if (verwacht != geteld) {
                verschillen.add(bron + ": " + sleutel + " verzonden " + verwacht + ", geteld " + geteld);
            }
        }
    }
}
