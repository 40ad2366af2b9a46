package nl.knooppunt.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

class GroepCommitTest {

    private final MeterRegistry metrics = new SimpleMeterRegistry();
    private final ExecutorService callers = Executors.newFixedThreadPool(12);
    private final AtomicBoolean commitFaalt = new AtomicBoolean();
    private JdbcTemplate jdbc;
    private DataSourceTransactionManager transactions;
    private GroepCommit groep;

    @BeforeEach
    void database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:groepcommit" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        DataSource ds = h2;
        jdbc = new JdbcTemplate(ds);
        jdbc.execute("create table rij (naam varchar(20) primary key)");
        transactions = new DataSourceTransactionManager(ds) {
            @Override
            protected void doCommit(DefaultTransactionStatus status) {
                if (commitFaalt.get()) {
                    throw new IllegalStateException("schijf vol");
                }
                super.doCommit(status);
            }
        };
        groep = new GroepCommit(transactions,
                new StaticListableBeanFactory(Map.of("metrics", metrics)).getBeanProvider(MeterRegistry.class));
    }

    @AfterEach
    void stop() throws InterruptedException {
        callers.shutdownNow();
        groep.destroy();
    }

    @Test
    void theWorkOfConcurrentCallersSharesOneCommitAndEachCallerGoesOnOnlyAfterIt() throws Exception {
        CountDownLatch los = new CountDownLatch(1);
        Future<?> blokkeert = houdSchrijverVast("eerste", los);
        List<Future<?>> tien = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String naam = "rij" + i;
            tien.add(callers.submit(() -> groep.uitvoeren(() -> insert(naam))));
        }
        Awaitility.await().until(() -> groep.wachtend() == 10);
        assertThat(tien).noneMatch(Future::isDone);

        los.countDown();
        for (Future<?> f : tien) {
            f.get(10, TimeUnit.SECONDS);
        }
        blokkeert.get(10, TimeUnit.SECONDS);

        assertThat(rijen()).hasSize(11);
        DistributionSummary werk = metrics.get("knooppunt.groepcommit.werk").summary();
        assertThat(werk.count()).as("commits").isEqualTo(2);
        assertThat(werk.max()).as("units in the second commit").isEqualTo(10);
    }

    @Test
    void aFailingUnitRollsBackAloneAndItsCallerGetsItsOwnException() throws Exception {
        jdbc.update("insert into rij values ('bestaat')");
        CountDownLatch los = new CountDownLatch(1);
        Future<?> blokkeert = houdSchrijverVast(null, los);
        Future<?> faalt = callers.submit(() -> groep.uitvoeren(() -> {
            insert("half");
            throw new IllegalArgumentException("fout in de eenheid");
        }));
        Future<?> dubbel = callers.submit(() -> groep.uitvoeren(() -> insert("bestaat")));
        Future<?> goed = callers.submit(() -> groep.uitvoeren(() -> insert("goed")));
        Awaitility.await().until(() -> groep.wachtend() == 3);

        los.countDown();

        assertThatThrownBy(() -> faalt.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IllegalArgumentException.class).hasMessage("fout in de eenheid");
        assertThatThrownBy(() -> dubbel.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(DuplicateKeyException.class);
        goed.get(10, TimeUnit.SECONDS);
        assertThat(rijen()).containsExactlyInAnyOrder("bestaat", "goed");
    }

    @Test
    void aUnitThatLosesALockConflictRunsAgainInTheNextCommitAndItsFirstTryLeavesNothing() throws Exception {
        java.util.concurrent.atomic.AtomicInteger pogingen = new java.util.concurrent.atomic.AtomicInteger();
        CountDownLatch los = new CountDownLatch(1);
        Future<?> blokkeert = houdSchrijverVast(null, los);
        Future<String> verliest = callers.submit(() -> groep.uitvoeren(() -> {
            insert("poging" + pogingen.incrementAndGet());
            if (pogingen.get() == 1) {
                throw new org.springframework.dao.CannotAcquireLockException("deadlock detected");
            }
            return "gelukt";
        }));
        Future<?> ander = callers.submit(() -> groep.uitvoeren(() -> insert("ander")));
        Awaitility.await().until(() -> groep.wachtend() == 2);

        los.countDown();

        assertThat(verliest.get(10, TimeUnit.SECONDS)).isEqualTo("gelukt");
        ander.get(10, TimeUnit.SECONDS);
        blokkeert.get(10, TimeUnit.SECONDS);
        assertThat(pogingen).hasValue(2);
        assertThat(rijen()).containsExactlyInAnyOrder("ander", "poging2");
        // the retry was a commit of its own: the blocking unit alone, the group of two, then the retry alone
        assertThat(metrics.get("knooppunt.groepcommit.werk").summary().count()).isEqualTo(3);
    }

    @Test
    void aUnitThatKeepsLosingLockConflictsFailsAfterItsLastTry() {
        java.util.concurrent.atomic.AtomicInteger pogingen = new java.util.concurrent.atomic.AtomicInteger();

        assertThatThrownBy(() -> groep.uitvoeren(() -> {
            pogingen.incrementAndGet();
            throw new org.springframework.dao.PessimisticLockingFailureException("lock timeout");
        })).isInstanceOf(org.springframework.dao.PessimisticLockingFailureException.class);
        assertThat(pogingen).hasValue(GroepCommit.MAX_POGINGEN);
    }

    @Test
    void whenTheCommitFailsEveryCallerOfItGetsTheFailureAndNothingIsWritten() throws Exception {
        commitFaalt.set(true);
        CountDownLatch los = new CountDownLatch(1);
        Future<?> blokkeert = houdSchrijverVast("a", los);
        Future<?> b = callers.submit(() -> groep.uitvoeren(() -> insert("b")));
        Awaitility.await().until(() -> groep.wachtend() == 1);

        los.countDown();

        for (Future<?> f : List.of(blokkeert, b)) {
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).cause().hasMessage("schijf vol");
        }
        assertThat(rijen()).isEmpty();
        commitFaalt.set(false);
        groep.uitvoeren(() -> insert("daarna"));
        assertThat(rijen()).as("the writer goes on after a failed commit").containsExactly("daarna");
    }

    @Test
    void aCallerWithItsOwnTransactionRunsTheUnitInlineInIt() {
        Thread caller = Thread.currentThread();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            groep.uitvoeren(() -> {
                assertThat(Thread.currentThread()).isSameAs(caller);
                insert("binnen");
            });
            status.setRollbackOnly();
        });
        assertThat(rijen()).as("rolled back with the caller's transaction").isEmpty();
    }

    @Test
    void aCallerInAnotherKindOfTransactionGetsADatabaseTransactionOfItsOwn() {
        TransactionSynchronizationManager.setActualTransactionActive(true); // as inside a JMS transaction
        try {
            assertThatThrownBy(() -> groep.uitvoeren(() -> {
                insert("half");
                throw new IllegalStateException("na de insert");
            })).hasMessage("na de insert");
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(rijen()).as("the insert rolled back with the unit's own transaction").isEmpty();
    }

    @Test
    void afterShutDownBeganAUnitRunsInItsOwnTransactionOnTheCaller() throws InterruptedException {
        groep.destroy();
        Thread caller = Thread.currentThread();
        groep.uitvoeren(() -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            insert("na-stop");
        });
        assertThat(rijen()).containsExactly("na-stop");
    }

    private void insert(String naam) {
        jdbc.update("insert into rij values (?)", naam);
    }

    private List<String> rijen() {
        return jdbc.queryForList("select naam from rij", String.class);
    }

    /** A unit that holds the writer (after inserting {@code eerst}, if given) until {@code los} opens; returns once it does. */
    private Future<?> houdSchrijverVast(String eerst, CountDownLatch los) {
        CountDownLatch binnen = new CountDownLatch(1);
        Future<?> unit = callers.submit(() -> groep.uitvoeren(() -> {
            if (eerst != null) {
                insert(eerst);
            }
            binnen.countDown();
            await(los);
        }));
        await(binnen);
        return unit;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
