package nl.knooppunt.tracking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import nl.knooppunt.audit.AuditTrail;
import nl.knooppunt.intake.Bericht;
import nl.knooppunt.intake.BerichtInfo;
import nl.knooppunt.payload.PayloadStore;
import nl.knooppunt.routing.Route;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every state change of a bericht: the row in {@code bericht} and its audit event commit in one transaction, so no
 * bericht moves on without its audit record.
 */
@Component
public class BerichtJournal {

    private final JdbcTemplate jdbc;
    private final PayloadStore payloads;
    private final AuditTrail audit;
    private final ObjectMapper json;

    public BerichtJournal(JdbcTemplate jdbc, PayloadStore payloads, AuditTrail audit, ObjectMapper json) {
        this.jdbc = jdbc;
        this.payloads = payloads;
        this.audit = audit;
        this.json = json;
    }

    /** The raw bytes are stored before anything else looks at them (unless over the size cap, which is rejected next). */
    @Transactional
    public void ontvangen(Bericht bericht, String sha256, boolean storePayload) {
        ontvangen(bericht, sha256, storePayload, ontvangst(bericht));
    }

    /** The receipt with its ONTVANGEN event prepared beforehand (outside the group commit, see {@link #wijziging}). */
    @Transactional
    public void ontvangen(Bericht bericht, String sha256, boolean storePayload, AuditTrail.Vastlegging ontvangen) {
        if (storePayload) {
            payloads.store(bericht.traceerId(), bericht.payload());
        }
        jdbc.update("insert into bericht (traceer_id, ontvangen_op, kanaal, bestandsnaam, grootte, sha256, status, gewijzigd_op) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)", bericht.traceerId(), Timestamp.from(bericht.ontvangenOp()),
                bericht.kanaal(), bericht.bestandsnaam(), bericht.payload().size(), sha256, Bericht.Status.ONTVANGEN.name(),
                Timestamp.from(bericht.ontvangenOp()));
        audit.schrijf(ontvangen);
    }

    public AuditTrail.Vastlegging ontvangst(Bericht bericht) {
        return audit.voorbereid(bericht, Bericht.Status.ONTVANGEN.name());
    }

    @Transactional
    public void wijzig(Bericht bericht, Bericht.Status status) {
        schrijf(wijziging(bericht, status));
    }

    /**
     * A state change made ready to write: the bericht has its new status, the row's values and the audit event are
     * computed (JSON, pseudonyms, report facts). Outside any transaction, so that a group commit
     * (system.GroepCommit) runs only the statements; {@link #schrijf} writes it.
     */
    public record Wijziging(Object[] kolommen, AuditTrail.Vastlegging audit) {
    }

    public Wijziging wijziging(Bericht bericht, Bericht.Status status) {
        bericht.status(status);
        BerichtInfo info = bericht.info();
        Route besluit = bericht.besluit();
        return new Wijziging(new Object[] {
                status.name(),
                info == null ? null : info.type().name(),
                info == null ? null : info.berichtCode(),
                info == null ? null : info.afzender(),
                info == null ? null : info.ontvanger(),
                info == null ? null : info.identificatie(),
                besluit == null ? null : besluit.bestemming(),
                besluit == null ? null : besluit.responsible(),
                besluit == null ? null : besluit.executing(),
                besluit == null ? null : besluit.reason().name(),
                toJson(bericht.meldingen()),
                besluit == null ? null : toJson(besluit.regelspoor()),
                toJson(nl.knooppunt.validation.keten.Signalen.alle(bericht)),
                Timestamp.from(Instant.now()),
                bericht.traceerId()}, audit.voorbereid(bericht, status.name()));
    }

    @Transactional
    public void schrijf(Wijziging w) {
        jdbc.update("update bericht set status = ?, berichttype = ?, bericht_code = ?, afzender = ?, ontvanger = ?, "
                + "identificatie = ?, bestemming = ?, responsible = ?, executing = ?, reason = ?, meldingen = ?, "
                + "regelspoor = ?, signalen = ?, gewijzigd_op = ? where traceer_id = ?", w.kolommen());
        audit.schrijf(w.audit());
    }

    private String toJson(java.util.List<?> values) {
        try {
            return values.isEmpty() ? null : json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A bericht whose process died before it was delivered, and whose Identificatie claim a new offer of the same
     * bericht took over (validation.keten.Duplicaten): the old traceerId is closed as {@code DUPLICAAT}, with a melding
     * naming the new one (the melding), so the recovery (delivery.Herstel) does not deliver it a second time.
     */
    @Transactional
    public void overgenomen(String traceerId, nl.knooppunt.validation.Melding melding) {
        java.util.List<java.util.Map<String, Object>> rows = jdbc.queryForList("select kanaal, bestandsnaam, "
                + "ontvangen_op from bericht where traceer_id = ? and status in (?, ?)", traceerId,
                Bericht.Status.ONTVANGEN.name(), Bericht.Status.GEROUTEERD.name());
        if (rows.isEmpty()) {
            return;
        }
        java.util.Map<String, Object> row = rows.get(0);
        Bericht oud = new Bericht(traceerId, (String) row.get("kanaal"), (String) row.get("bestandsnaam"),
                instant(row.get("ontvangen_op")), new byte[0]);
        oud.meldingen().add(melding);
        int gewijzigd = jdbc.update("update bericht set status = ?, meldingen = ?, gewijzigd_op = ? where traceer_id = ? "
                        + "and status in (?, ?)", Bericht.Status.DUPLICAAT.name(), toJson(oud.meldingen()),
                Timestamp.from(Instant.now()), traceerId, Bericht.Status.ONTVANGEN.name(), Bericht.Status.GEROUTEERD.name());
        if (gewijzigd == 1) {
            oud.status(Bericht.Status.DUPLICAAT);
            audit.record(oud, Bericht.Status.DUPLICAAT.name());
        }
    }

    /** A timestamp column as JDBC returns it (H2: OffsetDateTime, PostgreSQL: Timestamp), or null. */
    public static Instant tijdstip(Object value) {
        if (value instanceof java.util.Date d) {
            return d.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return value instanceof Instant i ? i : null;
    }

    private static Instant instant(Object value) {
        Instant tijdstip = tijdstip(value);
        return tijdstip != null ? tijdstip : Instant.now();
    }
}
