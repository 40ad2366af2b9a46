package nl.knooppunt.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two replicas' group commits on one PostgreSQL database, whose units take the same rows in opposite order: a real
 * deadlock. PostgreSQL breaks it by failing one statement; that unit runs again after the other group committed, and
 * both callers get their answer. Needs {@value #ENV} (set by {@code .ci/run}); skipped, with the reason, without.
 */
@EnabledIfEnvironmentVariable(named = GroepCommitPostgresTest.ENV, matches = "jdbc:postgresql:.+",
        disabledReason = "geen PostgreSQL: zet " + GroepCommitPostgresTest.ENV + " (.ci/run doet dat)")
class GroepCommitPostgresTest {

    static final String ENV = "KNOOPPUNT_TEST_POSTGRES_URL";

    private final String tabel = "groepcommit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(System.getenv(ENV)));
    private final ExecutorService callers = Executors.newFixedThreadPool(2);
    private final GroepCommit replicaA = groepCommit();
    private final GroepCommit replicaB = groepCommit();

    @AfterEach
    void opruimen() throws InterruptedException {
        callers.shutdownNow();
        replicaA.destroy();
        replicaB.destroy();
        jdbc.execute("drop table if exists " + tabel);
    }

    @Test
    void whenTheGroupsOfTwoReplicasDeadlockTheLoserRunsAgainAndBothCommitOnce() throws Exception {
        jdbc.execute("create table " + tabel + " (id int primary key, n int not null)");
        jdbc.update("insert into " + tabel + " values (1, 0), (2, 0)");
        CountDownLatch aHeeftEen = new CountDownLatch(1);
        CountDownLatch bHeeftTwee = new CountDownLatch(1);

        Future<?> a = callers.submit(() -> replicaA.uitvoeren(() -> {
            tel(1);
            aHeeftEen.countDown();
            wacht(bHeeftTwee);
            tel(2);
        }));
        Future<?> b = callers.submit(() -> replicaB.uitvoeren(() -> {
            tel(2);
            bHeeftTwee.countDown();
            wacht(aHeeftEen);
            tel(1);
        }));

        a.get(30, TimeUnit.SECONDS);
        b.get(30, TimeUnit.SECONDS);
        // each unit counted each row once: the loser's first try was rolled back, its second committed
        assertThat(jdbc.queryForList("select n from " + tabel + " order by id", Integer.class)).isEqualTo(List.of(2, 2));
    }

    private void tel(int id) {
        jdbc.update("update " + tabel + " set n = n + 1 where id = ?", id);
    }

    private static void wacht(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private GroepCommit groepCommit() {
        return new GroepCommit(new DataSourceTransactionManager(jdbc.getDataSource()),
                new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class));
    }
}
