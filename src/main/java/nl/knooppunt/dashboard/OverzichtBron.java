package nl.knooppunt.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.apache.activemq.artemis.api.core.management.QueueControl;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the Overzicht's inputs: Camel's route statistics (ManagedRouteMBean) and the embedded broker's queues
 * (as metrics.WachtrijMetrics reaches them). With an external broker (prod) the queue list is empty.
 */
@Component
public class OverzichtBron {

    private final CamelContext camel;
    private final ObjectProvider<EmbeddedActiveMQ> broker;
    private final JdbcTemplate jdbc;

    public OverzichtBron(CamelContext camel, ObjectProvider<EmbeddedActiveMQ> broker, JdbcTemplate jdbc) {
        this.camel = camel;
        this.broker = broker;
        this.jdbc = jdbc;
    }

    public Overzicht overzicht(Set<String> scope) {
        long achterstand = jdbc.queryForObject("select count(*) from audit_event where gepubliceerd = false", Long.class);
        ManagedCamelContext managed = camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
        boolean statistiek = managed != null && managed.getManagedCamelContext() != null;
        return Overzicht.samenstellen(routes(), wachtrijen(), achterstand, scope, Instant.now(), statistiek);
    }

    List<Routecijfers> routes() {
        ManagedCamelContext managed = camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
        List<Routecijfers> cijfers = new ArrayList<>();
        for (Route route : camel.getRoutes()) {
            ManagedRouteMBean m = managed == null ? null : managed.getManagedRoute(route.getRouteId());
            if (m == null) {
                cijfers.add(new Routecijfers(route.getRouteId(), camel.getRouteController().getRouteStatus(route.getRouteId()).name(),
                        0, 0, 0, 0, 0, 0, null, null));
                continue;
            }
            cijfers.add(new Routecijfers(route.getRouteId(), m.getState(), m.getExchangesTotal(), m.getExchangesCompleted(),
                    m.getExchangesFailed(), m.getExchangesInflight(), m.getMeanProcessingTime(), m.getMaxProcessingTime(),
                    instant(m.getLastExchangeCompletedTimestamp()), instant(m.getLastExchangeFailureTimestamp())));
        }
        return cijfers;
    }

    List<Wachtrij> wachtrijen() {
        EmbeddedActiveMQ embedded = broker.getIfAvailable();
        ActiveMQServer server = embedded == null ? null : embedded.getActiveMQServer();
        if (server == null || !server.isActive() || server.getActiveMQServerControl() == null) {
            return List.of();
        }
        List<Wachtrij> wachtrijen = new ArrayList<>();
        for (String naam : server.getActiveMQServerControl().getQueueNames()) {
            QueueControl q = (QueueControl) server.getManagementService().getResource(ResourceNames.QUEUE + naam);
            if (q == null || !"ANYCAST".equals(q.getRoutingType()) || q.isTemporary() || naam.startsWith("$")) {
                continue;
            }
            try {
                long wachtend = q.getMessageCount() + q.getScheduledCount();
                Long oudste = wachtend == 0 ? null : q.getFirstMessageAge() == null ? null : q.getFirstMessageAge() / 1000;
                wachtrijen.add(Wachtrij.van(naam, wachtend, oudste, q.getMessagesAdded(), q.getMessagesAcknowledged(),
                        q.getConsumerCount(), q.isPaused()));
            } catch (Exception e) {
                // the queue went away between look-up and read
            }
        }
        return wachtrijen;
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
