package nl.knooppunt.rapportage;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The contractmanagement reports, per aanbieder × gemeente × productcategorie/productcode × maand. Every query reads the
 * indexed columns of {@code rapport_feit} and {@code toewijzing}; none parses audit JSON. Plain SQL for H2 and
 * PostgreSQL. Gemeente is the gemeente in the bericht header (the one that toewijst and pays).
 */
@Component
public class RapportQueries {

    @JsonPropertyOrder({"maand", "aanbieder", "gemeente", "productcategorie", "productcode", "berichttype", "geaccepteerd",
            "afgekeurd", "duplicaat"})
    public record BerichtenRegel(String maand, String aanbieder, String gemeente, String productcategorie,
                                 String productcode, String berichttype, long geaccepteerd, long afgekeurd,
                                 long duplicaat) {
    }

    @JsonPropertyOrder({"maand", "aanbieder", "gemeente", "berichttype", "code", "afgekeurd", "ontvangen", "percentage"})
    public record AfkeurRegel(String maand, String aanbieder, String gemeente, String berichttype, String code,
                              long afgekeurd, long ontvangen, BigDecimal percentage) {
    }

    @JsonPropertyOrder({"maand", "aanbieder", "gemeente", "productcategorie", "productcode", "actief"})
    public record ToewijzingenRegel(String maand, String aanbieder, String gemeente, String productcategorie,
                                    String productcode, long actief) {
    }

    @JsonPropertyOrder({"maand", "aanbieder", "gemeente", "productcategorie", "productcode", "toewijzingNummer",
            "eenheid", "frequentie", "toegewezenVolume", "gedeclareerdVolume", "gedeclareerdBedrag", "overschrijding"})
    public record VolumeRegel(String maand, String aanbieder, String gemeente, String productcategorie,
                              String productcode, long toewijzingNummer, String eenheid, String frequentie,
                              Long toegewezenVolume, long gedeclareerdVolume, long gedeclareerdBedrag,
                              boolean overschrijding) {
    }

    @JsonPropertyOrder({"maand", "aanbieder", "gemeente", "productcategorie", "productcode", "toewijzingNummer",
            "traceerId", "volume", "bedrag"})
    public record ZonderToewijzingRegel(String maand, String aanbieder, String gemeente, String productcategorie,
                                        String productcode, Long toewijzingNummer, String traceerId, Long volume,
                                        Long bedrag) {
    }

    @JsonPropertyOrder({"maand", "aanbieder", "gemeente", "regel", "berichttype", "verwacht", "aanZet", "termijnen",
            "tijdig", "teLaat", "verstreken", "lopend"})
    public record TermijnRegel(String maand, String aanbieder, String gemeente, String regel, String berichttype,
                               String verwacht, String aanZet, long termijnen, long tijdig, long teLaat,
                               long verstreken, long lopend) {
    }

    @JsonPropertyOrder({"soort", "maand", "aanbieder", "aanbiederRegio", "uitvoerendeRegio", "uitvoerendeGemeente",
            "gemeente", "productcategorie", "productcode", "prestaties", "volume", "bedrag"})
    public record BovenregionaalRegel(String soort, String maand, String aanbieder, String aanbiederRegio,
                                      String uitvoerendeRegio, String uitvoerendeGemeente, String gemeente,
                                      String productcategorie, String productcode, long prestaties, long volume,
                                      long bedrag) {
    }

    static final String BOVENREGIONAAL = "bovenregionaal";
    static final String REGIO_ONBEKEND = "regio onbekend";
    static final String UITVOERENDE_REGIO_ONBEKEND = "uitvoerende regio onbekend";

    private final JdbcTemplate jdbc;

