package nl.knooppunt.cluster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Route policy {@code eenReplica}: a scheduled (timer) route that names it runs on one replica at a time. Each run
 * first takes the ShedLock lock named after the route id in table {@code shedlock} (the database all replicas share,
 * with the database's clock, so the replicas' clocks do not matter). A replica that does not get the lock skips this
 * run; the lock is released when the run ends, so the next tick may go to any replica.
 */
@Component("eenReplica")
@EnableConfigurationProperties(ClusterProperties.class)
public class EenReplica extends RoutePolicySupport {

    static final String LOCK = "knooppuntShedLock";

    private static final Logger log = LoggerFactory.getLogger(EenReplica.class);

    private final LockProvider locks;
    private final ClusterProperties properties;
    private final MeterRegistry metrics;

    @Autowired
    public EenReplica(DataSource dataSource, ClusterProperties properties, MeterRegistry metrics) {
        this(lockProvider(dataSource), properties, metrics);
    }

    EenReplica(LockProvider locks, ClusterProperties properties, MeterRegistry metrics) {
        this.locks = locks;
        this.properties = properties;
        this.metrics = metrics;
    }

    /**
     * ShedLock on the shared database, with the database's clock. Kept alive: while a run lasts, the lock is extended
     * (so a slow run on a loaded replica is never overtaken by another replica); only a replica that died stops
     * extending, and then its lock ends after lock-max. {@code locked_by} names this process, not only the host, so
     * two replicas on one host never release each other's lock.
     */
    static LockProvider lockProvider(DataSource dataSource) {
        return new KeepAliveLockProvider(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .withLockedByValue(replicaNaam())
                .build()), VERLENGER);
    }

    private static final ScheduledExecutorService VERLENGER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "shedlock-verlenger");
        t.setDaemon(true);
        return t;
    });

    static String replicaNaam() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "onbekend";
        }
        return host + ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Takes the route's lock, or null when another replica holds it. */
    Optional<SimpleLock> neem(String naam) {
        Duration max = properties.lockMax(naam);
        return locks.lock(new LockConfiguration(Instant.now(), naam, max, Duration.ZERO));
    }

    @Override
    public void onInit(Route route) {
        overgeslagen(route.getRouteId()); // on the scrape from the start, at 0
    }

    private Counter overgeslagen(String routeId) {
        return Counter.builder("knooppunt.taak.overgeslagen")
                .description("Geplande runs die deze replica oversloeg omdat een andere replica de taak had")
                .tag("route", routeId)
                .register(metrics);
    }

    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        Optional<SimpleLock> lock;
        try {
            lock = neem(route.getRouteId());
        } catch (RuntimeException e) {
            // Camel would log and ignore this and run the job anyway; nobody can tell whether another replica runs it,
            // so this replica does not (the next tick asks again)
            log.warn("lock van {} niet op te vragen, deze run overgeslagen: {}", route.getRouteId(), e.toString());
            lock = Optional.empty();
        }
        if (lock.isPresent()) {
            exchange.setProperty(LOCK, lock.get());
        } else {
            // another replica runs this job now: nothing of this run happens here
            exchange.setRouteStop(true);
            overgeslagen(route.getRouteId()).increment();
        }
    }

    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        SimpleLock lock = exchange.getProperty(LOCK, SimpleLock.class);
        if (lock != null) {
            exchange.removeProperty(LOCK);
            lock.unlock();
        }
    }
}
