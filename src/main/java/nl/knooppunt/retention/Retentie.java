package nl.knooppunt.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scheduled purge (route {@code retentie-purge}): payloads past their retention after a final status, then
 * metadata and audit events past theirs. Logs what it removed, by data class and count.
 */
@Component
@EnableConfigurationProperties(RetentieProperties.class)
public class Retentie {

    private static final Logger log = LoggerFactory.getLogger(Retentie.class);
    private static final String EINDSTATUS = "('AFGELEVERD', 'AFGEKEURD')";

    private final JdbcTemplate jdbc;
    private final RetentieProperties properties;
    private final Clock clock;

    public Retentie(JdbcTemplate jdbc, RetentieProperties properties, java.util.Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** What one run removed. */
    public record Resultaat(int payloads, int berichten, int auditEvents) {
    }

    @Transactional
    public Resultaat purge() {
        Instant nu = clock.instant();
        Timestamp payloadGrens = Timestamp.from(nu.atOffset(ZoneOffset.UTC).minus(properties.payload()).toInstant());
        Timestamp metadataGrens = Timestamp.from(nu.atOffset(ZoneOffset.UTC).minus(properties.metadata()).toInstant());

        jdbc.update("delete from payload_deel where traceer_id in (select traceer_id from bericht "
                + "where status in " + EINDSTATUS + " and gewijzigd_op < ?)", payloadGrens);
        // parts whose receipt never committed (the hub stopped in between): no payload row will ever own them
        jdbc.update("delete from payload_deel where aangemaakt_op < ? and not exists "
                + "(select 1 from payload p where p.traceer_id = payload_deel.traceer_id)",
                Timestamp.from(nu.minus(Duration.ofDays(1))));
        int payloads = jdbc.update("delete from payload where traceer_id in (select traceer_id from bericht "
                + "where status in " + EINDSTATUS + " and gewijzigd_op < ?)", payloadGrens);
        if (payloads > 0) {
            jdbc.update("update bericht set payload_verwijderd_op = ? where payload_verwijderd_op is null "
                    + "and status in " + EINDSTATUS + " and gewijzigd_op < ?", Timestamp.from(nu), payloadGrens);
        }
        // only published audit events: the outbox never loses one that contractmanagement has not had
        int auditEvents = jdbc.update("delete from audit_event where gepubliceerd and tijdstip < ?", metadataGrens);
        // report facts (rapportage) live as long as the audit events they were written with
        int feiten = jdbc.update("delete from rapport_feit where tijdstip < ?", metadataGrens);
        if (feiten > 0) {
            log.info("retentie: {} rapportfeiten verwijderd (ouder dan {})", feiten, properties.metadata());
        }
        int berichten = jdbc.update("delete from bericht where ontvangen_op < ? and status in " + EINDSTATUS
                + " and not exists (select 1 from payload p where p.traceer_id = bericht.traceer_id)", metadataGrens);
        Resultaat resultaat = new Resultaat(payloads, berichten, auditEvents);
        if (payloads + berichten + auditEvents > 0) {
            log.info("retentie: {} payloads verwijderd (eindstatus ouder dan {}), {} berichten en {} auditevents "
                    + "verwijderd (ouder dan {})", payloads, properties.payload(), berichten, auditEvents,
                    properties.metadata());
        }
        return resultaat;
    }
}
