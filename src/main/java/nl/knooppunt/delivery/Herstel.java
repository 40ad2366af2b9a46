package nl.knooppunt.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.knooppunt.audit.AuditTrail;
import nl.knooppunt.intake.Bericht;
import nl.knooppunt.payload.Payload;
import nl.knooppunt.payload.PayloadStore;
import nl.knooppunt.validation.keten.Duplicaten;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finishes deliveries that a process abandoned (kill -9, power loss, a replica that died): a bericht still
 * {@code ONTVANGEN}/{@code GEROUTEERD} longer than {@code knooppunt.herstel.na} that still holds its Identificatie
 * claim runs through validation, routing and delivery again under its own traceerId, from the payload store. A send
 * that got out before the crash has the same duplicate id ({@link Delivery#prepare}), so the broker drops the second;
 * the status and its audit event are then written once. A bericht without a claim is not taken: either its sender was
 * told to offer it again (a transient failure gave the claim back), or it never got as far as a send, or a new offer
 * took its claim over and closed it as {@code DUPLICAAT}. Each recovered bericht gets the audit event {@code HERSTELD}.
 * Route {@code herstel-afleveringen} (routes/herstel.yaml) runs this on one replica at a time.
 */
@Component("herstel")
@EnableConfigurationProperties(HerstelProperties.class)
public class Herstel {

    private static final Logger log = LoggerFactory.getLogger(Herstel.class);

    private final JdbcTemplate jdbc;
    private final PayloadStore payloads;
    private final ProducerTemplate camel;
    private final AuditTrail audit;
    private final HerstelProperties properties;

    public Herstel(JdbcTemplate jdbc, PayloadStore payloads, ProducerTemplate camel, AuditTrail audit,
                   HerstelProperties properties) {
        this.jdbc = jdbc;
        this.payloads = payloads;
        this.camel = camel;
        this.audit = audit;
        this.properties = properties;
    }

    /** One run: returns how many berichten were finished (delivered, parked, rejected or found duplicate). */
    public int herstel() {
        List<Map<String, Object>> verlaten = jdbc.queryForList("select b.traceer_id, b.kanaal, b.bestandsnaam, "
                + "b.ontvangen_op from bericht b where b.status in (?, ?) and b.gewijzigd_op < ? and exists (select 1 "
                + "from bericht_identificatie c where c.traceer_id = b.traceer_id) order by b.ontvangen_op "
                + "fetch first " + properties.perRun() + " rows only", Bericht.Status.ONTVANGEN.name(),
                Bericht.Status.GEROUTEERD.name(), Timestamp.from(Instant.now().minus(properties.na())));
        int klaar = 0;
        for (Map<String, Object> rij : verlaten) {
            if (herstel((String) rij.get("traceer_id"), (String) rij.get("kanaal"), (String) rij.get("bestandsnaam"),
                    instant(rij.get("ontvangen_op")))) {
                klaar++;
            }
        }
        return klaar;
    }

    private boolean herstel(String traceerId, String kanaal, String bestandsnaam, Instant ontvangenOp) {
        Payload inhoud = payloads.open(traceerId).orElse(null);
        if (inhoud == null) {
            log.warn("traceerId={} herstel: geen payload meer; het bericht blijft staan voor een beheerder", traceerId);
            return false;
        }
        // the sender check passed at intake; deelnemer null skips it (as a release of a parked bericht does)
        Bericht bericht = new Bericht(traceerId, kanaal, bestandsnaam, ontvangenOp, inhoud, null);
        Exchange uit = camel.send("direct:validate", exchange -> {
            exchange.setProperty(Bericht.PROPERTY, bericht);
            exchange.setProperty(Duplicaten.HERSTEL, Boolean.TRUE);
        });
        if (uit.getException() != null || bericht.status() == Bericht.Status.ONTVANGEN
                || bericht.status() == Bericht.Status.GEROUTEERD) {
            log.warn("traceerId={} herstel mislukt ({}); de volgende run probeert het opnieuw", traceerId,
                    uit.getException() == null ? bericht.status() : uit.getException().getClass().getSimpleName());
            return false;
        }
        audit.record(bericht, "HERSTELD");
        log.info("traceerId={} herstel: afgebroken verwerking afgemaakt, status {}", traceerId, bericht.status());
        return true;
    }

    private static Instant instant(Object value) {
        Instant tijdstip = nl.knooppunt.tracking.BerichtJournal.tijdstip(value);
        return tijdstip != null ? tijdstip : Instant.now();
    }
}
