package nl.knooppunt.beheer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;

/**
 * {@link QueueAdmin} for an external broker: each operation is a core management message to the broker's management
 * address ({@code activemq.management}), answered on a temporary queue. The broker user needs the {@code manage}
 * permission on that address (docs/operations.md). The embedded broker answers the same messages, so it is tested
 * there.
 */
class ManagementQueueAdmin implements QueueAdmin {

    static final String MANAGEMENT_ADDRESS = "activemq.management";
    private static final long TIMEOUT_MS = 10_000;

    private final ConnectionFactory connectionFactory;
    private final ObjectMapper json = new ObjectMapper();

    ManagementQueueAdmin(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    @Override
    public Set<String> deadLetterQueues() {
        Set<String> addresses = new TreeSet<>();
        for (String queue : queueNames()) {
            String address;
            try {
                address = (String) attribute(ResourceNames.QUEUE + queue, "address");
            } catch (RuntimeException e) {
                continue; // a temporary queue that went away meanwhile
            }
            try {
                JsonNode settings = json.readTree((String) invoke(ResourceNames.BROKER, "getAddressSettingsAsJSON", address));
                for (String key : new String[] {"DLA", "deadLetterAddress", "dead-letter-address", "expiryAddress",
                        "expiry-address"}) {
                    if (settings.hasNonNull(key) && !settings.get(key).asText().isBlank()) {
                        addresses.add(settings.get(key).asText());
                    }
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException("broker: address settings van " + address + " onleesbaar", e);
            }
        }
        Set<String> result = new TreeSet<>();
        for (String address : addresses) {
            Object names = attribute(ResourceNames.ADDRESS + address, "queueNames");
            if (names instanceof Object[] array) {
                Arrays.stream(array).forEach(n -> result.add(n.toString()));
            }
        }
        return result;
    }

    private List<String> queueNames() {
        Object names = attribute(ResourceNames.BROKER, "queueNames");
        List<String> result = new ArrayList<>();
        if (names instanceof Object[] array) {
            Arrays.stream(array).forEach(n -> result.add(n.toString()));
        }
        return result;
    }

    @Override
    public boolean exists(String queue) {
        return queueNames().contains(queue);
    }

    @Override
    public void create(String queue) {
        if (!exists(queue)) {
            invoke(ResourceNames.BROKER, "createQueue", "{\"name\":\"" + queue + "\",\"address\":\"" + queue
                    + "\",\"routing-type\":\"ANYCAST\",\"durable\":true}", true);
        }
    }

    @Override
    public long count(String queue, String filter) {
        Object n = filter == null ? attribute(ResourceNames.QUEUE + queue, "messageCount")
                : invoke(ResourceNames.QUEUE + queue, "countMessages", filter);
        return ((Number) n).longValue();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list(String queue, String filter, int max) {
        Object result = invoke(ResourceNames.QUEUE + queue, "listMessages", filter == null ? "" : filter);
        List<Map<String, Object>> messages = new ArrayList<>();
        if (result instanceof Object[] array) {
            for (Object m : array) {
                if (messages.size() < max && m instanceof Map<?, ?> map) {
                    messages.add((Map<String, Object>) map);
                }
            }
        }
        return messages;
    }

    @Override
    public int move(String queue, String filter, String target) {
        return ((Number) invoke(ResourceNames.QUEUE + queue, "moveMessages", filter, target, true)).intValue();
    }

    @Override
    public int remove(String queue, String filter) {
        return ((Number) invoke(ResourceNames.QUEUE + queue, "removeMessages", filter)).intValue();
    }

    @Override
    public void pause(String queue) {
        invoke(ResourceNames.QUEUE + queue, "pause", true);
    }

    @Override
    public void resume(String queue) {
        invoke(ResourceNames.QUEUE + queue, "resume");
    }

    @Override
    public boolean paused(String queue) {
        return exists(queue) && Boolean.TRUE.equals(attribute(ResourceNames.QUEUE + queue, "paused"));
    }

    @Override
    public Long oldestAge(String queue) {
        if (count(queue, null) == 0) {
            return null;
        }
        Object age = attribute(ResourceNames.QUEUE + queue, "firstMessageAge");
        return age instanceof Number n ? n.longValue() : null;
    }

    private Object attribute(String resource, String name) {
        return request(m -> JMSManagementHelper.putAttribute(m, resource, name), resource + "." + name);
    }

    private Object invoke(String resource, String operation, Object... params) {
        return request(m -> JMSManagementHelper.putOperationInvocation(m, resource, operation, params),
                resource + "." + operation);
    }

    private interface Vulling {
        void vul(Message m) throws Exception;
    }

    private Object request(Vulling vulling, String wat) {
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            TemporaryQueue replies = session.createTemporaryQueue();
            connection.start();
            Message request = session.createMessage();
            vulling.vul(request);
            request.setJMSReplyTo(replies);
            try (MessageProducer producer = session.createProducer(ActiveMQJMSClient.createQueue(MANAGEMENT_ADDRESS));
                 MessageConsumer consumer = session.createConsumer(replies)) {
                producer.send(request);
                Message reply = consumer.receive(TIMEOUT_MS);
                if (reply == null) {
                    throw new IllegalStateException("broker: geen antwoord op " + wat);
                }
                if (!JMSManagementHelper.hasOperationSucceeded(reply)) {
                    String fout = String.valueOf(JMSManagementHelper.getResult(reply));
                    if (fout.contains("AMQ229017") || fout.toLowerCase().contains("queue") && fout.contains("not exist")) {
                        throw new OnbekendeQueue(wat);
                    }
                    throw new IllegalStateException("broker: " + wat + " mislukt: " + fout);
                }
                return JMSManagementHelper.getResult(reply);
            } finally {
                replies.delete();
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("broker: " + wat + " mislukt: " + e.getMessage(), e);
        }
    }
}
