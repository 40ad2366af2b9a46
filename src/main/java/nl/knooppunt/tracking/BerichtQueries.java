package nl.knooppunt.tracking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import nl.knooppunt.routing.Signaal;
import nl.knooppunt.validation.Melding;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class BerichtQueries {

    private static final TypeReference<List<Melding>> MELDINGEN = new TypeReference<>() { };
    private static final TypeReference<List<String>> REGELSPOOR = new TypeReference<>() { };
    private static final TypeReference<List<Signaal>> SIGNALEN = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final nl.knooppunt.validation.termijn.Termijnbewaking termijnen;

    public BerichtQueries(JdbcTemplate jdbc, ObjectMapper json, nl.knooppunt.validation.termijn.Termijnbewaking termijnen) {
        this.jdbc = jdbc;
        this.json = json;
        this.termijnen = termijnen;
    }

    public Optional<BerichtStatus> find(String traceerId) {
        List<BerichtStatus.Gebeurtenis> historie = jdbc.query(
                "select event_id, event_type, tijdstip from audit_event where traceer_id = ? order by tijdstip, event_id",
                (rs, i) -> new BerichtStatus.Gebeurtenis(rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant()), traceerId);
        return jdbc.query("select traceer_id, status, kanaal, ontvangen_op, berichttype, bericht_code, afzender, ontvanger, "
                        + "bestemming, responsible, executing, reason, meldingen, regelspoor, signalen, payload_verwijderd_op "
                        + "from bericht where traceer_id = ?",
                (rs, i) -> new BerichtStatus(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                        read(rs.getString(14), REGELSPOOR), read(rs.getString(15), SIGNALEN),
                        read(rs.getString(13), MELDINGEN), historie,
                        rs.getTimestamp(16) == null ? null : rs.getTimestamp(16).toInstant(),
                        termijnen.vanBericht(traceerId)), traceerId)
                .stream().findFirst();
    }

    public List<BerichtStatus> withStatus(String status, int limit) {
        return jdbc.queryForList("select traceer_id from bericht where status = ? order by ontvangen_op fetch first "
                        + limit + " rows only", String.class, status)
                .stream().map(this::find).flatMap(Optional::stream).toList();
    }

    private <T> List<T> read(String text, TypeReference<List<T>> type) {
        try {
            return text == null ? List.of() : json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored meldingen unreadable", e);
        }
    }
}
