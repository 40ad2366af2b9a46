package nl.knooppunt.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.knooppunt.audit.AuditEvent;
import nl.knooppunt.payload.Payload;
import nl.knooppunt.payload.PayloadStore;
import nl.knooppunt.security.Scope;
import nl.knooppunt.tracking.BerichtQueries;
import nl.knooppunt.tracking.BerichtStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The detail of one bericht for the dashboard: its status (tracking), the audit events in full, the linked retour or
 * heen, and the payload on request: masked, with a reason, written to the {@link Inzagelog}.
 */
@Service
public class Berichtdetail {

    public record Detail(BerichtStatus status, List<AuditEvent> gebeurtenissen, List<Koppeling> gekoppeld,
                         boolean payloadAanwezig) {
    }

    /** A linked bericht: the retour the hub sent for this one (with its retourcodes), or the heen of a retour. */
    public record Koppeling(String soort, String traceerId, List<String> retourcodes) {
    }

    private final BerichtQueries queries;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    /** What the payload view shows at most: a 25 MB declaratie is not sent to a browser whole. */
    static final int MAX_TEKENS = 1_000_000;

    private final PayloadStore payloads;
    private final Inzagelog inzagelog;

    public Berichtdetail(BerichtQueries queries, JdbcTemplate jdbc, ObjectMapper json, PayloadStore payloads,
                         Inzagelog inzagelog) {
        this.queries = queries;
        this.jdbc = jdbc;
        this.json = json;
        this.payloads = payloads;
        this.inzagelog = inzagelog;
    }

    /** Empty when there is no such bericht or it lies outside the viewer's scope (the two look the same). */
    public Optional<Detail> detail(String traceerId, Set<String> scope) {
        return zichtbaar(traceerId, scope).map(status -> {
            List<AuditEvent> events = jdbc.query("select inhoud from audit_event where traceer_id = ? order by tijdstip, event_id",
                    (rs, i) -> lees(rs.getString(1)), traceerId);
            List<Koppeling> gekoppeld = new java.util.ArrayList<>();
            events.stream().filter(e -> e.retourTraceerId() != null)
                    .forEach(e -> gekoppeld.add(new Koppeling("retour", e.retourTraceerId(),
                            e.retourcodes() == null ? List.of() : e.retourcodes())));
            boolean aanwezig = jdbc.queryForObject("select count(*) from payload where traceer_id = ?", Integer.class,
                    traceerId) > 0;
            return new Detail(status, events, gekoppeld, aanwezig);
        });
    }

    /** The heenbericht of a retour the hub sent, if this traceerId is such a retour. */
    public Optional<String> heenVanRetour(String retourTraceerId) {
        return jdbc.queryForList("select traceer_id from audit_event where event_type = 'RETOUR_VERZONDEN' and inhoud like ?",
                String.class, "%\"retourTraceerId\":\"" + retourTraceerId.replace("%", "").replace("_", "") + "\"%")
                .stream().findFirst();
    }

    /**
     * The payload with every BSN masked, and a line in the access log.
     *
     * @return empty when the bericht is unknown, outside the scope, or its payload was removed (retention)
     * @throws IllegalArgumentException without a reason
     * @throws BsnMasker.NietLeesbaar   when the payload is no XML
     */
    @Transactional
    public Optional<String> payload(String traceerId, String reden, String via, Set<String> scope) {
        if (reden == null || reden.isBlank()) {
            throw new IllegalArgumentException("Geef een reden op om de inhoud van een bericht in te zien");
        }
        if (reden.length() > 500) {
            throw new IllegalArgumentException("De reden is te lang (ten hoogste 500 tekens)");
        }
        if (zichtbaar(traceerId, scope).isEmpty()) {
            return Optional.empty();
        }
        Optional<Payload> inhoud = payloads.open(traceerId);
        if (inhoud.isEmpty()) {
            return Optional.empty();
        }
        String gemaskeerd;
        try (InputStream in = inhoud.get().open()) {
            gemaskeerd = BsnMasker.maskeer(in, inhoud.get().size(), MAX_TEKENS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        inzagelog.schrijf(Scope.naam(), traceerId, reden.strip(), via);
        return Optional.of(gemaskeerd);
    }

    private Optional<BerichtStatus> zichtbaar(String traceerId, Set<String> scope) {
        return queries.find(traceerId)
                .filter(s -> Scope.magZien(scope, s.responsible(), s.executing(), s.bestemming()));
    }

    private AuditEvent lees(String inhoud) {
        try {
            return json.readValue(inhoud, AuditEvent.class);
        } catch (Exception e) {
            throw new IllegalStateException("stored audit event unreadable", e);
        }
    }
}
