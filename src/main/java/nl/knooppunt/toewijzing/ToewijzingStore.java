package nl.knooppunt.toewijzing;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.knooppunt.intake.Bericht;
import nl.knooppunt.intake.BerichtInfo;
import nl.knooppunt.intake.BerichtType;
import nl.knooppunt.intake.ProductRegel;
import org.apache.camel.ExchangeProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The toewijzingen of every delivered 301, in the database. The newest 301 for a key is the actual one (IV013). */
@Repository
public class ToewijzingStore implements ToewijzingGeheugen {

    private static final String COLUMNS = "gemeente, toewijzing_nummer, aanbieder, responsible, executing, productcategorie, "
            + "client_pseudoniem, ingangsdatum, einddatum, reden_wijziging, traceer_id";

    private final JdbcTemplate jdbc;

    public ToewijzingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Route step after delivery: a 301's toegewezen producten are remembered with the route it took. */
    @Transactional
    public void onthoud(@ExchangeProperty(Bericht.PROPERTY) Bericht bericht) {
        BerichtInfo info = bericht.info();
        if (info == null || info.type() != BerichtType.WMO301 || bericht.besluit() == null) {
            return;
        }
        for (ProductRegel p : info.producten()) {
            if (p.toewijzingNummer() == null || ProductRegel.alsDatum(p.datum()) == null) {
                continue;
            }
            Toewijzing t = new Toewijzing(info.gemeente(), p.toewijzingNummer(), info.aanbieder(),
                    bericht.besluit().responsible(), bericht.besluit().executing(), p.categorie(),
                    info.clientPseudoniem(), ProductRegel.alsDatum(p.datum()), ProductRegel.alsDatum(p.einddatum()),
                    p.redenWijziging(),
                    bericht.traceerId());
            save(t);
        }
    }

    public void save(Toewijzing t) {
        Object[] values = {t.aanbieder(), t.responsible(), t.executing(), t.categorie(), t.clientPseudoniem(),
                Date.valueOf(t.ingangsdatum()), t.einddatum() == null ? null : Date.valueOf(t.einddatum()),
                t.redenWijziging(), t.traceerId(), Timestamp.from(Instant.now()), t.gemeente(), t.nummer()};
        int updated = jdbc.update("update toewijzing set aanbieder = ?, responsible = ?, executing = ?, productcategorie = ?, "
                + "client_pseudoniem = ?, ingangsdatum = ?, einddatum = ?, reden_wijziging = ?, traceer_id = ?, "
                + "bijgewerkt_op = ? where gemeente = ? and toewijzing_nummer = ?", values);
        if (updated == 0) {
            jdbc.update("insert into toewijzing (aanbieder, responsible, executing, productcategorie, client_pseudoniem, "
                    + "ingangsdatum, einddatum, reden_wijziging, traceer_id, bijgewerkt_op, gemeente, toewijzing_nummer) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
        }
    }

    @Override
    public Optional<Toewijzing> find(String gemeente, long nummer) {
        return jdbc.query("select " + COLUMNS + " from toewijzing where gemeente = ? and toewijzing_nummer = ?",
                ToewijzingStore::map, gemeente, nummer).stream().findFirst();
    }

    @Override
    public List<Toewijzing> vanClient(String clientPseudoniem, List<String> categorieen) {
        if (clientPseudoniem == null || categorieen.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", categorieen.stream().map(c -> "?").toList());
        Object[] args = new Object[categorieen.size() + 1];
        args[0] = clientPseudoniem;
        for (int i = 0; i < categorieen.size(); i++) {
            args[i + 1] = categorieen.get(i);
        }
        return jdbc.query("select " + COLUMNS + " from toewijzing where client_pseudoniem = ? and productcategorie in ("
                + in + ") order by ingangsdatum desc", ToewijzingStore::map, args);
    }

    private static Toewijzing map(ResultSet rs, int i) throws SQLException {
        Date eind = rs.getDate(9);
        return new Toewijzing(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getDate(8).toLocalDate(), eind == null ? null : eind.toLocalDate(),
                rs.getString(10), rs.getString(11));
    }

}
