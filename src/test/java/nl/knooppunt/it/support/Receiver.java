package nl.knooppunt.it.support;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A gemeente system consuming a queue with a plain JMS client (Core protocol), counting each delivered message by a
 * key (the traceerId header), so a duplicate shows as a count of 2. Acknowledges each message, as a receiver would.
 */
public final class Receiver implements AutoCloseable {

    private final ActiveMQConnectionFactory factory;
    private final Map<String, Integer> counts = new HashMap<>();
    private Connection connection;

    public Receiver(String brokerUrl) {
        this.factory = new ActiveMQConnectionFactory(brokerUrl);
    }

    /** Takes everything now on the queue: stops after {@code quietMillis} without a message; returns how many. */
    public int drain(String queue, String property, long quietMillis) {
        return drain(queue, m -> {
            try {
                return m.getStringProperty(property);
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        }, quietMillis);
    }

    public int drain(String queue, Function<Message, String> key, long quietMillis) {
        int n = 0;
        try {
            if (connection == null) {
                connection = factory.createConnection();
                connection.start();
            }
            try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
                Message m;
                while ((m = consumer.receive(quietMillis)) != null) {
                    counts.merge(key.apply(m), 1, Integer::sum);
                    n++;
                }
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read " + queue + ": " + e, e);
        }
        return n;
    }

    /** Messages per key over all drains so far. */
    public Map<String, Integer> counts() {
        return counts;
    }

    public long duplicates() {
        return counts.values().stream().filter(c -> c > 1).count();
    }

    @Override
    public void close() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (JMSException e) {
            // closing
        }
        factory.close();
    }
}
