package nl.knooppunt.audit;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.List;
import nl.knooppunt.broker.CachingDestinationResolver;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQExceptionType;
import nl.knooppunt.system.KnooppuntProperties;
import org.apache.camel.Body;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit route's steps: read unpublished events from the database, publish each (duplicate id = eventId, so a
 * republish after a crash is dropped by the broker), then mark the whole batch published in one transaction. One
 * commit per event was the hub's largest cost (docs/performance.md); a crash between send and mark only republishes,
 * and the broker drops those repeats by their duplicate id.
 */
@Component
public class AuditOutbox {

    public static final String EVENT_ID = "eventId";

    public record Pending(String eventId, String traceerId, String eventType, String json) {
    }

    private final JdbcTemplate jdbc;
    private final int batchSize;
    private final TransactionTemplate tx;
    private final JmsTemplate transacted;
    private final JmsTemplate single;
    private final CachingDestinationResolver destinations;
    private final String queue;
    private final String live;

    public AuditOutbox(JdbcTemplate jdbc, KnooppuntProperties properties, TransactionTemplate tx,
                       ConnectionFactory connectionFactory, CachingDestinationResolver destinations,
                       @Value("${knooppunt.audit.live-address:audit.live}") String live) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.batchSize = properties.audit().publishBatchSize();
        this.queue = properties.audit().queue();
        this.live = live;
        this.destinations = destinations;
        this.transacted = new JmsTemplate(connectionFactory);
        this.transacted.setSessionTransacted(true);
        this.single = new JmsTemplate(connectionFactory);
    }

    public List<Pending> pending() {
        return jdbc.query("select event_id, traceer_id, event_type, inhoud from audit_event where gepubliceerd = false "
                        + "order by tijdstip, event_id fetch first " + batchSize + " rows only",
                (rs, i) -> new Pending(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    /**
     * Step {@code audit-send}: the whole batch onto {@code audit.contractmanagement} (durable) and the live address (not
     * durable) in one JMS transaction, so the broker syncs its journal once per batch instead of once per event
     * (docs/performance.md). A batch that holds an event the broker already has (published before a crash, not yet
     * marked) is refused whole by Artemis's duplicate detection; such a batch goes again one event at a time, where the
     * broker drops just the repeat.
     */
    public void publiceer(@Body List<Pending> events) {
        if (events == null || events.isEmpty()) {
            return;
        }
        try {
            transacted.execute(session -> {
                verstuur(session, events);
                session.commit();
                return null;
            }, true);
        } catch (org.springframework.jms.JmsException e) {
            if (!duplicaat(e)) {
                throw e;
            }
            single.execute(session -> {
                for (Pending event : events) {
                    verstuur(session, List.of(event));
                }
                return null;
            }, true);
        }
    }

    /** Artemis refused the transaction because it holds a duplicate id it has seen before. */
    private static boolean duplicaat(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ActiveMQException a && a.getType() == ActiveMQExceptionType.DUPLICATE_ID_REJECTED) {
                return true;
            }
        }
        return false;
    }

    private void verstuur(Session session, List<Pending> events) throws JMSException {
        try (MessageProducer duurzaam = session.createProducer(destinations.resolveDestinationName(session, queue, false));
             MessageProducer kijkers = session.createProducer(destinations.resolveDestinationName(session, live, true))) {
            duurzaam.setDeliveryMode(DeliveryMode.PERSISTENT);
            kijkers.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            for (Pending event : events) {
                duurzaam.send(bericht(session, event));
                kijkers.send(bericht(session, event));
            }
        }
    }

    private static TextMessage bericht(Session session, Pending event) throws JMSException {
        TextMessage message = session.createTextMessage(event.json());
        message.setStringProperty("_AMQ_DUPL_ID", event.eventId());
        message.setStringProperty(EVENT_ID, event.eventId());
        message.setStringProperty("eventType", event.eventType());
        message.setStringProperty("traceerId", event.traceerId());
        return message;
    }

    /** After every event of the batch is on the broker: one transaction marks them all. */
    public void published(@Body List<Pending> events) {
        if (events == null || events.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> jdbc.batchUpdate("update audit_event set gepubliceerd = true where event_id = ?",
                events.stream().map(e -> new Object[] {e.eventId()}).toList()));
    }
}
