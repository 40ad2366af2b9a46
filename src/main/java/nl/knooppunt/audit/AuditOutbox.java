package nl.knooppunt.audit;

import java.util.List;
import nl.knooppunt.system.KnooppuntProperties;
import org.apache.camel.Body;
import org.apache.camel.Message;
import org.springframework.jdbc.core.JdbcTemplate;
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

    public AuditOutbox(JdbcTemplate jdbc, KnooppuntProperties properties, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.batchSize = properties.audit().publishBatchSize();
    }

    public List<Pending> pending() {
        return jdbc.query("select event_id, traceer_id, event_type, inhoud from audit_event where gepubliceerd = false "
                        + "order by tijdstip, event_id fetch first " + batchSize + " rows only",
                (rs, i) -> new Pending(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    public String toMessage(Pending event, Message message) {
        message.setHeader("_AMQ_DUPL_ID", event.eventId());
        message.setHeader(EVENT_ID, event.eventId());
        message.setHeader("eventType", event.eventType());
        message.setHeader("traceerId", event.traceerId());
        return event.json();
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
