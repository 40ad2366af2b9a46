package nl.knooppunt.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.knooppunt.intake.Bericht;
import nl.knooppunt.intake.BerichtInfo;
import nl.knooppunt.routing.Route;
import nl.knooppunt.system.Ids;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes audit events into the database outbox, in the caller's transaction: a state change and its audit record
 * commit together. {@link AuditOutbox} publishes them to the queue afterwards.
 */
@Component
public class AuditTrail {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Pseudonymizer pseudonymizer;
    private final nl.knooppunt.rapportage.RapportFeiten feiten;

    public AuditTrail(JdbcTemplate jdbc, ObjectMapper json, Pseudonymizer pseudonymizer) {
        this(jdbc, json, pseudonymizer, null);
    }

    /** With report facts: each event's facts (rapportage) are written in the same transaction as the event. */
    @org.springframework.beans.factory.annotation.Autowired
    public AuditTrail(JdbcTemplate jdbc, ObjectMapper json, Pseudonymizer pseudonymizer,
                      nl.knooppunt.rapportage.RapportFeiten feiten) {
        this.jdbc = jdbc;
        this.json = json;
        this.pseudonymizer = pseudonymizer;
        this.feiten = feiten;
    }

    public AuditEvent record(Bericht bericht, String eventType) {
        return record(bericht, eventType, null, null);
    }

    /** An event about the retourbericht the hub sent for this bericht: its traceerId and its retourcodes. */
    public AuditEvent record(Bericht bericht, String eventType, String retourTraceerId, List<String> retourcodes) {
        return record(event(bericht, eventType, Instant.now(), retourTraceerId, retourcodes));
    }

    /** Writes an event that was built without a {@link Bericht} at hand (a push attempt off a queue). */
    public AuditEvent record(AuditEvent event) {
        return schrijf(voorbereid(event));
    }

    /**
     * An event made ready to write: built, as JSON, with its report facts. The work that needs no database is done
     * here, on the caller's thread, so that a group commit (system.GroepCommit) only runs the inserts.
     */
    public record Vastlegging(AuditEvent event, String inhoud, nl.knooppunt.rapportage.RapportFeiten.Klaar feiten) {
    }

    public Vastlegging voorbereid(Bericht bericht, String eventType) {
        return voorbereid(event(bericht, eventType, Instant.now(), null, null));
    }

    public Vastlegging voorbereid(AuditEvent event) {
        try {
            return new Vastlegging(event, json.writeValueAsString(event), feiten == null ? null : feiten.voorbereid(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit event cannot be written as JSON", e);
        }
    }

    /** Writes a prepared event, in the caller's transaction. */
    public AuditEvent schrijf(Vastlegging v) {
        AuditEvent event = v.event();
        jdbc.update("insert into audit_event (event_id, traceer_id, event_type, tijdstip, inhoud, gepubliceerd) "
                        + "values (?, ?, ?, ?, ?, false)", event.eventId(), event.traceerId(), event.eventType(),
                Timestamp.from(event.tijdstip()), v.inhoud());
        if (feiten != null && v.feiten() != null) {
            feiten.schrijf(v.feiten());
        }
        return event;
    }

    /** Routing signals and the level 3–4 findings left to the gemeente (validation.keten), or null when none. */
    private static List<nl.knooppunt.routing.Signaal> signalen(Bericht bericht) {
        List<nl.knooppunt.routing.Signaal> alle = nl.knooppunt.validation.keten.Signalen.alle(bericht);
        return alle.isEmpty() ? null : alle;
    }

    /**
     * Events that follow, for the same bericht, an event that already listed its product lines (GEROUTEERD,
     * GEPARKEERD, AFGEKEURD): they do not list them again. A declaratie of 25,000 prestaties gives about 6 MB of
     * product lines; once is what contractmanagement needs, and twice was the largest memory cost of such a bericht
     * (docs/performance.md).
     */
    static final java.util.Set<String> VOLGEVENTS = java.util.Set.of(Bericht.Status.AFGELEVERD.name(),
            Bericht.Status.IN_TRIAGE.name(), "HERSTELD", nl.knooppunt.validation.retour.Retourverzending.EVENT);

    AuditEvent event(Bericht bericht, String eventType, Instant when) {
        return event(bericht, eventType, when, null, null);
    }

    AuditEvent event(Bericht bericht, String eventType, Instant when, String retourTraceerId,
                     List<String> retourcodes) {
        BerichtInfo info = bericht.info();
        Route besluit = bericht.besluit();
        return new AuditEvent(AuditEvent.SCHEMA_VERSION, Ids.nieuw(), bericht.traceerId(), eventType,
                when, bericht.kanaal(),
                info == null ? null : info.type().name(),
                info == null ? null : info.berichtCode(),
                info == null ? null : info.identificatie(),
                info == null ? null : info.afzender(),
                info == null ? null : info.ontvanger(),
                besluit == null ? null : besluit.bestemming(),
                besluit == null ? null : besluit.responsible(),
                besluit == null ? null : besluit.executing(),
                besluit == null ? null : besluit.reason().name(),
                besluit == null ? null : besluit.regelspoor(),
                signalen(bericht),
                info == null ? null : new ArrayList<>(info.productCategorieen()),
                info == null ? null : info.totaalIngediendBedrag(),
                info == null ? null : info.aantalClienten(),
                info == null ? null : info.clientPseudoniemen(),
                info == null || info.clientPseudoniemen().isEmpty() ? null : pseudonymizer.keyId(),
                bericht.meldingen().isEmpty() ? null : List.copyOf(bericht.meldingen()),
                retourTraceerId,
                retourcodes == null || retourcodes.isEmpty() ? null : List.copyOf(retourcodes), null, null, null,
                bericht.termijnen().isEmpty() ? null : List.copyOf(bericht.termijnen()),
                info == null || info.producten().isEmpty() || VOLGEVENTS.contains(eventType) ? null
                        : info.producten().stream().map(AuditEvent.Product::of).toList());
    }
}
