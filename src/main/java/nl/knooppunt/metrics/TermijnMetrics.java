package nl.knooppunt.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Deadline breaches (docs/termijnen.md) as {@code knooppunt.termijnen.verlopen}: {@code soort=open} counts deadlines
 * past their last day and still not met, {@code soort=te_laat} those met after it. Read from table {@code termijn}
 * at each scrape, so every replica reports the same figure (take the max over replicas, not the sum).
 */
@Component
public class TermijnMetrics {

    private static final ZoneId NL = ZoneId.of("Europe/Amsterdam");

    public TermijnMetrics(MeterRegistry registry, JdbcTemplate jdbc) {
        Gauge.builder("knooppunt.termijnen.verlopen", jdbc, j -> tel(j,
                        "select count(*) from termijn where voldaan_op is null and uiterlijk < ?", true))
                .description("Termijnen die verstreken zijn zonder dat het verwachte bericht kwam")
                .tag("soort", "open").register(registry);
        Gauge.builder("knooppunt.termijnen.verlopen", jdbc, j -> tel(j,
                        "select count(*) from termijn where voldaan_op > uiterlijk", false))
                .description("Termijnen die verstreken zijn zonder dat het verwachte bericht kwam")
                .tag("soort", "te_laat").register(registry);
    }

    private static double tel(JdbcTemplate jdbc, String sql, boolean vandaag) {
        try {
            Long n = vandaag ? jdbc.queryForObject(sql, Long.class, Date.valueOf(LocalDate.now(NL)))
                    : jdbc.queryForObject(sql, Long.class);
            return n == null ? 0 : n;
        } catch (DataAccessException e) {
            return Double.NaN; // the database is away: the scrape still answers, the gap shows in the graph
        }
    }
}
