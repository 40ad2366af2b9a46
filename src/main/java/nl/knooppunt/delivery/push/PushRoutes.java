package nl.knooppunt.delivery.push;

import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Map;
import nl.knooppunt.registry.Kanaal;
import nl.knooppunt.registry.Registry;
import nl.knooppunt.registry.RegistryHerladen;
import nl.knooppunt.registry.RegistryService;
import jakarta.annotation.PostConstruct;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.Route;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps one push route (template {@code push-aflevering}, routes/push.yaml) per participant whose channel is not its
 * queue: created once the hub is up, and added or removed when the registry is reloaded. Each route has its own
 * consumer, so a participant that is down never slows another. A channel this hub cannot push over gets no route: its
 * berichten wait on the queue.
 */
@Component
public class PushRoutes {

    static final String PREFIX = "push-";
    private static final Logger log = LoggerFactory.getLogger(PushRoutes.class);

    private final CamelContext camel;
    private final RegistryService registry;
    private final PushAflevering aflevering;
    private final ObjectProvider<AfleverPauze> pauze;

    public PushRoutes(CamelContext camel, RegistryService registry, PushAflevering aflevering,
                      ObjectProvider<AfleverPauze> pauze) {
        this.camel = camel;
        this.registry = registry;
        this.aflevering = aflevering;
        this.pauze = pauze;
    }

    /** The push route id of a participant: {@code push-gemeente-0599}, {@code push-aanbieder-42420001}. */
    public static String routeId(String deelnemer) {
        return PREFIX + (deelnemer.length() == 4 ? "gemeente" : "aanbieder") + "-" + deelnemer;
    }

    /** Once Camel has started (routes and templates loaded); at once if it already has. */
    @PostConstruct
    void start() throws Exception {
        camel.addStartupListener(new ExtendedStartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) throws Exception {
                if (alreadyStarted) {
                    synchroniseer(registry.current());
                }
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) throws Exception {
                synchroniseer(registry.current());
            }
        });
    }

    @EventListener
    public void herladen(RegistryHerladen event) throws Exception {
        synchroniseer(event.registry());
    }

    /** The route id per queue that the registry asks for: {@code push-gemeente-0599} → {@code gemeente.0599}. */
    Map<String, String> gewenst(Registry reg) {
        Map<String, String> result = new TreeMap<>();
        Set<String> deelnemers = new TreeSet<>(reg.kanalen().keySet());
        deelnemers.addAll(reg.aanbieders().keySet());
        for (String deelnemer : deelnemers) {
            Kanaal kanaal = reg.kanaal(deelnemer);
            if (kanaal.soort() == Kanaal.Soort.QUEUE) {
                continue;
            }
            if (!aflevering.kan(kanaal.soort())) {
                log.warn("deelnemer {} heeft kanaal {}, maar deze hub kan daarover niet afleveren; "
                        + "de berichten blijven op de queue", deelnemer, kanaal.soort());
                continue;
            }
            String soort = deelnemer.length() == 4 ? "gemeente" : "aanbieder";
            result.put(PREFIX + soort + "-" + deelnemer, soort + "." + deelnemer);
        }
        return result;
    }

    synchronized void synchroniseer(Registry reg) throws Exception {
        if (!camel.isStarted()) {
            return;
        }
        Map<String, String> gewenst = gewenst(reg);
        for (Route route : camel.getRoutes()) {
            String id = route.getRouteId();
            if (id.startsWith(PREFIX) && !gewenst.containsKey(id)) {
                camel.getRouteController().stopRoute(id);
                camel.removeRoute(id);
                log.info("push-route {} verwijderd", id);
            }
        }
        for (Map.Entry<String, String> e : gewenst.entrySet()) {
            if (camel.getRoute(e.getKey()) == null) {
                String deelnemer = e.getValue().substring(e.getValue().indexOf('.') + 1);
                AfleverPauze p = pauze.getIfAvailable();
                boolean gepauzeerd = p != null && p.gepauzeerd(deelnemer);
                TemplatedRouteBuilder.builder(camel, "push-aflevering").routeId(e.getKey())
                        .parameter("queue", e.getValue()).parameter("autoStartup", String.valueOf(!gepauzeerd)).add();
                log.info("push-route {} {} op {}", e.getKey(), gepauzeerd ? "gepauzeerd aangemaakt" : "gestart", e.getValue());
            }
        }
    }
}
