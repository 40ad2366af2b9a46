package nl.knooppunt.payload;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The only place where a bericht's bytes, and so a BSN, are kept. Everything else refers to a bericht by traceerId.
 */
@Repository
public class PayloadStore {

    private final JdbcTemplate jdbc;

    PayloadStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void store(String traceerId, byte[] bytes) {
        jdbc.update("insert into payload (traceer_id, inhoud) values (?, ?)", traceerId, bytes);
    }

    public Optional<byte[]> load(String traceerId) {
        return jdbc.query("select inhoud from payload where traceer_id = ?",
                rs -> rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty(), traceerId);
    }
}
