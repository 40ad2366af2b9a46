package nl.knooppunt.beheer;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.knooppunt.broker.JmsInhoud;
import nl.knooppunt.delivery.Delivery;
import nl.knooppunt.delivery.Onbestelbaar;
import nl.knooppunt.delivery.push.PushAflevering;
import nl.knooppunt.payload.Werkmap;
import nl.knooppunt.system.KnooppuntProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Service;

/**
 * Dead letters: what the hub or the broker gave up on, per queue ({@code knooppunt.dlq}, the expiry queue,
 * {@code knooppunt.onbestelbaar}). Operators retry (back to the participant's queue, where its push route or its own
 * consumer takes it; a parked bericht goes through validation and routing again), move or discard them. Every action
 * is written to the {@link OperatorLog} and is idempotent: a bericht that was delivered is never sent again, but
 * answered with {@link Uitkomst#AL_AFGELEVERD}.
 */
@Service
public class DeadLetters {

    /** The most entries a list shows, and the most that "retry all" takes in one action. */
    static final int MAX = 500;
    private static final Pattern TRACEER_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern DEELNEMER_QUEUE = Pattern.compile("gemeente\\.[0-9]{4}|aanbieder\\.[0-9]{8}");
    /** Headers copied to a retried message; the DLQ headers and the broker's own are left behind. */
    private static final Set<String> DOORGEGEVEN = Set.of("traceerId", "kanaal", "berichtType", "berichtCode",
            "afzender", "ontvanger", "bestemming", "responsibleGemeente", "executingGemeente", "routingReason",
            "routingTrail", "routingSignalen", "signalen", "signaalRetourcodes");

    public enum Uitkomst {
        OPNIEUW_AANGEBODEN("opnieuw aangeboden"), AFGELEVERD("afgeleverd"), OPNIEUW_GEPARKEERD("opnieuw geparkeerd"),
        AL_AFGELEVERD("al afgeleverd"), AL_IN_WACHTRIJ("staat al in de wachtrij"), VERPLAATST("verplaatst"),
        VERWIJDERD("verwijderd"), NIET_GEVONDEN("niet gevonden"), MISLUKT("mislukt");

        private final String tekst;

        Uitkomst(String tekst) {
            this.tekst = tekst;
        }

        public String tekst() {
            return tekst;
        }
    }

    /** One entry: never a BSN, only the hub's own headers (traceerId, codes, the reason the hub wrote). */
    public record DeadLetter(String traceerId, long messageId, String queue, String oorspronkelijkeQueue, String reden,
                             Instant tijdstip, Integer pogingen, String berichtCode, String afzender, String bestemming) {
    }

    public record Wachtrij(String naam, long aantal, Long oudsteLeeftijdMs) {
    }

    public record Resultaat(String traceerId, Uitkomst uitkomst, String toelichting) {
        @com.fasterxml.jackson.annotation.JsonProperty("tekst")
        public String tekst() {
            return uitkomst.tekst() + (toelichting == null ? "" : ": " + toelichting);
        }
    }

    private final QueueAdmin admin;
    private final Onbestelbaar onbestelbaar;
    private final OperatorLog log;
    private final JdbcTemplate jdbc;
    private final JmsTemplate jms;
    private final Werkmap werkmap;

    public DeadLetters(QueueAdmin admin, Onbestelbaar onbestelbaar, OperatorLog log, JdbcTemplate jdbc,
                       JmsTemplate jmsTemplate, KnooppuntProperties properties) throws IOException {
        this.werkmap = new Werkmap(properties.dataDir().resolve("dlq-werk"));
        this.admin = admin;
        this.onbestelbaar = onbestelbaar;
        this.log = log;
        this.jdbc = jdbc;
        this.jms = new JmsTemplate(jmsTemplate.getConnectionFactory());
        this.jms.setSessionTransacted(true);
    }

