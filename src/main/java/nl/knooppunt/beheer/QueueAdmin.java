package nl.knooppunt.beheer;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The broker's management operations that beheer needs, per queue. {@link EmbeddedQueueAdmin} calls the embedded
 * broker's {@code QueueControl} directly; {@link ManagementQueueAdmin} sends the same operations as core management
 * messages to {@code activemq.management}, which is how an external broker is managed (docs/operations.md).
 */
public interface QueueAdmin {

    /** The queues where the broker puts what it gives up on: the dead-letter and expiry queues of every address. */
    Set<String> deadLetterQueues();

    boolean exists(String queue);

    /** Creates the durable anycast queue (and its address) if it does not exist yet. */
    void create(String queue);

    long count(String queue, String filter);

    /** Message properties (and {@code messageID}, {@code timestamp}) of the messages that match, at most {@code max}. */
    List<Map<String, Object>> list(String queue, String filter, int max);

    int move(String queue, String filter, String target);

    int remove(String queue, String filter);

    /** Pauses delivery to consumers; the pause is kept in the journal, so it survives a restart of the broker. */
    void pause(String queue);

    void resume(String queue);

    boolean paused(String queue);

    /** Age of the oldest message in ms, or null when empty. */
    Long oldestAge(String queue);
}
