package nl.knooppunt.system;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit: the database work of berichten that are in the hub at the same time commits in one transaction.
 *
 * <p>A bericht's hot-path writes (receipt, claim, GEROUTEERD, everything after the send) used to be one transaction
 * each, so a bericht cost four commits, and a commit is the expensive part: H2 writes every changed page on each
 * commit (copy-on-write), PostgreSQL flushes its WAL. Here the callers hand their work to one writer thread, which
 * runs whatever is waiting (at most {@value #MAX_PER_COMMIT} units) in one transaction, each unit in its own savepoint,
 * commits once, and only then answers each caller. So durability is what it was: a caller goes on only after its own
 * writes are committed. Under load, the units of the berichten that arrive while a commit runs share the next commit;
 * a lone bericht waits for nobody (the writer takes what is there, it does not wait for more).
 *
 * <p>A unit that fails is rolled back to its savepoint, alone: its caller gets the unit's own exception, the others
 * commit. A unit that loses a lock conflict (a deadlock or a lock timeout, as between the groups of two replicas on
 * PostgreSQL) is not failed but runs again in a commit of its own right after, up to {@value #MAX_POGINGEN} times in
 * all. When the commit itself fails, every caller of that commit gets the failure and nothing of it is written.
 * A unit runs inline on the caller's thread, as {@code @Transactional} would run it (joining the caller's database
 * transaction, or in one of its own), when the caller already has a transaction and after shut-down has begun; in
 * the writer's transaction when the caller is the writer itself.
 * Units must be database work only: no sends, no waiting for other berichten.
 */
@Component
public class GroepCommit implements DisposableBean {

    static final int MAX_PER_COMMIT = 64;
    /** A unit that lost a lock conflict runs again in the next commit of its group, at most this often in all. */
    static final int MAX_POGINGEN = 3;

    private final TransactionTemplate commit;
    private final TransactionTemplate savepoint;
    private final BlockingQueue<Werk<?>> wachtrij = new LinkedBlockingQueue<>();
    private final DistributionSummary grootte;
    private final Thread schrijver;
    private volatile boolean gestopt;

    public GroepCommit(PlatformTransactionManager transactions, ObjectProvider<MeterRegistry> metrics) {
        this.commit = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        MeterRegistry registry = metrics.getIfAvailable();
        this.grootte = registry == null ? null : DistributionSummary.builder("knooppunt.groepcommit.werk")
                .description("units of database work per group commit").register(registry);
        this.schrijver = new Thread(this::schrijf, "knooppunt-groepcommit");
        this.schrijver.setDaemon(true);
        this.schrijver.start();
    }

    /** Runs the work in a group commit and returns its result once it is committed; its exception otherwise. */
    public <T> T uitvoeren(Supplier<T> werk) {
        if (Thread.currentThread() == schrijver) {
            return werk.get();
        }
        if (gestopt || TransactionSynchronizationManager.isActualTransactionActive()) {
            // inline, as @Transactional would: joins the caller's database transaction, or has its own (also when
            // the caller's transaction is a JMS one)
            return commit.execute(status -> werk.get());
        }
        Werk<T> w = new Werk<>(werk);
        wachtrij.add(w);
        if (gestopt && wachtrij.remove(w)) {
            // shut-down began between the check and the add, and the writer had not taken it yet
            return commit.execute(status -> werk.get());
        }
        return w.resultaat();
    }

    public void uitvoeren(Runnable werk) {
        uitvoeren(() -> {
            werk.run();
            return null;
        });
    }

    /** Units waiting for the writer (for tests). */
    int wachtend() {
        return wachtrij.size();
    }

    private void schrijf() {
        List<Werk<?>> groep = new ArrayList<>(MAX_PER_COMMIT);
        while (!gestopt || !wachtrij.isEmpty()) {
            try {
                Werk<?> eerste = wachtrij.poll(100, TimeUnit.MILLISECONDS);
                if (eerste == null) {
                    continue;
                }
                groep.add(eerste);
                wachtrij.drainTo(groep, MAX_PER_COMMIT - 1);
                commit(groep);
            } catch (InterruptedException e) {
                // the writer's own policy: an interrupt means stop, after the units already waiting (the exception
                // cleared the flag, so the loop can still take them)
                gestopt = true;
            } catch (Throwable t) {
                // never let the writer die: the callers of this group get the failure (commit does that), the
                // writer goes on with the next
                groep.forEach(w -> w.mislukt(t));
            } finally {
                groep.clear();
            }
        }
    }

    private void commit(List<Werk<?>> groep) {
        List<Werk<?>> ronde = groep;
        for (int poging = 1; !ronde.isEmpty(); poging++) {
            List<Werk<?>> deze = ronde;
            boolean laatste = poging == MAX_POGINGEN;
            try {
                commit.executeWithoutResult(status -> deze.forEach(w -> w.voerUit(savepoint, !laatste)));
            } catch (RuntimeException | Error e) {
                // the commit (or the transaction around the units) failed: nothing of this group is written
                deze.forEach(w -> w.mislukt(e));
                return;
            }
            if (grootte != null) {
                grootte.record(deze.size());
            }
            ronde = new ArrayList<>();
            for (Werk<?> w : deze) {
                if (w.opnieuw) {
                    ronde.add(w);
                } else {
                    w.klaar();
                }
            }
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        gestopt = true;
        schrijver.join(TimeUnit.SECONDS.toMillis(30));
    }

    private static final class Werk<T> {
        private final Supplier<T> werk;
        private final CompletableFuture<T> uitkomst = new CompletableFuture<>();
        private T resultaat;
        private Throwable fout;
        private boolean opnieuw;

        Werk(Supplier<T> werk) {
            this.werk = werk;
        }

        void voerUit(TransactionTemplate savepoint, boolean magOpnieuw) {
            opnieuw = false;
            try {
                resultaat = savepoint.execute(status -> werk.get());
            } catch (PessimisticLockingFailureException e) {
                // a deadlock or lock timeout, e.g. with another replica's group: rolled back to its savepoint, which
                // released its locks. Again in a commit of its own after this one, when this group's locks are gone
                // too (run again in this transaction, it could meet the same conflict with the group's other units).
                if (magOpnieuw) {
                    opnieuw = true;
                } else {
                    fout = e;
                }
            } catch (RuntimeException | Error e) {
                fout = e; // rolled back to its savepoint; the others go on
            }
        }

        void klaar() {
            if (fout != null) {
                uitkomst.completeExceptionally(fout);
            } else {
                uitkomst.complete(resultaat);
            }
        }

        void mislukt(Throwable t) {
            uitkomst.completeExceptionally(fout != null ? fout : t);
        }

        T resultaat() {
            try {
                return uitkomst.join();
            } catch (CompletionException e) {
                Throwable oorzaak = e.getCause();
                if (oorzaak instanceof RuntimeException r) {
                    throw r;
                }
                if (oorzaak instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(oorzaak);
            }
        }
    }
}
