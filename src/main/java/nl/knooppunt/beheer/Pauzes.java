package nl.knooppunt.beheer;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.knooppunt.audit.AuditEvent;
import nl.knooppunt.audit.AuditTrail;
import nl.knooppunt.delivery.push.AfleverPauze;
import nl.knooppunt.delivery.push.PushRoutes;
import nl.knooppunt.registry.Registry;
import nl.knooppunt.registry.RegistryService;
import nl.knooppunt.validation.Masking;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pause and resume delivery to one participant. A push participant's route is suspended (its berichten wait on its
 * queue); for a participant that consumes its queue itself, the Artemis queue is paused (kept in the journal). The
 * state is also kept in table {@code aflevering_pauze}, so a push route is created paused after a restart and a
 * queue pause is put back on a fresh broker. Nothing is taken off the queue while paused; the backlog shows on
 * /routering. Every pause and resume is an audit event and a row in the operator log.
 */
@Service
public class Pauzes implements AfleverPauze {

    static final String GEPAUZEERD = "AFLEVERING_PAUZE";
    static final String HERVAT = "AFLEVERING_HERVAT";
    private static final Logger log = LoggerFactory.getLogger(Pauzes.class);

    public record Pauze(String deelnemer, Instant sinds, String gebruiker, String reden) {
    }

    /** A participant's delivery state for the routering page. */
    public record Aflevering(String deelnemer, String naam, String kanaal, String queue, boolean gepauzeerd,
                             long wachtrij, Long oudsteLeeftijdMs, Pauze pauze) {
    }

    private final JdbcTemplate jdbc;
    private final CamelContext camel;
    private final QueueAdmin admin;
    private final RegistryService registry;
    private final AuditTrail audit;
    private final OperatorLog operatorLog;
    private final Clock clock = Clock.systemUTC();

    public Pauzes(JdbcTemplate jdbc, CamelContext camel, QueueAdmin admin, RegistryService registry, AuditTrail audit,
                  OperatorLog operatorLog) {
        this.jdbc = jdbc;
        this.camel = camel;
        this.admin = admin;
        this.registry = registry;
        this.audit = audit;
        this.operatorLog = operatorLog;
    }

    @Override
    public boolean gepauzeerd(String deelnemer) {
        return pauze(deelnemer).isPresent();
    }

