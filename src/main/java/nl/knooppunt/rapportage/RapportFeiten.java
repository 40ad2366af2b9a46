package nl.knooppunt.rapportage;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.knooppunt.audit.AuditEvent;
import nl.knooppunt.registry.Aanbieder;
import nl.knooppunt.registry.Registry;
import nl.knooppunt.registry.RegistryService;
import nl.knooppunt.system.Tekens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns an audit event into report facts (table {@code rapport_feit}) and writes them in the caller's transaction, so
 * that an event and its facts commit together. Only events that count for contractmanagement give facts: a bericht
 * that was accepted and routed (GEROUTEERD), rejected (AFGEKEURD) or recognised as a duplicate (DUPLICAAT). A bericht
 * with product lines gives one fact per line (regel 1..n), otherwise one fact (regel 0).
 * <p>The month of a fact is the month of the line's own date (Begindatum of a prestatie, Ingangsdatum of a
 * toewijzing), otherwise the month the event happened in (Europe/Amsterdam). A credited prestatie (bedrag negative)
 * counts with a negative volume, so a 323 that credits an earlier one cancels it.
 * <p>Each fact also keeps the BW/MO region of the aanbieder ({@code aanbieders.yaml}) and of the executing gemeente
 * ({@code mandaten.csv}) as the registry has them at write time, so a later registry change does not rewrite the past.
 */
@Component
public class RapportFeiten {

    static final Set<String> FEITEN = Set.of("GEROUTEERD", "AFGEKEURD", "DUPLICAAT");
    static final ZoneId NL = ZoneId.of("Europe/Amsterdam");

    public record Feit(String eventId, int regel, String traceerId, String eventType, java.time.Instant tijdstip,
                       String maand, String berichttype, String aanbieder, String gemeente, String executing,
                       String productcategorie, String productcode, String soort, Long toewijzingNummer, Long volume,
                       String eenheid, Long bedrag, String code) {
    }

    private final JdbcTemplate jdbc;
    private final RegistryService registry;

    public RapportFeiten(JdbcTemplate jdbc) {
        this(jdbc, null);
    }

    @Autowired
    public RapportFeiten(JdbcTemplate jdbc, RegistryService registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    /** An event's facts with the regions of the moment, computed before the transaction that writes them. */
    public record Klaar(List<Feit> feiten, String aanbiederRegio, String executingRegio) {
    }

    public void schrijf(AuditEvent event) {
        schrijf(voorbereid(event));
    }

    public Klaar voorbereid(AuditEvent event) {
        List<Feit> feiten = feiten(event);
        if (feiten.isEmpty()) {
            return new Klaar(feiten, null, null);
        }
        Registry nu = registry == null ? null : registry.current();
        String aanbiederRegio = nu == null ? null : nu.aanbieder(feiten.get(0).aanbieder()).map(Aanbieder::regio)
                .orElse(null);
        String executingRegio = nu == null || event.executing() == null ? null : nu.regio(event.executing(),
                event.executing(), LocalDate.ofInstant(event.tijdstip(), NL)).orElse(null);
        return new Klaar(feiten, aanbiederRegio, executingRegio);
    }

    public void schrijf(Klaar klaar) {
        List<Feit> feiten = klaar.feiten();
        if (feiten.isEmpty()) {
            return;
        }
        String aanbiederRegio = klaar.aanbiederRegio();
        String executingRegio = klaar.executingRegio();
        jdbc.batchUpdate("insert into rapport_feit (event_id, regel, traceer_id, event_type, tijdstip, maand, berichttype, "
                        + "aanbieder, gemeente, executing, productcategorie, productcode, soort, toewijzing_nummer, "
                        + "volume, eenheid, bedrag, code, aanbieder_regio, executing_regio) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                feiten, feiten.size(), (ps, f) -> {
                    ps.setString(1, f.eventId());
                    ps.setInt(2, f.regel());
                    ps.setString(3, f.traceerId());
                    ps.setString(4, f.eventType());
                    ps.setTimestamp(5, Timestamp.from(f.tijdstip()));
                    ps.setString(6, f.maand());
                    ps.setString(7, f.berichttype());
                    ps.setString(8, f.aanbieder());
                    ps.setString(9, f.gemeente());
                    ps.setString(10, f.executing());
                    ps.setString(11, f.productcategorie());
                    ps.setString(12, f.productcode());
                    ps.setString(13, f.soort());
                    ps.setObject(14, f.toewijzingNummer(), java.sql.Types.BIGINT);
                    ps.setObject(15, f.volume(), java.sql.Types.BIGINT);
                    ps.setString(16, f.eenheid());
                    ps.setObject(17, f.bedrag(), java.sql.Types.BIGINT);
                    ps.setString(18, f.code());
                    ps.setString(19, aanbiederRegio);
                    ps.setString(20, executingRegio);
                });
    }

    /** The facts of one event; empty for events that do not count in reports. Plain Java, testable alone. */
    public static List<Feit> feiten(AuditEvent e) {
        if (!FEITEN.contains(e.eventType())) {
            return List.of();
        }
        String aanbieder = isAgb(e.afzender()) ? e.afzender() : isAgb(e.ontvanger()) ? e.ontvanger() : null;
        String gemeente = isGemeente(e.ontvanger()) ? e.ontvanger() : isGemeente(e.afzender()) ? e.afzender() : null;
        String code = e.meldingen() == null || e.meldingen().isEmpty() ? null : e.meldingen().get(0).code();
        String eventMaand = maand(LocalDate.ofInstant(e.tijdstip(), NL));
        List<Feit> feiten = new ArrayList<>();
        if (e.producten() == null || e.producten().isEmpty()) {
            String categorie = e.productcategorieen() == null || e.productcategorieen().size() != 1 ? null
                    : e.productcategorieen().get(0);
            feiten.add(new Feit(e.eventId(), 0, e.traceerId(), e.eventType(), e.tijdstip(), eventMaand,
                    e.berichttype(), aanbieder, gemeente, e.executing(), categorie, null, null, null, null, null,
                    null, code));
            return feiten;
        }
        int regel = 1;
        for (AuditEvent.Product p : e.producten()) {
            LocalDate datum = p.begindatum() == null ? null : LocalDate.parse(p.begindatum());
            feiten.add(new Feit(e.eventId(), regel++, e.traceerId(), e.eventType(), e.tijdstip(),
                    datum == null ? eventMaand : maand(datum), e.berichttype(), aanbieder, gemeente, e.executing(),
                    p.productcategorie(), p.productcode(), p.soort(), p.toewijzingNummer(),
                    volume(p), p.eenheid(),
                    p.bedrag(), code));
        }
        return feiten;
    }

    /** A credited prestatie (bedrag negative) counts with a negative volume. */
    private static Long volume(AuditEvent.Product p) {
        if (p.volume() != null && p.bedrag() != null && p.bedrag() < 0) {
            return -p.volume();
        }
        return p.volume();
    }

    static String maand(LocalDate datum) {
        // "%04d-%02d" without String.format: this runs for every report fact (2 % of the hub's CPU in the benchmark)
        String jaar = Integer.toString(datum.getYear());
        StringBuilder b = new StringBuilder(7);
        for (int i = jaar.length(); i < 4; i++) {
            b.append('0');
        }
        int maand = datum.getMonthValue();
        return b.append(jaar).append(maand < 10 ? "-0" : "-").append(maand).toString();
    }

    private static boolean isAgb(String s) {
        return Tekens.cijfers(s, 8, 8);
    }

    private static boolean isGemeente(String s) {
        return Tekens.cijfers(s, 4, 4);
    }
}
