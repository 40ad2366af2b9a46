package nl.knooppunt.audit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Message;
import java.util.ArrayList;
import java.util.List;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.system.Ids;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The audit publisher sends a batch in one JMS transaction. A batch that repeats an event the broker already has
 * (published, then a crash before the database marked it) is refused whole by Artemis's duplicate detection; the
 * batch must still get out, each event exactly once, or the outbox would offer the same refused batch forever.
 */
class AuditOutboxTest extends SharedHubTest {

    @Autowired
    AuditOutbox outbox;

    @Test
    void aBatchIsPublishedOnceWithItsProperties() throws Exception {
        String traceerId = Ids.nieuw();
        List<AuditOutbox.Pending> batch = events(traceerId, 3);

        outbox.publiceer(batch);

        List<String> ids = new ArrayList<>();
        for (Message m; (m = receive("audit.contractmanagement", traceerId, 2_000)) != null; ) {
            ids.add(property(m, AuditOutbox.EVENT_ID));
            assertThat(property(m, "eventType")).isEqualTo("TEST");
            assertThat(readJson(m).get("eventId").asText()).isEqualTo(property(m, AuditOutbox.EVENT_ID));
        }
        assertThat(ids).containsExactlyElementsOf(batch.stream().map(AuditOutbox.Pending::eventId).toList());
    }

    @Test
    void aBatchThatRepeatsAPublishedEventStillGetsOutAndTheRepeatIsDropped() {
        String traceerId = Ids.nieuw();
        List<AuditOutbox.Pending> batch = events(traceerId, 4);
        outbox.publiceer(batch.subList(0, 2)); // published, but "not marked" before a crash

        outbox.publiceer(batch); // the whole batch again: two repeats, two new

        List<String> ids = new ArrayList<>();
        for (Message m; (m = receive("audit.contractmanagement", traceerId, 2_000)) != null; ) {
            ids.add(property(m, AuditOutbox.EVENT_ID));
        }
        assertThat(ids).containsExactlyElementsOf(batch.stream().map(AuditOutbox.Pending::eventId).toList());
    }

    private static List<AuditOutbox.Pending> events(String traceerId, int n) {
        List<AuditOutbox.Pending> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = Ids.nieuw();
            events.add(new AuditOutbox.Pending(id, traceerId, "TEST", "{\"eventId\":\"" + id + "\",\"n\":" + i + "}"));
        }
        return events;
    }
}
