package nl.knooppunt.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.activemq.artemis.api.core.management.QueueControl;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Backlog per queue of the embedded broker: {@code knooppunt.wachtrij.berichten} (messages waiting, incl. scheduled
 * redeliveries) and {@code knooppunt.wachtrij.oudste.seconden} (age of the oldest), labelled by queue name, which is
 * a participant's queue ({@code gemeente.0599}, {@code aanbieder.42420001}), {@code knooppunt.dlq}, … Route
 * {@code metrics-wachtrijen} calls {@link #ververs()} to add gauges for queues created since. With an external
 * broker (prod) there is no embedded server: use the broker's own metrics plugin (docs/operations.md).
 */
@Component
public class WachtrijMetrics {

    private final MeterRegistry registry;
    private final ObjectProvider<EmbeddedActiveMQ> broker;
    private final Set<String> bekend = ConcurrentHashMap.newKeySet();

    public WachtrijMetrics(MeterRegistry registry, ObjectProvider<EmbeddedActiveMQ> broker) {
        this.registry = registry;
        this.broker = broker;
    }

    public int ververs() {
        EmbeddedActiveMQ embedded = broker.getIfAvailable();
        ActiveMQServer server = embedded == null ? null : embedded.getActiveMQServer();
        if (server == null || !server.isActive() || server.getActiveMQServerControl() == null) {
            return 0;
        }
        for (String naam : server.getActiveMQServerControl().getQueueNames()) {
            // durable point-to-point queues only: not the subscription queues of topic consumers, not temporary ones
            QueueControl q = control(server, naam);
            if (q != null && "ANYCAST".equals(q.getRoutingType()) && !q.isTemporary() && !naam.startsWith("$")
                    && bekend.add(naam)) {
                registreer(server, naam);
            }
        }
        return bekend.size();
    }

    private void registreer(ActiveMQServer server, String naam) {
        Gauge.builder("knooppunt.wachtrij.berichten", () -> {
            QueueControl q = control(server, naam);
            // Artemis's message count already includes scheduled redeliveries (and those in delivery); adding
            // getScheduledCount() counted a backing-off bericht twice (PushEndpointDownIT saw 230 for 200)
            return q == null ? 0 : q.getMessageCount();
        }).description("Berichten die wachten in de wachtrij").tag("queue", naam).register(registry);
        Gauge.builder("knooppunt.wachtrij.oudste.seconden", () -> {
            QueueControl q = control(server, naam);
            Long ms = q == null ? null : leeftijd(q);
            return ms == null ? 0 : ms / 1000.0;
        }).description("Leeftijd van het oudste wachtende bericht").tag("queue", naam).register(registry);
    }

    private static Long leeftijd(QueueControl q) {
        try {
            return q.getFirstMessageAge();
        } catch (Exception e) {
            return null; // the queue went away between look-up and read
        }
    }

    private static QueueControl control(ActiveMQServer server, String naam) {
        return (QueueControl) server.getManagementService().getResource(ResourceNames.QUEUE + naam);
    }
}
