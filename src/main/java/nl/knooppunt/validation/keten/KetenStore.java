package nl.knooppunt.validation.keten;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.knooppunt.intake.Bericht;
import nl.knooppunt.intake.BerichtType;
import nl.knooppunt.system.Ids;
import nl.knooppunt.validation.keten.KetenGeheugen.StartStop;
import org.apache.camel.ExchangeProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The store behind the level-3 checks, written when a bericht is delivered (the deliver route's
 * {@code deliver-afgeleverd} step, {@code delivery.Delivery#afgeleverd}, in the transaction of the status change, after
 * {@code toewijzing.ToewijzingStore#onthoud} wrote the toewijzing row that this class completes) and read by the checks before routing. A bericht that is rejected or parked is not remembered.
 */
@Repository
public class KetenStore implements KetenGeheugen {

    private final JdbcTemplate jdbc;
    private final Sleutels sleutels;
    private final InhoudLezer lezer;

    public KetenStore(JdbcTemplate jdbc, Sleutels sleutels, InhoudLezer lezer) {
        this.jdbc = jdbc;
        this.sleutels = sleutels;
        this.lezer = lezer;
    }

    /** Route step after delivery. */
    @Transactional
    public void onthoud(@ExchangeProperty(Bericht.PROPERTY) Bericht bericht,
                        @ExchangeProperty(Inhoud.PROPERTY) Inhoud inhoud) {
        if (bericht.status() != Bericht.Status.AFGELEVERD && bericht.status() != Bericht.Status.IN_TRIAGE
                || bericht.info() == null) {
            return;
        }
        onthoud(inhoud != null ? inhoud : lezer.lees(bericht.payload(), bericht.info().type()), bericht.traceerId());
    }

    public void onthoud(Inhoud inhoud, String traceerId) {
        Timestamp nu = Timestamp.from(Instant.now());
        String gemeente = inhoud.gemeente();
        String aanbieder = inhoud.aanbieder();
        switch (inhoud.type()) {
            case WMO301 -> inhoud.regels().stream().filter(r -> r.toewijzingNummer() != null).forEach(r -> {
                int n = jdbc.update("update toewijzing set product_code = ?, volume = ?, eenheid = ?, frequentie = ?, "
                                + "budget = ?, referentie_sleutel = ? where gemeente = ? and toewijzing_nummer = ?",
                        r.code(), r.volume(), r.eenheid(), r.frequentie(), r.budget(),
                        r.referentieAanbieder() == null ? null : sleutels.van("ReferentieAanbieder", r.referentieAanbieder()),
                        gemeente, r.toewijzingNummer());
                if (n == 0 && r.ingangsdatum() != null) {
                    // routing did not remember it (no route decision, e.g. a test without routing): keep one truth
                    jdbc.update("insert into toewijzing (gemeente, toewijzing_nummer, aanbieder, productcategorie, "
                                    + "client_pseudoniem, ingangsdatum, einddatum, reden_wijziging, traceer_id, bijgewerkt_op, "
                                    + "product_code, volume, eenheid, frequentie, budget) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                            gemeente, r.toewijzingNummer(), aanbieder, r.categorie(), inhoud.clientPseudoniem(),
                            Date.valueOf(r.ingangsdatum()), datum(r.einddatum()), r.redenWijziging(), traceerId, nu,
                            r.code(), r.volume(), r.eenheid(), r.frequentie(), r.budget());
                }
            });
            case WMO305, WMO307 -> inhoud.regels().stream()
                    .filter(r -> r.toewijzingNummer() != null && r.begindatum() != null).forEach(r -> {
                        String soort = inhoud.type() == BerichtType.WMO305 ? "START" : "STOP";
                        if ("3".equals(r.statusAanlevering())) {
                            jdbc.update("delete from start_stop where gemeente = ? and toewijzing_nummer = ? and soort = ? "
                                    + "and begindatum = ?", gemeente, r.toewijzingNummer(), soort, Date.valueOf(r.begindatum()));
                        } else {
                            jdbc.update("insert into start_stop (id, gemeente, toewijzing_nummer, soort, begindatum, einddatum, "
                                            + "reden, traceer_id, ontvangen_op) values (?,?,?,?,?,?,?,?,?)",
                                    Ids.nieuw(), gemeente, r.toewijzingNummer(), soort,
                                    Date.valueOf(r.begindatum()), datum(r.einddatum()), r.redenBeeindiging(), traceerId, nu);
                        }
                    });
            case WMO315, WMO317 -> inhoud.regels().stream().map(Inhoud.Regel::referentieAanbieder)
                    .filter(java.util.Objects::nonNull).distinct().forEach(ref -> {
                        String sleutel = sleutels.van("ReferentieAanbieder", ref);
                        jdbc.update("delete from verzoek where aanbieder = ? and referentie_sleutel = ?", aanbieder, sleutel);
                        jdbc.update("insert into verzoek (aanbieder, referentie_sleutel, gemeente, berichttype, traceer_id, "
                                + "ontvangen_op) values (?,?,?,?,?,?)", aanbieder, sleutel, gemeente, inhoud.type().name(),
                                traceerId, nu);
                    });
            case WMO323 -> {
                if (inhoud.declaratieNummer() != null) {
                    String sleutel = sleutels.van("DeclaratieNummer", inhoud.declaratieNummer());
                    if (declaratie(aanbieder, inhoud.declaratieNummer()).isEmpty()) {
                        jdbc.update("insert into declaratie (aanbieder, nummer_sleutel, gemeente, traceer_id, ontvangen_op) "
                                + "values (?,?,?,?,?)", aanbieder, sleutel, gemeente, traceerId, nu);
                    }
                }
                for (Inhoud.Prestatie p : inhoud.prestaties()) {
                    if (p.referentieNummer() == null || prestatie(aanbieder, p.referentieNummer()).isPresent()) {
                        continue;
                    }
                    jdbc.update("insert into prestatie (aanbieder, referentie_sleutel, gemeente, toewijzing_nummer, "
                                    + "begindatum, einddatum, volume, traceer_id) values (?,?,?,?,?,?,?,?)", aanbieder,
                            sleutels.van("ProductReferentie", p.referentieNummer()), gemeente, p.toewijzingNummer(),
                            datum(p.begindatum()), datum(p.einddatum()), p.volume(), traceerId);
                }
            }
            default -> {
            }
        }
    }

    @Override
    public Optional<ToegewezenProduct> toewijzing(String gemeente, long nummer) {
        return jdbc.query("select gemeente, toewijzing_nummer, aanbieder, client_pseudoniem, productcategorie, product_code, "
                + "ingangsdatum, einddatum, volume, eenheid, frequentie, budget, reden_wijziging from toewijzing "
                + "where gemeente = ? and toewijzing_nummer = ?", KetenStore::toegewezen, gemeente, nummer)
                .stream().findFirst();
    }

    @Override
    public Optional<String> declaratie(String aanbieder, String declaratieNummer) {
        return jdbc.queryForList("select traceer_id from declaratie where aanbieder = ? and nummer_sleutel = ?",
                String.class, aanbieder, sleutels.van("DeclaratieNummer", declaratieNummer)).stream().findFirst();
    }

    @Override
    public Optional<String> prestatie(String aanbieder, String referentieNummer) {
        return jdbc.queryForList("select traceer_id from prestatie where aanbieder = ? and referentie_sleutel = ?",
                String.class, aanbieder, sleutels.van("ProductReferentie", referentieNummer)).stream().findFirst();
    }

    @Override
    public long gedeclareerdVolume(String gemeente, long nummer) {
        Long som = jdbc.queryForObject("select sum(volume) from prestatie where gemeente = ? and toewijzing_nummer = ?",
                Long.class, gemeente, nummer);
        return som == null ? 0 : som;
    }

    @Override
    public List<StartStop> startStops(String gemeente, long nummer) {
        return jdbc.query("select soort, begindatum, einddatum, reden, traceer_id from start_stop where gemeente = ? "
                        + "and toewijzing_nummer = ? order by ontvangen_op, id", (rs, i) -> new StartStop(
                        StartStop.Soort.valueOf(rs.getString(1)), rs.getDate(2).toLocalDate(), localDate(rs.getDate(3)),
                        rs.getString(4), rs.getString(5)), gemeente, nummer);
    }

    private static ToegewezenProduct toegewezen(ResultSet rs, int i) throws SQLException {
        return new ToegewezenProduct(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getDate(7).toLocalDate(), localDate(rs.getDate(8)), (Long) rs.getObject(9, Long.class),
                rs.getString(10), rs.getString(11), (Long) rs.getObject(12, Long.class), rs.getString(13));
    }

    private static LocalDate localDate(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static Date datum(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
