package nl.knooppunt.beheer;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import nl.knooppunt.validation.Masking;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The operator log (table {@code operator_log}): who did what, when, on which queue or participant, to which
 * berichten, why, and what came of it. Written for every beheer action, also when it failed or changed nothing.
 * Texts pass {@link Masking}, so a BSN typed into a reason never lands here.
 */
@Component
public class OperatorLog {

    public record Regel(long id, Instant tijdstip, String gebruiker, String actie, String queue,
                        List<String> traceerIds, String reden, String uitkomst) {
    }

    public record Pagina(List<Regel> regels, int pagina, int grootte, long totaal) {
        public int paginas() {
            return (int) Math.max(1, (totaal + grootte - 1) / grootte);
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    public OperatorLog(JdbcTemplate jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    OperatorLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void schrijf(String gebruiker, String actie, String queue, List<String> traceerIds, String reden,
                        String uitkomst) {
        jdbc.update("insert into operator_log (tijdstip, gebruiker, actie, queue, traceer_ids, reden, uitkomst) "
                        + "values (?, ?, ?, ?, ?, ?, ?)", Timestamp.from(clock.instant()), kort(gebruiker, 100), actie,
                kort(queue, 200), traceerIds == null || traceerIds.isEmpty() ? null : kort(String.join(",", traceerIds), 8000),
                reden == null ? null : kort(Masking.mask(reden), 500), kort(Masking.mask(uitkomst), 2000));
    }

    /** Newest first; {@code pagina} counts from 0. */
    public Pagina pagina(int pagina, int grootte) {
        int p = Math.max(0, pagina);
        int g = Math.max(1, Math.min(grootte, 200));
        Long totaal = jdbc.queryForObject("select count(*) from operator_log", Long.class);
        List<Regel> regels = jdbc.query("select id, tijdstip, gebruiker, actie, queue, traceer_ids, reden, uitkomst "
                        + "from operator_log order by id desc limit ? offset ?",
                (rs, i) -> new Regel(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6) == null ? List.of() : Arrays.asList(rs.getString(6).split(",")),
                        rs.getString(7), rs.getString(8)),
                g, (long) p * g);
        return new Pagina(regels, p, g, totaal == null ? 0 : totaal);
    }

    private static String kort(String s, int max) {
        if (s == null) {
            return null;
        }
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
