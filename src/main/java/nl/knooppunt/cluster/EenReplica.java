package nl.knooppunt.cluster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
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

    static LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }

    /** Takes the route's lock, or null when another replica holds it. */
    Optional<SimpleLock> neem(String naam) {
        Duration max = properties.lockMax(naam);
        return locks.lock(new LockConfiguration(Instant.now(), naam, max, Duration.ZERO));
    }

    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        Optional<SimpleLock> lock = neem(route.getRouteId());
        if (lock.isPresent()) {
            exchange.setProperty(LOCK, lock.get());
        } else {
            // another replica runs this job now: nothing of this run happens here
            exchange.setRouteStop(true);
            Counter.builder("knooppunt.taak.overgeslagen")
                    .description("Geplande runs die deze replica oversloeg omdat een andere replica de taak had")
                    .tag("route", route.getRouteId())
                    .register(metrics)
                    .increment();
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