    /** The dead-letter and expiry queues the broker is configured with, and the parking queue. */
    public Set<String> namen() {
        Set<String> namen = new TreeSet<>(admin.deadLetterQueues());
        namen.add(PushAflevering.DLQ);
        namen.add(Delivery.ONBESTELBAAR);
        namen.removeIf(q -> !admin.exists(q));
        return namen;
    }

    public List<Wachtrij> wachtrijen() {
        return namen().stream().map(q -> new Wachtrij(q, admin.count(q, null), admin.oldestAge(q))).toList();
    }

    public List<DeadLetter> lijst(String queue) {
        bekend(queue);
        return admin.list(queue, null, MAX).stream().map(m -> entry(queue, m))
                .filter(d -> d.traceerId() != null).toList();
    }

    public List<Resultaat> opnieuw(String gebruiker, String queue, List<String> traceerIds, boolean alle) {
        bekend(queue);
        List<String> ids = alle ? lijst(queue).stream().map(DeadLetter::traceerId).distinct().toList() : geldig(traceerIds);
        List<Resultaat> resultaten = new ArrayList<>();
        for (String id : ids) {
            resultaten.add(opnieuw(queue, id));
        }
        log.schrijf(gebruiker, alle ? "OPNIEUW_ALLE" : "OPNIEUW", queue, ids, null, samenvatting(resultaten));
        return resultaten;
    }

    public List<Resultaat> verplaats(String gebruiker, String queue, List<String> traceerIds, String doel) {
        bekend(queue);
        List<String> ids = geldig(traceerIds);
        if (doel == null || doel.equals(queue) || !(namen().contains(doel) || DEELNEMER_QUEUE.matcher(doel).matches())
                || !admin.exists(doel)) {
            throw new IllegalArgumentException("verplaatsen kan alleen naar een andere bestaande dead-letter-queue of "
                    + "queue van een deelnemer, niet naar " + doel);
        }
        List<Resultaat> resultaten = new ArrayList<>();
        for (String id : ids) {
            if (DEELNEMER_QUEUE.matcher(doel).matches() && afgeleverd(id)) {
                resultaten.add(new Resultaat(id, Uitkomst.AL_AFGELEVERD, null));
                continue;
            }
            int n = admin.move(queue, selector(id), doel);
            resultaten.add(new Resultaat(id, n > 0 ? Uitkomst.VERPLAATST : Uitkomst.NIET_GEVONDEN, n > 0 ? "naar " + doel : null));
        }
        log.schrijf(gebruiker, "VERPLAATS", queue, ids, "naar " + doel, samenvatting(resultaten));
        return resultaten;
    }

    public List<Resultaat> verwijder(String gebruiker, String queue, List<String> traceerIds, String reden) {
        bekend(queue);
        if (reden == null || reden.isBlank()) {
            throw new IllegalArgumentException("verwijderen vraagt een reden");
        }
        List<String> ids = geldig(traceerIds);
        List<Resultaat> resultaten = new ArrayList<>();
        for (String id : ids) {
            int n = admin.remove(queue, selector(id));
            resultaten.add(new Resultaat(id, n > 0 ? Uitkomst.VERWIJDERD : Uitkomst.NIET_GEVONDEN, null));
        }
        log.schrijf(gebruiker, "VERWIJDER", queue, ids, reden.strip(), samenvatting(resultaten));
        return resultaten;
    }

    Resultaat opnieuw(String queue, String traceerId) {
        if (afgeleverd(traceerId)) {
            return new Resultaat(traceerId, Uitkomst.AL_AFGELEVERD, null);
        }
        if (Delivery.ONBESTELBAAR.equals(queue)) {
            try {
                return switch (onbestelbaar.vrijgeven(traceerId)) {
                    case AFGELEVERD -> new Resultaat(traceerId, Uitkomst.AFGELEVERD, null);
                    case OPNIEUW_GEPARKEERD -> new Resultaat(traceerId, Uitkomst.OPNIEUW_GEPARKEERD, "ontvanger nog onbekend");
                    case NIET_GEVONDEN -> new Resultaat(traceerId, Uitkomst.NIET_GEVONDEN, null);
                };
            } catch (RuntimeException e) {
                return new Resultaat(traceerId, Uitkomst.MISLUKT, e.getMessage());
            }
        }
        try {
            return jms.execute(session -> terug(session, queue, traceerId), true);
        } catch (RuntimeException e) {
            return new Resultaat(traceerId, Uitkomst.MISLUKT, e.getMessage());
        }
    }