    public Optional<Pauze> pauze(String deelnemer) {
        return jdbc.query("select deelnemer, sinds, gebruiker, reden from aflevering_pauze where deelnemer = ?",
                (rs, i) -> new Pauze(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4)),
                deelnemer).stream().findFirst();
    }

    public List<Pauze> lijst() {
        return jdbc.query("select deelnemer, sinds, gebruiker, reden from aflevering_pauze order by deelnemer",
                (rs, i) -> new Pauze(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4)));
    }

    @Transactional
    public synchronized Pauze pauzeer(String gebruiker, String deelnemer, String reden) {
        bekend(deelnemer);
        Optional<Pauze> al = pauze(deelnemer);
        if (al.isPresent()) {
            operatorLog.schrijf(gebruiker, "PAUZE", queue(deelnemer), List.of(), reden, "was al gepauzeerd");
            return al.get();
        }
        Pauze pauze = new Pauze(deelnemer, clock.instant(), gebruiker, reden == null || reden.isBlank() ? null
                : Masking.mask(reden.strip()));
        jdbc.update("insert into aflevering_pauze (deelnemer, sinds, gebruiker, reden) values (?, ?, ?, ?)", deelnemer,
                Timestamp.from(pauze.sinds()), gebruiker, pauze.reden());
        String hoe = stop(deelnemer);
        audit.record(event(GEPAUZEERD, deelnemer, gebruiker, pauze.reden()));
        operatorLog.schrijf(gebruiker, "PAUZE", queue(deelnemer), List.of(), reden, "gepauzeerd (" + hoe + ")");
        log.info("aflevering aan {} gepauzeerd door {} ({})", deelnemer, gebruiker, hoe);
        return pauze;
    }

    @Transactional
    public synchronized boolean hervat(String gebruiker, String deelnemer) {
        bekend(deelnemer);
        int weg = jdbc.update("delete from aflevering_pauze where deelnemer = ?", deelnemer);
        String hoe = start(deelnemer);
        if (weg > 0) {
            audit.record(event(HERVAT, deelnemer, gebruiker, null));
        }
        operatorLog.schrijf(gebruiker, "HERVAT", queue(deelnemer), List.of(), null,
                weg > 0 ? "hervat (" + hoe + ")" : "was niet gepauzeerd");
        log.info("aflevering aan {} hervat door {} ({})", deelnemer, gebruiker, hoe);
        return weg > 0;
    }

    /** Every participant of the registry with its channel, backlog and pause. */
    public List<Aflevering> afleveringen() {
        Registry reg = registry.current();
        java.util.TreeMap<String, String> namen = new java.util.TreeMap<>();
        reg.gemeenten().forEach((code, g) -> namen.put(code, g.naam()));
        reg.aanbieders().forEach((agb, a) -> namen.put(agb, a.naam()));
        return namen.entrySet().stream().map(e -> {
            String q = queue(e.getKey());
            boolean bestaat = admin.exists(q);
            Optional<Pauze> p = pauze(e.getKey());
            return new Aflevering(e.getKey(), e.getValue(), reg.kanaal(e.getKey()).soort().name().toLowerCase(), q,
                    p.isPresent(), bestaat ? admin.count(q, null) : 0, bestaat ? admin.oldestAge(q) : null, p.orElse(null));
        }).toList();
    }

    /** After a restart: the push routes were created paused (PushRoutes); put queue pauses back where needed. */
    @EventListener(ApplicationReadyEvent.class)
    public void herstel() {
        for (Pauze p : lijst()) {
            try {
                stop(p.deelnemer());
            } catch (RuntimeException e) {
                log.warn("pauze van {} niet hersteld: {}", p.deelnemer(), e.getMessage());
            }
        }
    }

    private String stop(String deelnemer) {
        Route route = camel.getRoute(PushRoutes.routeId(deelnemer));
        try {
            if (route != null) {
                ServiceStatus status = camel.getRouteController().getRouteStatus(route.getRouteId());
                if (status != null && status.isStarted()) {
                    camel.getRouteController().suspendRoute(route.getRouteId());
                }
                return "push-route " + route.getRouteId() + " stilgezet";
            }
        } catch (Exception e) {
            throw new IllegalStateException("push-route van " + deelnemer + " niet stil te zetten: " + e.getMessage(), e);
        }
        String q = queue(deelnemer);
        admin.create(q);
        if (!admin.paused(q)) {
            admin.pause(q);
        }
        return "queue " + q + " gepauzeerd";
    }

    private String start(String deelnemer) {
        String q = queue(deelnemer);
        StringBuilder hoe = new StringBuilder();
        if (admin.exists(q) && admin.paused(q)) {
            admin.resume(q);
            hoe.append("queue ").append(q).append(" hervat");
        }
        Route route = camel.getRoute(PushRoutes.routeId(deelnemer));
        if (route != null) {
            try {
                ServiceStatus status = camel.getRouteController().getRouteStatus(route.getRouteId());
                if (status == ServiceStatus.Suspended) {
                    camel.getRouteController().resumeRoute(route.getRouteId());
                } else if (status == null || !status.isStarted()) {
                    camel.getRouteController().startRoute(route.getRouteId());
                }
            } catch (Exception e) {
                throw new IllegalStateException("push-route van " + deelnemer + " niet te starten: " + e.getMessage(), e);
            }
            hoe.append(hoe.isEmpty() ? "" : ", ").append("push-route ").append(route.getRouteId()).append(" loopt");
        }
        return hoe.isEmpty() ? "niets stilgezet" : hoe.toString();
    }

    static String queue(String deelnemer) {
        return (deelnemer.length() == 4 ? "gemeente." : "aanbieder.") + deelnemer;
    }

    private void bekend(String deelnemer) {
        Registry reg = registry.current();
        if (deelnemer == null || !(deelnemer.matches("[0-9]{4}") && reg.gemeenten().containsKey(deelnemer)
                || deelnemer.matches("[0-9]{8}") && reg.aanbieders().containsKey(deelnemer))) {
            throw new OnbekendeDeelnemer(deelnemer);
        }
    }

    private AuditEvent event(String type, String deelnemer, String gebruiker, String reden) {
        String tekst = "gebruiker " + gebruiker + (reden == null ? "" : ": " + reden);
        return new AuditEvent(AuditEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), UUID.randomUUID().toString(), type,
                clock.instant(), "BEHEER", null, null, null, null, null, deelnemer, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, tekst.length() > 300 ? tekst.substring(0, 300) : tekst,
                null);
    }
}
