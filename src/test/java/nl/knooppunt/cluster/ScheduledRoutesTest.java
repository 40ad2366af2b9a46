package nl.knooppunt.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
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
 * holds the audit publisher's lock (a row in {@code shedlock}, as that replica's ShedLock writes it), this hub publishes
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
        // queue gauges run on every replica: each scrape target reports its own view (docs/operations.md)
        assertThat(camel.getRoute("metrics-wachtrijen").getRoutePolicyList()).noneMatch(p -> p instanceof EenReplica);
    }

    @Test
    void whileAnotherReplicaHoldsTheAuditLockThisOnePublishesNothing() {
        Timestamp nu = Timestamp.from(Instant.now());
        // what replica 2's ShedLock does: take the row (it exists once this hub ran the job) until ten minutes on
        Timestamp tot = Timestamp.from(Instant.now().plusSeconds(600));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.update("update shedlock set lock_until = ?, locked_at = ?, "
                + "locked_by = 'replica-2' where name = 'audit-publish' and lock_until <= ?", tot, nu,
                Timestamp.from(Instant.now())) == 1);
        String traceerId;
        try {
            double overgeslagen = overgeslagen();
            VerstuurBerichtAntwoord antwoord = send(BerichtBuilder.wmo315().gemeente("0599").bsn(TestBsn.nth(310))
                    .identificatie("LK" + System.nanoTime() % 100_000_000).build());
            traceerId = antwoord.getTraceerId();
            await().atMost(Duration.ofSeconds(10)).until(() -> overgeslagen() >= overgeslagen + 3);
            assertThat(jdbc.queryForObject("select count(*) from audit_event where traceer_id = ? and gepubliceerd",
                    Long.class, traceerId)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from audit_event where traceer_id = ?", Long.class,
                    traceerId)).isPositive();
        } finally {
            // replica 2's run ends: ShedLock's unlock sets lock_until to now
            jdbc.update("update shedlock set lock_until = ? where name = 'audit-publish'", Timestamp.from(Instant.now()));
        }
        assertThat(auditEvents(traceerId, 3)).isNotEmpty();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where traceer_id = ? and not gepubliceerd",
                Long.class, traceerId)).isZero();
    }

    private double overgeslagen() {
        var c = metrics.find("knooppunt.taak.overgeslagen").tag("route", "audit-publish").counter();
        return c == null ? 0 : c.count();
    }
}
