package nl.knooppunt.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The access log of payload views (NEN 7513 style): who, when, which bericht, why, through page or API. */
@Repository
public class Inzagelog {

    public record Regel(String gebruiker, Instant tijdstip, String traceerId, String reden, String via) {
    }

    private final JdbcTemplate jdbc;

    public Inzagelog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void schrijf(String gebruiker, String traceerId, String reden, String via) {
        jdbc.update("insert into inzage (id, gebruiker, tijdstip, traceer_id, reden, via) values (?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), gebruiker, Timestamp.from(Instant.now()), traceerId, reden, via);
    }

    public List<Regel> laatste(int aantal) {
        return jdbc.query("select gebruiker, tijdstip, traceer_id, reden, via from inzage order by tijdstip desc "
                + "fetch first " + Math.max(1, Math.min(aantal, 1000)) + " rows only", (rs, i) -> regel(rs));
    }

    public List<Regel> vanBericht(String traceerId) {
        return jdbc.query("select gebruiker, tijdstip, traceer_id, reden, via from inzage where traceer_id = ? "
                + "order by tijdstip desc", (rs, i) -> regel(rs), traceerId);
    }

    private static Regel regel(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Regel(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5));
    }
}
