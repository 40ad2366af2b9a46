package nl.knooppunt.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.knooppunt.audit.AuditEvent;
import nl.knooppunt.security.Scope;
import nl.knooppunt.validation.Melding;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** The read models of the Historie, Storingen and Afgekeurd pages, from the stored berichten and audit events. */
@Service
public class Analyse {

    /** Failures of one cause at one participant within the window. */
    public record Storing(String bron, String oorzaak, String deelnemer, long aantal, Instant eerste, Instant laatste,
                          String voorbeeld) {
    }

    /** A rejected bericht: its codes, and whether the hub sent the sender a retourbericht. */
    public record Afkeuring(String traceerId, Instant ontvangenOp, String kanaal, String berichttype, String afzender,
                            List<Melding> meldingen, boolean retourVerzonden, String retourTraceerId,
                            List<String> retourcodes) {
    }

    static final Duration MAX_VENSTER = Duration.ofDays(92);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public Analyse(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Historie.Resultaat historie(Instant van, Instant tot, Historie.Per per, Historie.Groep groep, Set<String> scope) {
        if (Duration.between(van, tot).compareTo(MAX_VENSTER) > 0) {
            van = tot.minus(MAX_VENSTER);
        }
        if (per == Historie.Per.UUR && Duration.between(van, tot).toDays() > 7) {
            per = Historie.Per.DAG; // at most a week of hours on one chart
        }
        List<Historie.Rij> rijen = jdbc.query("select ontvangen_op, gewijzigd_op, status, afzender, ontvanger, "
                        + "coalesce(responsible, bestemming), berichttype, executing, bestemming from bericht "
                        + "where ontvangen_op >= ? and ontvangen_op < ?",
                (rs, i) -> Scope.magZien(scope, rs.getString(6), rs.getString(8), rs.getString(9))
                        ? new Historie.Rij(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), gemeente(rs.getString(6)), rs.getString(7)) : null,
                Timestamp.from(van), Timestamp.from(tot))
                .stream().filter(java.util.Objects::nonNull).toList();
        return Historie.bereken(rijen, per, groep, van, tot);
    }

    public List<Storing> storingen(Instant van, Set<String> scope) {
        Map<List<String>, List<Object[]>> groepen = new LinkedHashMap<>();
        jdbc.query("select traceer_id, status, afzender, meldingen, gewijzigd_op, responsible, executing, bestemming "
                        + "from bericht where status in ('AFGEKEURD', 'GEPARKEERD', 'IN_TRIAGE') and gewijzigd_op >= ?",
                rs -> {
                    if (!Scope.magZien(scope, rs.getString(6), rs.getString(7), rs.getString(8))) {
                        return;
                    }
                    List<Melding> meldingen = meldingen(rs.getString(4));
                    String oorzaak = meldingen.isEmpty() ? rs.getString(2) : meldingen.get(0).code() + " "
                            + meldingen.get(0).omschrijving();
                    groepen.computeIfAbsent(List.of(rs.getString(2), kort(oorzaak), String.valueOf(rs.getString(3))),
                            k -> new ArrayList<>()).add(new Object[] {rs.getString(1), rs.getTimestamp(5).toInstant()});
                }, Timestamp.from(van));
        jdbc.query("select traceer_id, event_type, tijdstip, inhoud from audit_event "
                        + "where event_type in ('AFLEVERPOGING', 'NAAR_DLQ') and tijdstip >= ?",
                rs -> {
                    AuditEvent e = event(rs.getString(4));
                    if (e.reden() == null || !Scope.magZien(scope, e.responsible(), e.executing(), e.bestemming())) {
                        return; // an attempt without a reason succeeded
                    }
                    String bron = "NAAR_DLQ".equals(rs.getString(2)) ? "DLQ" : "AFLEVERING";
                    groepen.computeIfAbsent(List.of(bron, kort(e.reden()), String.valueOf(e.bestemming())),
                            k -> new ArrayList<>()).add(new Object[] {rs.getString(1), rs.getTimestamp(3).toInstant()});
                }, Timestamp.from(van));
        List<Storing> storingen = new ArrayList<>();
        groepen.forEach((k, v) -> {
            Instant eerste = v.stream().map(o -> (Instant) o[1]).min(Comparator.naturalOrder()).orElseThrow();
            Instant laatste = v.stream().map(o -> (Instant) o[1]).max(Comparator.naturalOrder()).orElseThrow();
            String voorbeeld = (String) v.stream().max(Comparator.comparing(o -> (Instant) o[1])).orElseThrow()[0];
            storingen.add(new Storing(bronNaam(k.get(0)), k.get(1), k.get(2), v.size(), eerste, laatste, voorbeeld));
        });
        storingen.sort(Comparator.comparingLong(Storing::aantal).reversed().thenComparing(Storing::oorzaak));
        return storingen;
    }

    public List<Afkeuring> afgekeurd(Instant van, Set<String> scope, int max) {
        List<Afkeuring> lijst = new ArrayList<>();
        jdbc.query("select b.traceer_id, b.ontvangen_op, b.kanaal, b.berichttype, b.afzender, b.meldingen, "
                        + "b.responsible, b.executing, b.bestemming, "
                        + "(select max(e.inhoud) from audit_event e where e.traceer_id = b.traceer_id "
                        + "and e.event_type = 'RETOUR_VERZONDEN') "
                        + "from bericht b where b.status = 'AFGEKEURD' and b.ontvangen_op >= ? order by b.ontvangen_op desc "
                        + "fetch first " + Math.max(1, Math.min(max, 1000)) + " rows only",
                rs -> {
                    if (!Scope.magZien(scope, rs.getString(7), rs.getString(8), rs.getString(9))) {
                        return;
                    }
                    AuditEvent retour = rs.getString(10) == null ? null : event(rs.getString(10));
                    lijst.add(new Afkeuring(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), meldingen(rs.getString(6)), retour != null,
                            retour == null ? null : retour.retourTraceerId(),
                            retour == null || retour.retourcodes() == null ? List.of() : retour.retourcodes()));
                }, Timestamp.from(van));
        return lijst;
    }

    private static String bronNaam(String bron) {
        return switch (bron) {
            case "AFGEKEURD" -> "Afgekeurd";
            case "GEPARKEERD" -> "Geparkeerd (onbestelbaar)";
            case "IN_TRIAGE" -> "In triage";
            case "DLQ" -> "Naar dead letters";
            case "AFLEVERING" -> "Afleverpoging mislukt";
            default -> bron;
        };
    }

    private static String gemeente(String code) {
        return code != null && code.length() == 4 ? code : null;
    }

    private static String kort(String s) {
        return s == null ? "(onbekend)" : s.length() > 160 ? s.substring(0, 157) + "…" : s;
    }

    private List<Melding> meldingen(String tekst) {
        try {
            return tekst == null ? List.of() : List.of(json.readValue(tekst, Melding[].class));
        } catch (Exception e) {
            return List.of();
        }
    }

    private AuditEvent event(String inhoud) {
        try {
            return json.readValue(inhoud, AuditEvent.class);
        } catch (Exception e) {
            throw new IllegalStateException("stored audit event unreadable", e);
        }
    }
}
