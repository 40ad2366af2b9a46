package nl.knooppunt.beheer;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.knooppunt.delivery.push.PushRoutes;
import nl.knooppunt.delivery.push.PushStatus;
import nl.knooppunt.registry.Kanaal;
import nl.knooppunt.registry.Registry;
import nl.knooppunt.registry.RegistryService;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Health "pushDoelen": per participant with a push channel, the outcome and time of the hub's last attempt (never a
 * probe of its own). A failing target is status {@code STORING}: shown, but it does not take the hub's overall health
 * down, because a gemeente's system being down is no reason to restart the hub.
 */
@Component("pushDoelenHealthIndicator")
class PushDoelenHealthIndicator implements HealthIndicator {

    static final Status STORING = new Status("STORING", "laatste afleverpoging naar een of meer doelen mislukt");

    private final PushStatus status;
    private final RegistryService registry;

    PushDoelenHealthIndicator(PushStatus status, RegistryService registry) {
        this.status = status;
        this.registry = registry;
    }

    @Override
    public Health health() {
        Registry reg = registry.current();
        Map<String, PushStatus.Poging> laatste = status.laatste();
        Map<String, Object> doelen = new LinkedHashMap<>();
        boolean storing = false;
        for (String deelnemer : new java.util.TreeSet<>(reg.kanalen().keySet())) {
            Kanaal kanaal = reg.kanaal(deelnemer);
            if (kanaal.soort() == Kanaal.Soort.QUEUE) {
                continue;
            }
            PushStatus.Poging p = laatste.get(deelnemer);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("kanaal", kanaal.soort().name().toLowerCase());
            d.put("route", PushRoutes.routeId(deelnemer));
            if (p == null) {
                d.put("status", "ONBEKEND");
            } else {
                d.put("status", p.geslaagd() ? "UP" : "STORING");
                d.put("laatstePoging", p.tijdstip().toString());
                if (p.reden() != null) {
                    d.put("reden", p.reden());
                }
                storing |= !p.geslaagd();
            }
            doelen.put(deelnemer, d);
        }
        return Health.status(storing ? STORING : Status.UP).withDetail("doelen", doelen).build();
    }
}
