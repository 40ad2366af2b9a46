package nl.knooppunt.intake.sftp;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The SFTP channel's own bookkeeping: uploads by (AGB, SHA-256), and deliveries into in/ by (AGB, traceerId). */
@Repository
class SftpRegister {

    record Eerder(String traceerId, String afhaling, String verslagAfhaling) {
    }

    private final JdbcTemplate jdbc;

    SftpRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Eerder> ontvangen(String agb, String sha256) {
        return jdbc.query("select traceer_id, afhaling, verslag_afhaling from sftp_ontvangst where agb = ? and sha256 = ?",
                rs -> rs.next() ? Optional.of(new Eerder(rs.getString(1), rs.getString(2), rs.getString(3)))
                        : Optional.empty(), agb, sha256);
    }

    void ontvangen(String agb, String sha256, String traceerId, String afhaling) {
        jdbc.update("insert into sftp_ontvangst (agb, sha256, traceer_id, afhaling, ontvangen_op) values (?, ?, ?, ?, ?)",
                agb, sha256, traceerId, afhaling, Timestamp.from(Instant.now()));
    }

    void verslagGeschreven(String agb, String sha256, String afhaling) {
        jdbc.update("update sftp_ontvangst set verslag_afhaling = ? where agb = ? and sha256 = ?", afhaling, agb, sha256);
    }

    boolean afgeleverd(String agb, String traceerId) {
        Integer n = jdbc.queryForObject("select count(*) from sftp_aflevering where agb = ? and traceer_id = ?",
                Integer.class, agb, traceerId);
        return n != null && n > 0;
    }

    void afgeleverd(String agb, String traceerId, String bestandsnaam) {
        jdbc.update("insert into sftp_aflevering (agb, traceer_id, bestandsnaam, geleverd_op) values (?, ?, ?, ?)",
                agb, traceerId, bestandsnaam, Timestamp.from(Instant.now()));
    }
}
