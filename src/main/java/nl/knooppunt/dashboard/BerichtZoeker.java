package nl.knooppunt.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.knooppunt.validation.Masking;
import nl.knooppunt.validation.keten.Sleutels;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Searches the stored berichten (table {@code bericht}), paged, newest first, within the viewer's gemeente scope.
 * DeclaratieNummer is stored only as a keyed pseudonym (table {@code declaratie}), so the search term is pseudonymised
 * the same way and looked up there.
 */
@Repository
public class BerichtZoeker {

    static final int PAGINAGROOTTE = 25;
    static final ZoneId NL = ZoneId.of("Europe/Amsterdam");

    /** One row of the result list. identificatie is masked where it could be a BSN. */
    public record Rij(String traceerId, Instant ontvangenOp, String kanaal, String berichttype, String afzender,
                      String ontvanger, String bestemming, String status, String identificatie) {
    }

    public record Pagina(List<Rij> rijen, int pagina, long totaal, int paginas) {
    }

    private final JdbcTemplate jdbc;
    private final Sleutels sleutels;

    public BerichtZoeker(JdbcTemplate jdbc, Sleutels sleutels) {
        this.jdbc = jdbc;
        this.sleutels = sleutels;
    }

    public Pagina zoek(Zoekvraag v, Set<String> scope) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        voeg(where, args, "traceer_id = ?", Zoekvraag.leeg(v.traceerId()));
        // stored with a BSN-like run masked (IntakeGate), so the value searched for is masked the same way
        voeg(where, args, "identificatie = ?", Masking.maskBsnLike(Zoekvraag.leeg(v.identificatie())));
        String declaratie = Zoekvraag.leeg(v.declaratieNummer());
        if (declaratie != null) {
            where.append(" and traceer_id in (select traceer_id from declaratie where nummer_sleutel = ?)");
            args.add(sleutels.van("DeclaratieNummer", declaratie));
        }
        String aanbieder = Zoekvraag.leeg(v.aanbieder());
        if (aanbieder != null) {
            where.append(" and (afzender = ? or ontvanger = ?)");
            args.add(aanbieder);
            args.add(aanbieder);
        }
        String gemeente = Zoekvraag.leeg(v.gemeente());
        if (gemeente != null) {
            where.append(" and (responsible = ? or executing = ? or bestemming = ? or afzender = ? or ontvanger = ?)");
            for (int i = 0; i < 5; i++) {
                args.add(gemeente);
            }
        }
        voeg(where, args, "berichttype = ?", Zoekvraag.leeg(v.type()));
        voeg(where, args, "status = ?", Zoekvraag.leeg(v.status()));
        if (v.van() != null) {
            where.append(" and ontvangen_op >= ?");
            args.add(Timestamp.from(v.van().atStartOfDay(NL).toInstant()));
        }
        if (v.tot() != null) {
            where.append(" and ontvangen_op < ?");
            args.add(Timestamp.from(v.tot().plusDays(1).atStartOfDay(NL).toInstant()));
        }
        if (!scope.isEmpty()) {
            String in = String.join(",", scope.stream().map(s -> "?").toList());
            where.append(" and (responsible in (").append(in).append(") or executing in (").append(in)
                    .append(") or bestemming in (").append(in).append("))");
            for (int i = 0; i < 3; i++) {
                args.addAll(scope);
            }
        }
        long totaal = jdbc.queryForObject("select count(*) from bericht" + where, Long.class, args.toArray());
        int pagina = v.paginaNummer();
        List<Object> pArgs = new ArrayList<>(args);
        pArgs.add((pagina - 1) * PAGINAGROOTTE);
        pArgs.add(PAGINAGROOTTE);
        List<Rij> rijen = jdbc.query("select traceer_id, ontvangen_op, kanaal, berichttype, afzender, ontvanger, bestemming, "
                        + "status, identificatie from bericht" + where
                        + " order by ontvangen_op desc, traceer_id offset ? rows fetch next ? rows only",
                (rs, i) -> new Rij(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        Masking.maskBsnLike(rs.getString(9))), pArgs.toArray());
        return new Pagina(rijen, pagina, totaal, (int) Math.max(1, (totaal + PAGINAGROOTTE - 1) / PAGINAGROOTTE));
    }

    private static void voeg(StringBuilder where, List<Object> args, String conditie, String waarde) {
        if (waarde != null) {
            where.append(" and ").append(conditie);
            args.add(waarde);
        }
    }
}
