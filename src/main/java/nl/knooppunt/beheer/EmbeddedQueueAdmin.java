package nl.knooppunt.beheer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.management.QueueControl;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/** {@link QueueAdmin} on the embedded broker: its {@code QueueControl}s, registered even with JMX off. */
class EmbeddedQueueAdmin implements QueueAdmin {

    private final EmbeddedActiveMQ embedded;

    EmbeddedQueueAdmin(EmbeddedActiveMQ embedded) {
        this.embedded = embedded;
    }

    private ActiveMQServer server() {
        return embedded.getActiveMQServer();
    }

    @Override
    public Set<String> deadLetterQueues() {
        Set<String> addresses = new TreeSet<>();
        for (Queue queue : queues()) {
            AddressSettings settings = server().getAddressSettingsRepository().getMatch(queue.getAddress().toString());
            if (settings.getDeadLetterAddress() != null) {
                addresses.add(settings.getDeadLetterAddress().toString());
            }
            if (settings.getExpiryAddress() != null) {
                addresses.add(settings.getExpiryAddress().toString());
            }
        }
        Set<String> result = new TreeSet<>();
        for (String address : addresses) {
            try {
                server().bindingQuery(SimpleString.of(address)).getQueueNames().forEach(q -> result.add(q.toString()));
            } catch (Exception e) {
                throw new IllegalStateException("broker: bindings van " + address + " niet leesbaar", e);
            }
        }
        return result;
    }

    private List<Queue> queues() {
        List<Queue> result = new ArrayList<>();
        for (Object control : server().getManagementService().getResources(QueueControl.class)) {
            Queue q = server().locateQueue(SimpleString.of(((QueueControl) control).getName()));
            if (q != null) {
                result.add(q);
            }
        }
        return result;
    }

    @Override
    public boolean exists(String queue) {
        return control(queue) != null;
    }

    @Override
    public void create(String queue) {
        try {
            server().createQueue(QueueConfiguration.of(queue).setRoutingType(RoutingType.ANYCAST).setDurable(true)
                    .setAutoCreateAddress(true), true);
        } catch (Exception e) {
            throw new IllegalStateException("broker: queue " + queue + " niet aan te maken: " + e.getMessage(), e);
        }
    }

    @Override
    public long count(String queue, String filter) {
        return call(queue, c -> filter == null ? c.getMessageCount() : c.countMessages(filter));
    }

    @Override
    public List<Map<String, Object>> list(String queue, String filter, int max) {
        return call(queue, c -> Arrays.stream(c.listMessages(filter)).limit(max).toList());
    }

    @Override
    public int move(String queue, String filter, String target) {
        return call(queue, c -> c.moveMessages(filter, target, true));
    }

    @Override
    public int remove(String queue, String filter) {
        return call(queue, c -> c.removeMessages(filter));
    }

    @Override
    public void pause(String queue) {
        call(queue, c -> {
            c.pause(true);
            return null;
        });
    }

    @Override
    public void resume(String queue) {
        call(queue, c -> {
            c.resume();
            return null;
        });
    }

    @Override
    public boolean paused(String queue) {
        QueueControl c = control(queue);
        return c != null && c.isPaused();
    }

    @Override
    public Long oldestAge(String queue) {
        return call(queue, c -> c.getMessageCount() == 0 ? null : c.getFirstMessageAge());
    }

    private QueueControl control(String queue) {
        return (QueueControl) server().getManagementService().getResource(ResourceNames.QUEUE + queue);
    }

    private interface Operatie<T> {
        T op(QueueControl control) throws Exception;
    }

    private <T> T call(String queue, Operatie<T> operatie) {
        QueueControl c = control(queue);
        if (c == null) {
            throw new OnbekendeQueue(queue);
        }
        try {
            return operatie.op(c);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("broker: bewerking op " + queue + " mislukt: " + e.getMessage(), e);
        }
    }
}