    /**
     * Takes the entry off the dead-letter queue and sends a fresh copy (new timestamp, so a full delivery schedule) to
     * its original queue, in one JMS transaction. {@code _AMQ_DUPL_ID} names the entry, so the broker refuses a
     * second copy of it.
     */
    private Resultaat terug(Session session, String queue, String traceerId) throws JMSException {
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue), selector(traceerId))) {
            Message entry = consumer.receive(2000);
            if (entry == null) {
                return new Resultaat(traceerId, Uitkomst.NIET_GEVONDEN, null);
            }
            String doel = oorspronkelijk(entry);
            if (doel == null || !admin.exists(doel)) {
                session.rollback();
                return new Resultaat(traceerId, Uitkomst.MISLUKT, "geen oorspronkelijke queue bekend; verplaats het");
            }
            if (admin.count(doel, selector(traceerId)) > 0) {
                session.rollback();
                return new Resultaat(traceerId, Uitkomst.AL_IN_WACHTRIJ, doel);
            }
            // a large bericht goes through a work file, chunk by chunk, never whole in the heap
            Path werk = JmsInhoud.isGroot(entry) ? bewaar(entry) : null;
            try (InputStream stroom = werk == null ? null : Files.newInputStream(werk)) {
                Message kopie = kopie(session, entry, stroom);
                kopie.setStringProperty("_AMQ_DUPL_ID", "opnieuw/" + traceerId + "/" + entry.getJMSMessageID());
                try (MessageProducer producer = session.createProducer(session.createQueue(doel))) {
                    producer.send(kopie);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                verwijder(werk);
            }
            session.commit();
            return new Resultaat(traceerId, Uitkomst.OPNIEUW_AANGEBODEN, "naar " + doel);
        }
    }

    private Path bewaar(Message entry) throws JMSException {
        try {
            Path werk = werkmap.nieuwBestand();
            JmsInhoud.bewaar(entry, werk);
            return werk;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void verwijder(Path werk) {
        try {
            if (werk != null) {
                Files.deleteIfExists(werk);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Message kopie(Session session, Message entry, InputStream stroom) throws JMSException {
        Message kopie;
        if (stroom != null) {
            BytesMessage b = session.createBytesMessage();
            b.setObjectProperty(JmsInhoud.INPUT_STREAM, stroom);
            kopie = b;
        } else if (entry instanceof BytesMessage) {
            BytesMessage b = session.createBytesMessage();
            b.writeBytes(JmsInhoud.bytes(entry));
            kopie = b;
        } else if (entry instanceof TextMessage text) {
            kopie = session.createTextMessage(text.getText());
        } else {
            throw new IllegalStateException("onverwacht berichtsoort op de dead-letter-queue: " + entry.getClass().getSimpleName());
        }
        for (String naam : Collections.list((java.util.Enumeration<String>) entry.getPropertyNames())) {
            if (DOORGEGEVEN.contains(naam)) {
                kopie.setObjectProperty(naam, entry.getObjectProperty(naam));
            }
        }
        return kopie;
    }

    /** The queue the bericht came from: the push loop's header, else what the broker wrote when it dead-lettered it. */
    private static String oorspronkelijk(Message entry) throws JMSException {
        String doel = entry.getStringProperty(PushAflevering.QUEUE);
        if (doel == null) {
            doel = entry.getStringProperty("_AMQ_ORIG_QUEUE");
        }
        return doel;
    }

    /** Delivered before: pushed to the participant's system, or (for a parked bericht) routed and delivered since. */
    boolean afgeleverd(String traceerId) {
        Long pushed = jdbc.queryForObject("select count(*) from audit_event where traceer_id = ? and event_type = ?",
                Long.class, traceerId, "AFGELEVERD_PUSH");
        if (pushed != null && pushed > 0) {
            return true;
        }
        List<String> status = jdbc.queryForList("select status from bericht where traceer_id = ?", String.class, traceerId);
        // a parked bericht that has been released and delivered since
        Long geparkeerdGeweest = jdbc.queryForObject("select count(*) from audit_event where traceer_id = ? and event_type = ?",
                Long.class, traceerId, "GEPARKEERD");
        return geparkeerdGeweest != null && geparkeerdGeweest > 0 && !status.isEmpty()
                && (status.get(0).equals("AFGELEVERD") || status.get(0).equals("IN_TRIAGE"));
    }

    private DeadLetter entry(String queue, Map<String, Object> m) {
        String traceerId = tekst(m.get("traceerId"));
        if (traceerId == null || !TRACEER_ID.matcher(traceerId).matches()) {
            traceerId = null;
        }
        String oorsprong = tekst(m.get(PushAflevering.QUEUE));
        if (oorsprong == null) {
            oorsprong = tekst(m.get("_AMQ_ORIG_QUEUE"));
        }
        String reden = tekst(m.get(PushAflevering.REDEN));
        if (reden == null && m.get("parkeerCode") != null) {
            reden = "geparkeerd: " + tekst(m.get("parkeerCode")) + " (ontvanger onbekend)";
        }
        if (reden == null && m.get("_AMQ_ACTUAL_EXPIRY") != null) {
            reden = "verlopen";
        }
        if (reden == null && m.get("_AMQ_ORIG_QUEUE") != null) {
            reden = "maximum aantal afleverpogingen van de broker bereikt";
        }
        Object ts = m.get("timestamp");
        Instant tijd = ts instanceof Number n && n.longValue() > 0 ? Instant.ofEpochMilli(n.longValue()) : null;
        Object pogingen = m.get(PushAflevering.POGINGEN);
        Integer p = pogingen instanceof Number n ? n.intValue() : null;
        Object id = m.get("messageID");
        return new DeadLetter(traceerId, id instanceof Number n ? n.longValue() : -1, queue, oorsprong, reden, tijd, p,
                code(m.get("berichtCode"), "[0-9]{3}"), code(m.get("afzender"), "[0-9]{4}|[0-9]{8}"),
                code(m.get("bestemming"), "[0-9]{4}|[0-9]{8}"));
    }

    private static String tekst(Object o) {
        return o == null ? null : o.toString();
    }

    private static String code(Object o, String patroon) {
        String s = tekst(o);
        return s != null && s.matches(patroon) ? s : null;
    }

    private void bekend(String queue) {
        if (queue == null || !namen().contains(queue)) {
            throw new OnbekendeQueue(queue);
        }
    }

    private static List<String> geldig(List<String> traceerIds) {
        if (traceerIds == null || traceerIds.isEmpty()) {
            throw new IllegalArgumentException("kies een of meer berichten (traceerIds)");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String id : traceerIds) {
            if (id == null || !TRACEER_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("geen geldig traceerId: " + (id == null ? "" : id.replaceAll("[^0-9a-zA-Z-]", "?")));
            }
            ids.add(id);
        }
        return List.copyOf(ids);
    }

    private static String selector(String traceerId) {
        return "traceerId = '" + traceerId + "'";
    }

    static String samenvatting(List<Resultaat> resultaten) {
        if (resultaten.isEmpty()) {
            return "niets te doen";
        }
        Map<Uitkomst, Long> per = new TreeMap<>(resultaten.stream()
                .collect(Collectors.groupingBy(Resultaat::uitkomst, Collectors.counting())));
        return per.entrySet().stream().map(e -> e.getKey().tekst() + ": " + e.getValue()).collect(Collectors.joining(", "));
    }
}
