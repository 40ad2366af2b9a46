package nl.knooppunt.validation.termijn;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import nl.knooppunt.intake.Bericht;
import nl.knooppunt.system.Ids;
import nl.knooppunt.validation.keten.Inhoud;
import nl.knooppunt.validation.keten.InhoudLezer;
import nl.knooppunt.validation.keten.Sleutels;
import org.apache.camel.ExchangeProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deadline watch. Before routing, {@link #bereken} puts on the bericht the deadlines it starts and the open ones it
 * meets (so its audit event names them); after delivery, {@link #registreer} records them in {@code termijn}. Overdue
 * ones are listed by {@code GET /api/termijnen?verlopen=true}.
 */
@Component
public class Termijnbewaking {

    static final ZoneId NL = ZoneId.of("Europe/Amsterdam");
    private static final String KOLOMMEN = "regel, traceer_id, berichttype, gemeente, aanbieder, verwacht, vanaf, "
            + "uiterlijk, voldaan_op, voldaan_door";

    private final JdbcTemplate jdbc;
    private final Sleutels sleutels;
    private final InhoudLezer lezer;

    public Termijnbewaking(JdbcTemplate jdbc, Sleutels sleutels, InhoudLezer lezer) {
        this.jdbc = jdbc;
        this.sleutels = sleutels;
        this.lezer = lezer;
    }

    private String sleutel(String waarde) {
        return sleutels.van("Termijn", waarde);
    }

    /** Called by the keten-controles step: what this bericht starts and meets, onto the bericht. */
    public void bereken(Bericht bericht, Inhoud inhoud) {
        LocalDate ontvangen = LocalDate.ofInstant(bericht.ontvangenOp(), NL);
        bericht.termijnen().clear();
        Termijnregels.start(inhoud, bericht.traceerId(), ontvangen, this::sleutel)
                .forEach(s -> bericht.termijnen().add(s.termijn()));
        for (String sleutel : Termijnregels.voldoet(inhoud, this::sleutel)) {
            jdbc.query("select " + KOLOMMEN + " from termijn where sleutel = ? and voldaan_op is null", Termijnbewaking::map,
                    sleutel).forEach(t -> bericht.termijnen().add(t.voldaan(ontvangen, bericht.traceerId())));
        }
    }

    /** Deliver-route step: records the deadlines once the bericht is on its way (not when rejected or parked). */
    @Transactional
    public void registreer(@ExchangeProperty(Bericht.PROPERTY) Bericht bericht,
                           @ExchangeProperty(Inhoud.PROPERTY) Inhoud inhoud) {
        if (bericht.status() != Bericht.Status.AFGELEVERD && bericht.status() != Bericht.Status.IN_TRIAGE
                || bericht.info() == null) {
            return;
        }
        Inhoud i = inhoud != null ? inhoud : lezer.lees(bericht.payload(), bericht.info().type());
        LocalDate ontvangen = LocalDate.ofInstant(bericht.ontvangenOp(), NL);
        for (Termijnregels.Start s : Termijnregels.start(i, bericht.traceerId(), ontvangen, this::sleutel)) {
            Termijn t = s.termijn();
            jdbc.update("insert into termijn (id, sleutel, " + KOLOMMEN + ") values (?,?,?,?,?,?,?,?,?,?,?,?)",
                    Ids.nieuw(), s.sleutel() == null ? "EIGEN" : s.sleutel(), t.regel(), t.traceerId(),
                    t.berichttype(), t.gemeente(), t.aanbieder(), t.verwacht(), Date.valueOf(t.vanaf()),
                    Date.valueOf(t.uiterlijk()), t.voldaanOp() == null ? null : Date.valueOf(t.voldaanOp()), t.voldaanDoor());
        }
        for (String sleutel : Termijnregels.voldoet(i, this::sleutel)) {
            jdbc.update("update termijn set voldaan_op = ?, voldaan_door = ? where sleutel = ? and voldaan_op is null",
                    Date.valueOf(ontvangen), bericht.traceerId(), sleutel);
        }
    }

    /** The deadlines a bericht started or met. */
    public List<Termijn> vanBericht(String traceerId) {
        return jdbc.query("select " + KOLOMMEN + " from termijn where traceer_id = ? or voldaan_door = ? order by uiterlijk",
                Termijnbewaking::map, traceerId, traceerId);
    }

    /**
     * @param verlopen true: only those past their last day (open and overdue, or met too late); false: all open ones
     */
    /** Open (or overdue) deadlines, of the gemeenten in {@code scope} only (empty: every gemeente). */
    public List<Termijn> lijst(boolean verlopen, int limit, Set<String> scope) {
        Date vandaag = Date.valueOf(LocalDate.now(NL));
        String waar = verlopen ? "((voldaan_op is null and uiterlijk < ?) or voldaan_op > uiterlijk)" : "voldaan_op is null";
        List<Object> args = new ArrayList<>();
        if (verlopen) {
            args.add(vandaag);
        }
        if (!scope.isEmpty()) {
            waar += " and gemeente in (" + String.join(", ", Collections.nCopies(scope.size(), "?")) + ")";
            args.addAll(scope);
        }
        return jdbc.query("select " + KOLOMMEN + " from termijn where " + waar + " order by uiterlijk fetch first "
                + limit + " rows only", Termijnbewaking::map, args.toArray());
    }

    private static Termijn map(ResultSet rs, int i) throws SQLException {
        Date voldaan = rs.getDate(9);
        return new Termijn(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getDate(7).toLocalDate(), rs.getDate(8).toLocalDate(),
                voldaan == null ? null : voldaan.toLocalDate(), rs.getString(10));
    }
}
