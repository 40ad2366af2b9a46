package nl.knooppunt.delivery.push;

import jakarta.jms.JMSException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.knooppunt.audit.AuditEvent;
import nl.knooppunt.audit.AuditTrail;
import nl.knooppunt.delivery.Afleverkanaal;
import nl.knooppunt.delivery.Zending;
import nl.knooppunt.registry.Kanaal;
import nl.knooppunt.registry.RegistryService;
import nl.knooppunt.system.Ids;
import nl.knooppunt.validation.Masking;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.jms.JmsMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The push loop's steps (routes/push.yaml, route configuration {@code knooppunt-push}). One attempt: the bericht off
 * the participant's queue goes to the {@link Afleverkanaal} of its registered channel. Delivered → the JMS transaction
 * commits. A temporary failure → rollback, and the broker redelivers this bericht later (backoff, see
 * {@link AfleveringProperties}) while the consumer goes on with the next one. Refused by the receiver, or out of time
 * → {@link NaarDlq}: the bericht moves to {@code knooppunt.dlq} with the reason. Every attempt is an audit event.
 */
@Component
public class PushAflevering {

    public static final String DLQ = "knooppunt.dlq";
    /** DLQ headers: why, from which queue, after how many attempts. */
    public static final String REDEN = "knooppuntReden";
    public static final String QUEUE = "knooppuntQueue";
    public static final String POGINGEN = "knooppuntPogingen";

    static final String AFLEVERPOGING = "AFLEVERPOGING";
    static final String AFGELEVERD_PUSH = "AFGELEVERD_PUSH";
    static final String NAAR_DLQ = "NAAR_DLQ";

    private static final Logger log = LoggerFactory.getLogger(PushAflevering.class);
    private static final List<String> DOORGEGEVEN = List.of("berichtCode", "berichtType", "afzender", "ontvanger",
            "bestemming", "responsibleGemeente", "executingGemeente", "routingReason", "kanaal");

    private final RegistryService registry;
    private final Map<Kanaal.Soort, Afleverkanaal> kanalen = new EnumMap<>(Kanaal.Soort.class);
    private final AfleveringProperties properties;
    private final AuditTrail audit;
    private final Clock clock;
    private final PushStatus status;
    private final PushInhoud inhoud;

    @Autowired
    public PushAflevering(RegistryService registry, List<Afleverkanaal> kanalen, AfleveringProperties properties,
                          AuditTrail audit, PushStatus status, PushInhoud inhoud) {
        this(registry, kanalen, properties, audit, Clock.systemUTC(), status, inhoud);
    }

    PushAflevering(RegistryService registry, List<Afleverkanaal> kanalen, AfleveringProperties properties,
                   AuditTrail audit, Clock clock) {
        this(registry, kanalen, properties, audit, clock, new PushStatus(), PushInhoud.inGeheugen());
    }

    PushAflevering(RegistryService registry, List<Afleverkanaal> kanalen, AfleveringProperties properties,
                   AuditTrail audit, Clock clock, PushStatus status, PushInhoud inhoud) {
        this.status = status;
        this.inhoud = inhoud;
        this.registry = registry;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        for (Afleverkanaal k : kanalen) {
            Afleverkanaal eerder = this.kanalen.put(k.soort(), k);
            if (eerder != null) {
                throw new IllegalStateException("two Afleverkanaal beans for " + k.soort() + ": "
                        + eerder.getClass().getName() + " and " + k.getClass().getName());
            }
        }
    }

    /** Whether this hub can push over this channel; a participant without one keeps its berichten on its queue. */
    public boolean kan(Kanaal.Soort soort) {
        return kanalen.containsKey(soort);
    }

    /** One attempt. Returns normally only when delivered. */
    public void lever(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        String queue = queueVan(exchange);
        String deelnemer = deelnemerVan(queue);
        int poging = poging(in);
        exchange.setProperty(POGINGEN, poging);
        Kanaal kanaal = registry.current().kanaal(deelnemer);
        exchange.setProperty("knooppuntAfleverkanaal", kanaal.soort().name());
        Afleverkanaal afleverkanaal = kanalen.get(kanaal.soort());
        Zending zending = zending(deelnemer, exchange);
        try {
            if (afleverkanaal == null) {
                // the registry changed under a running consumer; the route is being removed, so leave it on the queue
                throw Afleverfout.tijdelijk("GEEN_PUSHKANAAL", "deelnemer heeft nu kanaal " + kanaal.soort());
            }
            afleverkanaal.lever(kanaal, zending);
        } catch (Exception e) {
            String reden = reden(e);
            exchange.setProperty(REDEN, reden);
            status.mislukt(deelnemer, clock.instant(), reden);
            if (e instanceof Afleverfout f && f.permanent()) {
                throw new NaarDlq("geweigerd door ontvanger: " + reden, e);
            }
            Duration leeftijd = leeftijd(in);
            if (poging >= properties.maxPogingen() || leeftijd.compareTo(properties.duur()) >= 0) {
                throw new NaarDlq("niet afgeleverd na " + poging + " pogingen in " + leeftijd.withNanos(0)
                        + ": " + reden, e);
            }
            throw e;
        }
        audit.record(event(in, AFGELEVERD_PUSH, kanaal.soort(), poging, null));
        status.geslaagd(deelnemer, clock.instant());
        log.info("traceerId={} afgeleverd aan {} via {} (poging {})", zending.traceerId(), deelnemer, kanaal.soort(), poging);
    }

