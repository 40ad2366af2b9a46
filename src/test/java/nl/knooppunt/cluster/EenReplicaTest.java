package nl.knooppunt.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas, each with its own {@link EenReplica} and its own connection pool, on one database with the real
 * migrations (H2 here; PostgresHubTest and the two-JVM IT do the same on PostgreSQL): a job runs on one of them at a
 * time, the lock goes free when a run ends, and the job moves on when the replica holding it dies.
 */
class EenReplicaTest {

    private JdbcDataSource db;

    @BeforeEach
    void database() {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:eenreplica" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
    }

    private EenReplica replica(Duration lockMax) {
        return new EenReplica(db, new ClusterProperties(lockMax, Map.of()), new SimpleMeterRegistry());
    }

    @Test
    void whileOneReplicaRunsTheJobTheOtherSkipsIt() {
        EenReplica a = replica(Duration.ofMinutes(10));
        EenReplica b = replica(Duration.ofMinutes(10));

        Optional<SimpleLock> vanA = a.neem("retentie-purge");
        assertThat(vanA).isPresent();
        assertThat(b.neem("retentie-purge")).isEmpty();
        assertThat(a.neem("retentie-purge")).as("not re-entrant: a second run on the same replica waits too").isEmpty();
        assertThat(b.neem("audit-publish")).as("another job has its own lock").isPresent();

        vanA.get().unlock();
        assertThat(b.neem("retentie-purge")).as("free as soon as the run ended").isPresent();
    }

    @Test
    void aReplicaThatDiesHoldingTheLockHoldsItUpUntilItsLockEnds() throws Exception {
        EenReplica ander = replica(Duration.ofMinutes(10));
        assertThat(ander.neem("retentie-purge")).isPresent().get().satisfies(SimpleLock::unlock);
        // what a replica killed during its run leaves: its lock, no longer extended, ending in 2 s
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("update shedlock set lock_until = dateadd('SECOND', 2, current_timestamp), "
                    + "locked_by = 'dood:1:x' where name = 'retentie-purge'");
        }
        assertThat(ander.neem("retentie-purge")).isEmpty();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> ander.neem("retentie-purge").map(l -> {
                    l.unlock();
                    return true;
                }).orElse(false));
    }

    @Test
    void aRunLongerThanLockMaxKeepsItsLock() throws Exception {
        EenReplica traag = replica(Duration.ofSeconds(30));
        EenReplica ander = replica(Duration.ofSeconds(30));
        SimpleLock lock = traag.neem("audit-publish").orElseThrow();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            // the keep-alive extends it every lock-max / 2: after 15 s it still ends more than 15 s from now
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).until(() -> {
                try (ResultSet rs = s.executeQuery("select datediff('MILLISECOND', locked_at, lock_until) from shedlock "
                        + "where name = 'audit-publish'")) {
                    rs.next();
                    return rs.getLong(1) > 30_000;
                }
            });
        }
        assertThat(ander.neem("audit-publish")).isEmpty();
        lock.unlock();
        assertThat(ander.neem("audit-publish")).isPresent();
    }

    @Test
    void manyRunsAtOnceOnTwoReplicasNeverOverlap() throws Exception {
        EenReplica a = replica(Duration.ofMinutes(10));
        EenReplica b = replica(Duration.ofMinutes(10));
        AtomicInteger bezig = new AtomicInteger();
        AtomicInteger hoogste = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> taken = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                EenReplica r = i % 2 == 0 ? a : b;
                taken.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    for (int n = 0; n < 200; n++) {
                        Optional<SimpleLock> lock = r.neem("audit-publish");
                        if (lock.isPresent()) {
                            hoogste.accumulateAndGet(bezig.incrementAndGet(), Math::max);
                            runs.incrementAndGet();
                            bezig.decrementAndGet();
                            lock.get().unlock();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> t : taken) {
                t.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(runs.get()).isPositive();
        assertThat(hoogste.get()).as("runs at the same time").isEqualTo(1);
    }

    @Test
    void whenTheLockCannotBeAskedForTheRunIsSkipped() throws Exception {
        // Camel logs and ignores an exception from a route policy's onExchangeBegin and runs the exchange anyway
        LockProvider stuk = config -> {
            throw new IllegalStateException("database weg");
        };
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        EenReplica hier = new EenReplica(stuk, new ClusterProperties(Duration.ofMinutes(10), Map.of()), metrics);
        AtomicInteger gedaan = new AtomicInteger();
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:a").routeId("taak-a").routePolicy(hier).process(e -> gedaan.incrementAndGet());
                }
            });
            camel.start();
            camel.createProducerTemplate().sendBody("direct:a", "tik");
        }
        assertThat(gedaan).as("a job that may run only once must not run when nobody can tell").hasValue(0);
        assertThat(metrics.counter("knooppunt.taak.overgeslagen", "route", "taak-a").count()).isEqualTo(1);
    }

    @Test
    void aLockLimitMustLeaveRoomForTheKeepAlive() {
        assertThatThrownBy(() -> new ClusterProperties(Duration.ZERO, Map.of()))
                .hasMessageContaining("knooppunt.cluster.lock-max");
        assertThatThrownBy(() -> new ClusterProperties(Duration.ofMinutes(1), Map.of("audit-publish", Duration.ofSeconds(10))))
                .hasMessageContaining("lock-max-per-route.audit-publish");
    }
}
