package nl.knooppunt.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The scheduled routes of the running hub carry the {@code eenReplica} policy, and it works: while another replica
 * holds the audit publisher's lock (its own ShedLock on the same {@code shedlock} table), this hub publishes
 * nothing; once the lock is free, it publishes what waited.
 */
class ScheduledRoutesTest extends SharedHubTest {

    @Autowired
    CamelContext camel;

    @Autowired
    MeterRegistry metrics;

    @Test
    void everyJobThatMayRunOnlyOnceInTheClusterHasTheLock() {
        for (String id : List.of("retentie-purge", "audit-publish")) {
            Route route = camel.getRoute(id);
            assertThat(route).as(id).isNotNull();
            List<RoutePolicy> policies = route.getRoutePolicyList();
            assertThat(policies).as(id).anyMatch(p -> p instanceof EenReplica);
        }
        // queue gauges run on every replica: each scrape target reports its own view (docs/operations.md); and each
        // process compacts its own embedded H2 file
        for (String id : List.of("metrics-wachtrijen", "h2-compactie")) {
            assertThat(camel.getRoute(id).getRoutePolicyList()).as(id).noneMatch(p -> p instanceof EenReplica);
        }
    }

    @Autowired
    DataSource dataSource;

    @Test
    void whileAnotherReplicaHoldsTheAuditLockThisOnePublishesNothing() {
        // replica 2: its own ShedLock on the same database, with the same clock and its own locked_by, takes the lock
        // as soon as this hub's current run has released it
        LockProvider replica2 = EenReplica.lockProvider(dataSource);
        SimpleLock[] lock = new SimpleLock[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            lock[0] = replica2.lock(new LockConfiguration(Instant.now(), "audit-publish", Duration.ofMinutes(10),
                    Duration.ZERO)).orElse(null);
            return lock[0] != null;
        });
        String traceerId;
        try {
            double overgeslagen = overgeslagen();
            VerstuurBerichtAntwoord antwoord = send(BerichtBuilder.wmo315().gemeente("0599").bsn(TestBsn.nth(310))
                    .identificatie("LK" + System.nanoTime() % 100_000_000).build());
            traceerId = antwoord.getTraceerId();
            await().atMost(Duration.ofSeconds(10)).until(() -> overgeslagen() >= overgeslagen + 3);
            assertThat(jdbc.queryForObject("select count(*) from audit_event where traceer_id = ? and gepubliceerd",
                    Long.class, traceerId)).as(() -> "published while replica 2 held the lock; events "
                    + jdbc.queryForList("select event_type, tijdstip, gepubliceerd from audit_event where traceer_id = ?",
                            traceerId) + ", lock " + jdbc.queryForList("select * from shedlock")
                    + ", now " + jdbc.queryForObject("select current_timestamp", String.class)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from audit_event where traceer_id = ?", Long.class,
                    traceerId)).isPositive();
        } finally {
            lock[0].unlock(); // replica 2's run ends
        }
        assertThat(auditEvents(traceerId, 3)).isNotEmpty();
        // the run marks its batch published after the last send of the batch: the events can be on the queue a moment
        // before the database says so
        String id = traceerId;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from audit_event where traceer_id = ? and not gepubliceerd", Long.class, id)).isZero());
    }

    private double overgeslagen() {
        var c = metrics.find("knooppunt.taak.overgeslagen").tag("route", "audit-publish").counter();
        return c == null ? 0 : c.count();
    }
}