    /** A temporary failure: audit it; the exception then rolls the JMS transaction back. */
    public void pogingMislukt(Exchange exchange) {
        Message in = exchange.getMessage();
        String reden = exchange.getProperty(REDEN, String.class);
        if (reden == null) {
            reden = reden(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
        }
        int poging = exchange.getProperty(POGINGEN, 0, Integer.class);
        audit.record(event(in, AFLEVERPOGING, soort(exchange), Math.max(poging, 1), reden));
        log.warn("traceerId={} aflevering aan {} mislukt (poging {} van max {}), volgende over {}: {}",
                in.getHeader("traceerId"), deelnemerVan(queueVan(exchange)), poging, properties.maxPogingen(),
                properties.wachttijdNa(Math.max(poging, 1)), reden);
    }

    /** Prepares the DLQ entry: the original bytes and headers, plus the reason, queue and attempts. */
    public void naarDlq(Exchange exchange) {
        Message in = exchange.getMessage();
        NaarDlq naarDlq = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, NaarDlq.class);
        String reden = naarDlq == null ? "onbekend" : naarDlq.reden();
        int poging = exchange.getProperty(POGINGEN, 1, Integer.class);
        String queue = queueVan(exchange);
        audit.record(event(in, AFLEVERPOGING, soort(exchange), poging, exchange.getProperty(REDEN, String.class)));
        audit.record(event(in, NAAR_DLQ, soort(exchange), poging, reden));
        log.warn("traceerId={} naar {} (van {}): {}", in.getHeader("traceerId"), DLQ, queue, reden);
        String messageId = in.getHeader("JMSMessageID", String.class);
        in.removeHeaders("JMS*");
        in.setHeader("_AMQ_DUPL_ID", "dlq/" + (messageId != null ? messageId : UUID.randomUUID().toString()));
        in.setHeader(REDEN, reden);
        in.setHeader(QUEUE, queue);
        in.setHeader(POGINGEN, poging);
    }

    Zending zending(String deelnemer, Exchange exchange) throws IOException, JMSException {
        Message in = exchange.getMessage();
        String traceerId = in.getHeader("traceerId", String.class);
        if (traceerId == null || !traceerId.matches("[0-9a-f-]{36}")) {
            throw new IllegalArgumentException("bericht zonder geldig traceerId op de queue van " + deelnemer);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h : DOORGEGEVEN) {
            String v = in.getHeader(h, String.class);
            if (v != null) {
                headers.put(h, v);
            }
        }
        return new Zending(deelnemer, traceerId, traceerId + ".xml", inhoud.van(exchange), headers);
    }

    private AuditEvent event(Message in, String type, Kanaal.Soort soort, int poging, String reden) {
        String traceerId = in.getHeader("traceerId", String.class);
        return new AuditEvent(AuditEvent.SCHEMA_VERSION, Ids.nieuw(), traceerId, type,
                clock.instant(), patroon(in, "kanaal", "[A-Z][A-Z0-9_]{0,9}", "ONBEKEND"), null,
                patroon(in, "berichtCode", "[0-9]{3}", null), null,
                patroon(in, "afzender", "[0-9]{4}|[0-9]{8}", null), patroon(in, "ontvanger", "[0-9]{4}|[0-9]{8}", null),
                patroon(in, "bestemming", "[0-9]{4}|[0-9]{8}", null), null, null, null, null, null, null, null, null,
                null, null, null, null, null, soort == null ? null : soort.name(), poging, reden, null);
    }

    private static String patroon(Message in, String header, String regex, String anders) {
        String v = in.getHeader(header, String.class);
        return v != null && v.matches(regex) ? v : anders;
    }

    private static Kanaal.Soort soort(Exchange exchange) {
        String s = exchange.getProperty("knooppuntAfleverkanaal", String.class);
        return s == null ? null : Kanaal.Soort.valueOf(s);
    }

    /** A reason code and a masked message, never longer than 300 characters and never with a BSN. */
    static String reden(Throwable e) {
        if (e == null) {
            return "ONBEKEND";
        }
        String code = e instanceof Afleverfout f ? f.code() : e.getClass().getSimpleName();
        String tekst = e.getMessage() == null ? "" : ": " + Masking.mask(e.getMessage()).replaceAll("\\s+", " ");
        String reden = code + tekst;
        return reden.length() > 300 ? reden.substring(0, 297) + "..." : reden;
    }

    static String deelnemerVan(String queue) {
        if (queue != null && queue.matches("gemeente\\.[0-9]{4}|aanbieder\\.[0-9]{8}")) {
            return queue.substring(queue.indexOf('.') + 1);
        }
        throw new IllegalArgumentException("geen queue van een deelnemer: " + queue);
    }

    private static String queueVan(Exchange exchange) {
        return exchange.getProperty(QUEUE, String.class);
    }

    private static int poging(Message in) {
        if (in instanceof JmsMessage jms && jms.getJmsMessage() != null) {
            try {
                return Math.max(1, jms.getJmsMessage().getIntProperty("JMSXDeliveryCount"));
            } catch (JMSException | NumberFormatException e) {
                return 1;
            }
        }
        return Math.max(1, in.getHeader("JMSXDeliveryCount", 1, Integer.class));
    }

    private Duration leeftijd(Message in) {
        Long sinds = in.getHeader("JMSTimestamp", Long.class);
        if (sinds == null || sinds <= 0) {
            return Duration.ZERO;
        }
        return Duration.between(Instant.ofEpochMilli(sinds), clock.instant());
    }
}
