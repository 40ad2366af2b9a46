package nl.knooppunt.audit;

import java.util.List;
import nl.knooppunt.system.KnooppuntProperties;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit route's steps: read unpublished events from the database, publish each (duplicate id = eventId, so a
 * republish after a crash is dropped by the broker), then mark it published.
 */
@Component
public class AuditOutbox {

    public static final String EVENT_ID = "eventId";

    public record Pending(String eventId, String traceerId, String eventType, String json) {
    }

    private final JdbcTemplate jdbc;
    private final int batchSize;

    public AuditOutbox(JdbcTemplate jdbc, KnooppuntProperties properties) {
        this.jdbc = jdbc;
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

    public void published(@Header(EVENT_ID) String eventId) {
        jdbc.update("update audit_event set gepubliceerd = true where event_id = ?", eventId);
    }
}