    public RapportQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Berichten by type: accepted (routed), rejected and duplicate, counted once per bericht in each group. */
    public List<BerichtenRegel> berichten(Periode p) {
        Filter f = filter(p, "f.");
        return jdbc.query("select f.maand, f.aanbieder, f.gemeente, f.productcategorie, f.productcode, f.berichttype, "
                        + "count(distinct case when f.event_type = 'GEROUTEERD' then f.traceer_id end), "
                        + "count(distinct case when f.event_type = 'AFGEKEURD' then f.traceer_id end), "
                        + "count(distinct case when f.event_type = 'DUPLICAAT' then f.traceer_id end) "
                        + "from rapport_feit f where " + f.where
                        + " group by f.maand, f.aanbieder, f.gemeente, f.productcategorie, f.productcode, f.berichttype "
                        + "order by f.maand, f.aanbieder, f.gemeente, f.productcategorie, f.productcode, f.berichttype",
                (rs, i) -> new BerichtenRegel(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)),
                f.args.toArray());
    }

    /** Rejection rate by code: rejected berichten per deciding code, over all berichten received in the same group. */
    public List<AfkeurRegel> afkeur(Periode p) {
        Filter f = filter(p, "f.");
        Map<String, Long> ontvangen = new HashMap<>();
        jdbc.query("select f.maand, f.aanbieder, f.gemeente, f.berichttype, count(distinct f.traceer_id) "
                        + "from rapport_feit f where " + f.where
                        + " group by f.maand, f.aanbieder, f.gemeente, f.berichttype",
                rs -> {
                    ontvangen.put(key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), rs.getLong(5));
                }, f.args.toArray());
        return jdbc.query("select f.maand, f.aanbieder, f.gemeente, f.berichttype, f.code, count(distinct f.traceer_id) "
                        + "from rapport_feit f where " + f.where + " and f.event_type = 'AFGEKEURD'"
                        + " group by f.maand, f.aanbieder, f.gemeente, f.berichttype, f.code "
                        + "order by f.maand, f.aanbieder, f.gemeente, f.berichttype, f.code",
                (rs, i) -> {
                    long afgekeurd = rs.getLong(6);
                    long totaal = ontvangen.getOrDefault(key(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4)), afgekeurd);
                    return new AfkeurRegel(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), afgekeurd, totaal, BigDecimal.valueOf(afgekeurd * 100)
                            .divide(BigDecimal.valueOf(Math.max(totaal, 1)), 1, RoundingMode.HALF_UP));
                }, f.args.toArray());
    }

    /** Active toewijzingen: those whose [ingangsdatum, einddatum] overlaps the month. */
    public List<ToewijzingenRegel> toewijzingen(Periode p) {
        List<ToewijzingenRegel> regels = new ArrayList<>();
        for (YearMonth maand : p.maanden()) {
            List<Object> args = new ArrayList<>(List.of(Date.valueOf(maand.atEndOfMonth()), Date.valueOf(maand.atDay(1))));
            StringBuilder where = new StringBuilder("t.ingangsdatum <= ? and (t.einddatum is null or t.einddatum >= ?)");
            filters(where, args, p, "t.", "t.gemeente", "t.executing");
            regels.addAll(jdbc.query("select t.aanbieder, t.gemeente, t.productcategorie, t.product_code, count(*) "
                            + "from toewijzing t where " + where
                            + " group by t.aanbieder, t.gemeente, t.productcategorie, t.product_code "
                            + "order by t.aanbieder, t.gemeente, t.productcategorie, t.product_code",
                    (rs, i) -> new ToewijzingenRegel(maand.toString(), rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getLong(5)), args.toArray()));
        }
        return regels;
    }

    /**
     * Toegewezen volume versus gedeclareerd volume and bedrag, per toewijzing and month, for every toewijzing with
     * declared prestaties in the period. The toegewezen volume of a month follows the Frequentie (WMO757): per dag ×
     * the toewijzing's days in that month, per week × days/7, per maand as is; for 6 (totaal binnen geldigheidsduur)
     * the whole volume, compared with everything declared on the toewijzing up to and including that month.
     */
    public List<VolumeRegel> volume(Periode p) {
        Filter f = filter(p, "f.");
        record Rij(String maand, String aanbieder, String gemeente, String categorie, String code, long nummer,
                   String eenheid, String frequentie, Long volume, LocalDate ingang, LocalDate eind, long gedeclareerd,
                   long bedrag) {
        }
        List<Rij> rijen = jdbc.query("select f.maand, f.aanbieder, f.gemeente, f.productcategorie, f.productcode, "
                        + "f.toewijzing_nummer, t.eenheid, t.frequentie, t.volume, t.ingangsdatum, t.einddatum, "
                        + "coalesce(sum(f.volume), 0), coalesce(sum(f.bedrag), 0) "
                        + "from rapport_feit f join toewijzing t on t.gemeente = f.gemeente "
                        + "and t.toewijzing_nummer = f.toewijzing_nummer "
                        + "where " + f.where + " and f.event_type = 'GEROUTEERD' and f.soort = 'Prestatie' "
                        + "group by f.maand, f.aanbieder, f.gemeente, f.productcategorie, f.productcode, "
                        + "f.toewijzing_nummer, t.eenheid, t.frequentie, t.volume, t.ingangsdatum, t.einddatum "
                        + "order by f.gemeente, f.toewijzing_nummer, f.maand",
                (rs, i) -> new Rij(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8),
                        (Long) rs.getObject(9, Long.class), rs.getObject(10, LocalDate.class),
                        rs.getObject(11, LocalDate.class), rs.getLong(12), rs.getLong(13)),
                f.args.toArray());
        Map<String, Long> eerder = new HashMap<>();
        List<VolumeRegel> regels = new ArrayList<>();
        for (Rij r : rijen) {
            String toewijzing = r.gemeente() + "/" + r.nummer();
            long vergeleken = r.gedeclareerd();
            if ("6".equals(r.frequentie())) {
                long voorafgaand = eerder.computeIfAbsent(toewijzing, k -> declaredBefore(r.gemeente(), r.nummer(),
                        p.van().toString()));
                vergeleken = voorafgaand + r.gedeclareerd();
                eerder.put(toewijzing, vergeleken);
            }
            Long toegewezen = toegewezen(r.volume(), r.frequentie(), r.ingang(), r.eind(), YearMonth.parse(r.maand()));
            regels.add(new VolumeRegel(r.maand(), r.aanbieder(), r.gemeente(), r.categorie(), r.code(), r.nummer(),
                    r.eenheid(), r.frequentie(), toegewezen, r.gedeclareerd(), r.bedrag(),
                    toegewezen != null && vergeleken > toegewezen));
        }
        return regels;
    }

    /** Prestaties of accepted declaraties whose ToewijzingNummer the hub does not know for that gemeente. */
    public List<ZonderToewijzingRegel> zonderToewijzing(Periode p) {
        Filter f = filter(p, "f.");
        return jdbc.query("select f.maand, f.aanbieder, f.gemeente, f.productcategorie, f.productcode, "
                        + "f.toewijzing_nummer, f.traceer_id, f.volume, f.bedrag from rapport_feit f where " + f.where
                        + " and f.event_type = 'GEROUTEERD' and f.soort = 'Prestatie' and not exists (select 1 from "
                        + "toewijzing t where t.gemeente = f.gemeente and t.toewijzing_nummer = f.toewijzing_nummer) "
                        + "order by f.maand, f.aanbieder, f.gemeente, f.traceer_id, f.regel",
                (rs, i) -> new ZonderToewijzingRegel(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getObject(6, Long.class), rs.getString(7),
                        rs.getObject(8, Long.class), rs.getObject(9, Long.class)),
                f.args.toArray());
    }

    /**
     * Deadlines (table {@code termijn}, validation.termijn) by the month of their last day, as of the peildatum: met on
     * time, met late, open past the last day (verstreken) and open still in time (lopend); a deadline met after the
     * peildatum counts as open. termijnen = tijdig + teLaat + verstreken + lopend.
     */
    public List<TermijnRegel> termijnen(Periode p) {
        Date peil = Date.valueOf(p.peildatum());
        List<Object> args = new ArrayList<>(List.of(peil, peil, peil, peil, peil, peil,
                Date.valueOf(p.van().atDay(1)), Date.valueOf(p.tot().atEndOfMonth())));
        StringBuilder where = new StringBuilder("t.uiterlijk between ? and ?");
        filters(where, args, p, "t.", "t.gemeente");
        String groep = "extract(year from t.uiterlijk), extract(month from t.uiterlijk), t.aanbieder, t.gemeente, "
                + "t.regel, t.berichttype, t.verwacht";
        return jdbc.query("select " + groep + ", count(*), "
                        + "sum(case when t.voldaan_op <= t.uiterlijk and t.voldaan_op <= ? then 1 else 0 end), "
                        + "sum(case when t.voldaan_op > t.uiterlijk and t.voldaan_op <= ? then 1 else 0 end), "
                        + "sum(case when (t.voldaan_op is null or t.voldaan_op > ?) and t.uiterlijk < ? then 1 else 0 end), "
                        + "sum(case when (t.voldaan_op is null or t.voldaan_op > ?) and t.uiterlijk >= ? then 1 else 0 end) "
                        + "from termijn t where " + where + " group by " + groep
                        + " order by 1, 2, 3, 4, 5, 6, 7",
                (rs, i) -> new TermijnRegel(YearMonth.of(rs.getInt(1), rs.getInt(2)).toString(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        aanZet(rs.getString(5), rs.getString(6)), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                        rs.getLong(11), rs.getLong(12)),
                args.toArray());
    }

    /**
     * Who must act to meet a deadline, and so who is late when it is missed (iwmo.md §2, §9): the receiver of the
     * heenbericht sends its retour (OP090); the gemeente answers a 323 with a 325 (OP090x4) and a VOT/VOW with a 301 or
     * 319 (OP274/OP346); the aanbieder reports the start and stop of care (OP271/OP272).
     */
    static String aanZet(String regel, String berichttype) {
        return switch (regel) {
            case "OP271", "OP272" -> "aanbieder";
            case "OP090x4", "OP274", "OP346" -> "gemeente";
            case "OP090" -> "WMO301".equals(berichttype) || "WMO319".equals(berichttype) ? "aanbieder" : "gemeente";
            default -> null;
        };
    }

    /**
     * Bovenregionale declaraties ("geld volgt cliënt"): accepted WMO323 prestaties whose aanbieder's region differs from
     * the executing gemeente's region, both as the registry had them when the declaratie was accepted. Those where a
     * region is unknown come after them, marked, never guessed. A credited prestatie counts negative (prestaties,
     * volume and bedrag).
     */
    public List<BovenregionaalRegel> bovenregionaal(Periode p) {
        Filter f = filter(p, "f.");
        String groep = "f.maand, f.aanbieder, f.aanbieder_regio, f.executing_regio, f.executing, f.gemeente, "
                + "f.productcategorie, f.productcode";
        List<BovenregionaalRegel> regels = jdbc.query("select " + groep + ", "
                        + "sum(case when f.bedrag < 0 then -1 else 1 end), coalesce(sum(f.volume), 0), "
                        + "coalesce(sum(f.bedrag), 0) from rapport_feit f where " + f.where
                        + " and f.event_type = 'GEROUTEERD' and f.berichttype = 'WMO323' and f.soort = 'Prestatie' and "
                        + "(f.aanbieder_regio is null or f.executing_regio is null or f.aanbieder_regio <> f.executing_regio)"
                        + " group by " + groep + " order by " + groep,
                (rs, i) -> {
                    String aanbiederRegio = rs.getString(3);
                    String uitvoerendeRegio = rs.getString(4);
                    String soort = aanbiederRegio == null ? REGIO_ONBEKEND
                            : uitvoerendeRegio == null ? UITVOERENDE_REGIO_ONBEKEND : BOVENREGIONAAL;
                    return new BovenregionaalRegel(soort, rs.getString(1), rs.getString(2), aanbiederRegio,
                            uitvoerendeRegio, rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getLong(9), rs.getLong(10), rs.getLong(11));
                },
                f.args.toArray());
        List<BovenregionaalRegel> gesorteerd = new ArrayList<>(regels);
        gesorteerd.sort(java.util.Comparator.comparing(r -> !BOVENREGIONAAL.equals(r.soort())));
        return gesorteerd;
    }

    /** Toegewezen volume of one month by Frequentie (WMO757), or null when the toewijzing has no volume. */
    static Long toegewezen(Long volume, String frequentie, LocalDate ingang, LocalDate eind, YearMonth maand) {
        if (volume == null || frequentie == null) {
            return null;
        }
        LocalDate van = ingang == null || ingang.isBefore(maand.atDay(1)) ? maand.atDay(1) : ingang;
        LocalDate tot = eind == null || eind.isAfter(maand.atEndOfMonth()) ? maand.atEndOfMonth() : eind;
        long dagen = tot.isBefore(van) ? 0 : tot.toEpochDay() - van.toEpochDay() + 1;
        return switch (frequentie) {
            case "1" -> volume * dagen;
            case "2" -> (volume * dagen + 6) / 7;
            case "4", "6" -> volume;
            default -> null;
        };
    }

    private long declaredBefore(String gemeente, long nummer, String vanMaand) {
        Long som = jdbc.queryForObject("select coalesce(sum(volume), 0) from rapport_feit where gemeente = ? "
                        + "and toewijzing_nummer = ? and event_type = 'GEROUTEERD' and soort = 'Prestatie' and maand < ?",
                Long.class, gemeente, nummer, vanMaand);
        return som == null ? 0 : som;
    }

    private static String key(String... parts) {
        return String.join("|", java.util.Arrays.stream(parts).map(String::valueOf).toList());
    }

    private record Filter(String where, List<Object> args) {
    }

    private static Filter filter(Periode p, String alias) {
        StringBuilder where = new StringBuilder(alias + "maand between ? and ?");
        List<Object> args = new ArrayList<>(List.of(p.vanText(), p.totText()));
        filters(where, args, p, alias, alias + "gemeente", alias + "executing");
        return new Filter(where.toString(), args);
    }

    /** The aanbieder and gemeente filters on the table with this alias, and the user's scope on these columns. */
    private static void filters(StringBuilder where, List<Object> args, Periode p, String alias,
                                String... scopeKolommen) {
        if (p.aanbieder() != null) {
            where.append(" and ").append(alias).append("aanbieder = ?");
            args.add(p.aanbieder());
        }
        if (p.gemeente() != null) {
            where.append(" and ").append(alias).append("gemeente = ?");
            args.add(p.gemeente());
        }
        scope(where, args, p.scope(), scopeKolommen);
    }

    /** A user bound to gemeenten sees the rows of those gemeenten, also as executing (centrum)gemeente. */
    private static void scope(StringBuilder where, List<Object> args, java.util.Set<String> scope, String... kolommen) {
        if (scope.isEmpty()) {
            return;
        }
        List<String> gemeenten = scope.stream().sorted().toList();
        String vragen = String.join(", ", java.util.Collections.nCopies(gemeenten.size(), "?"));
        where.append(" and (");
        for (int i = 0; i < kolommen.length; i++) {
            where.append(i == 0 ? "" : " or ").append(kolommen[i]).append(" in (").append(vragen).append(")");
            args.addAll(gemeenten);
        }
        where.append(")");
    }
}
