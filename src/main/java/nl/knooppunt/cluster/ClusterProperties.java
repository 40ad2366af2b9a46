package nl.knooppunt.cluster;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long a replica may hold the lock of a scheduled route ({@code knooppunt.cluster.*}). The lock is released as soon
 * as a run ends; these limits matter only when the replica holding it dies ({@code kill -9}, a lost host): the other
 * replicas then wait at most this long before one of them takes the job over.
 *
 * @param lockMax      the limit for every scheduled route not named in {@code lockMaxPerRoute}
 * @param lockMaxPerRoute per route id, e.g. {@code audit-publish: 30s}; at least 30 s (a live replica extends its lock)
 */
@Validated
@ConfigurationProperties("knooppunt.cluster")
public record ClusterProperties(@NotNull Duration lockMax, Map<String, Duration> lockMaxPerRoute) {

    /** ShedLock's keep-alive extends a held lock every lock-max / 2 and needs at least this much. */
    static final Duration MINIMUM = Duration.ofSeconds(30);

    public ClusterProperties {
        lockMaxPerRoute = lockMaxPerRoute == null ? Map.of() : Map.copyOf(lockMaxPerRoute);
        if (lockMax != null && lockMax.compareTo(MINIMUM) < 0) {
            throw new IllegalArgumentException("knooppunt.cluster.lock-max moet minstens 30s zijn, niet " + lockMax);
        }
        lockMaxPerRoute.forEach((route, d) -> {
            if (d.compareTo(MINIMUM) < 0) {
                throw new IllegalArgumentException("knooppunt.cluster.lock-max-per-route." + route
                        + " moet minstens 30s zijn, niet " + d);
            }
        });
    }

    Duration lockMax(String routeId) {
        return lockMaxPerRoute.getOrDefault(routeId, lockMax);
    }
}
