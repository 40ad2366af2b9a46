package nl.knooppunt.validation.regels;

import static nl.knooppunt.intake.BerichtType.WMO301;
import static nl.knooppunt.intake.BerichtType.WMO305;
import static nl.knooppunt.intake.BerichtType.WMO307;
import static nl.knooppunt.intake.BerichtType.WMO315;
import static nl.knooppunt.intake.BerichtType.WMO317;
import static nl.knooppunt.intake.BerichtType.WMO319;
import static nl.knooppunt.validation.regels.Regel.perKlasse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nl.knooppunt.intake.BerichtType;

/** In-message rules on product lines: toewijzing (301), start/stop (305/307), VOT (315), VOW (317), antwoord (319). */
final class ProductRegels {

    private static final Set<BerichtType> MET_OMVANG = EnumSet.of(WMO301, WMO315, WMO317);
    private static final Set<String> OMVANG_KLASSEN = Set.of("ToegewezenProduct", "AangevraagdProduct",
            "TeWijzigenProduct", "NieuwProduct");
    /** Per berichtklasse: the element holding the end date of the toewijzing (asked for). */
    private static final Map<String, String> EINDDATUM = Map.of("ToegewezenProduct", "Einddatum",
            "AangevraagdProduct", "ToewijzingEinddatum", "TeWijzigenProduct", "Einddatum", "NieuwProduct", "Einddatum");
    private static final Map<String, String> INGANGSDATUM = Map.of("ToegewezenProduct", "Ingangsdatum",
            "AangevraagdProduct", "ToewijzingIngangsdatum", "TeWijzigenProduct", "GewensteIngangsdatum",
            "NieuwProduct", "GewensteIngangsdatum");

    private ProductRegels() {
    }

    static List<Regel> alle() {
        return List.of(
                // CS003: Einddatum ≥ Ingangsdatum van de toewijzing
                perKlasse("CS003", "Einddatum ligt voor de ingangsdatum van de toewijzing", EnumSet.of(WMO301),
                        Set.of("ToegewezenProduct"), (k, m) -> {
                            LocalDate in = k.datum("Ingangsdatum");
                            LocalDate eind = k.datum("Einddatum");
                            return in != null && eind != null && eind.isBefore(in) ? "Einddatum" : null;
                        }),
                // CD079: Product verplicht als er geen Budget is
                perKlasse("CD079", "Product ontbreekt terwijl er geen budget is toegewezen", EnumSet.of(WMO301),
                        Set.of("ToegewezenProduct"),
                        (k, m) -> !k.heeftDeel("Product") && !k.heeft("Budget") ? "Product" : null),
                // CD077: Budget niet vullen als Omvang gevuld is
                perKlasse("CD077", "Budget is gevuld terwijl Omvang gevuld is", MET_OMVANG, OMVANG_KLASSEN,
                        (k, m) -> k.heeftDeel("Omvang") && k.heeft("Budget") ? "Budget" : null),
                // CD078: Omvang niet vullen als Budget gevuld is
                perKlasse("CD078", "Omvang is gevuld terwijl Budget gevuld is", MET_OMVANG, OMVANG_KLASSEN,
                        (k, m) -> k.heeft("Budget") && k.heeftDeel("Omvang") ? "Omvang" : null),
                // CD041: Omvang verplicht als Product/Code gevuld is (specifieke toewijzing)
                perKlasse("CD041", "Omvang ontbreekt bij een product met productcode", MET_OMVANG,
                        Set.of("ToegewezenProduct", "AangevraagdProduct", "NieuwProduct"),
                        (k, m) -> k.heeft("Product/Code") && !k.heeftDeel("Omvang") ? "Omvang" : null),
                // CD075: Einddatum verplicht bij een Budget
                perKlasse("CD075", "Einddatum ontbreekt bij een toegewezen of gevraagd budget", MET_OMVANG,
                        OMVANG_KLASSEN, (k, m) -> k.heeft("Budget") && !k.heeft(EINDDATUM.get(k.naam()))
                                ? EINDDATUM.get(k.naam()) : null),
                // CD076: Einddatum verplicht bij Frequentie 2 (iwmo.md §5)
                perKlasse("CD076", "Einddatum ontbreekt bij frequentie 2", MET_OMVANG, OMVANG_KLASSEN,
                        (k, m) -> "2".equals(k.waarde("Omvang/Frequentie")) && !k.heeft(EINDDATUM.get(k.naam()))
                                ? EINDDATUM.get(k.naam()) : null),
                // CS338: Eenheid 14, 16, 83 of 84 alleen met Frequentie 2, 4 of 6
                perKlasse("CS338", "Frequentie past niet bij de eenheid (etmaal, dagdeel, euro's, stuks: per week, "
                        + "per maand of totaal)", MET_OMVANG, OMVANG_KLASSEN,
                        (k, m) -> Set.of("14", "16", "83", "84").contains(String.valueOf(k.waarde("Omvang/Eenheid")))
                                && !Set.of("2", "4", "6").contains(String.valueOf(k.waarde("Omvang/Frequentie"))) ? "Omvang/Frequentie" : null),
                // CS335: RedenWijziging 13 (verwijderd) alleen als Einddatum gelijk is aan Ingangsdatum
                perKlasse("CS335", "RedenWijziging 13 (verwijderd) terwijl einddatum niet gelijk is aan ingangsdatum",
                        EnumSet.of(WMO301), Set.of("ToegewezenProduct"), (k, m) -> "13".equals(k.waarde("RedenWijziging"))
                                && (k.datum("Einddatum") == null || !k.datum("Einddatum").equals(k.datum("Ingangsdatum")))
                                ? "RedenWijziging" : null),
                // CS336: RedenWijziging 01 (administratieve correctie, vervallen) is niet toegestaan
                perKlasse("CS336", "RedenWijziging 01 is vervallen en niet toegestaan", EnumSet.of(WMO301),
                        Set.of("ToegewezenProduct"),
                        (k, m) -> "01".equals(k.waarde("RedenWijziging")) ? "RedenWijziging" : null),
                // TR302: hetzelfde product twee keer in een 301 alleen met niet-overlappende periodes
                overlap("TR302", WMO301, "ToegewezenProduct"),
                // TR386: hetzelfde product twee keer in een 315 alleen met niet-overlappende periodes
                overlap("TR386", WMO315, "AangevraagdProduct"),
                // TR410: hetzelfde nieuwe product twee keer in een 317 alleen met niet-overlappende periodes
                overlap("TR410", WMO317, "NieuwProduct"),
                // TR101: geen dubbele regels: een ToewijzingNummer komt één keer voor per bericht
                new Regel("TR101", "Hetzelfde ToewijzingNummer komt meer dan één keer voor in het bericht",
                        EnumSet.of(WMO301, WMO317), (m, uit) -> {
                            Set<String> gezien = new HashSet<>();
                            m.alle().filter(k -> Set.of("ToegewezenProduct", "OngewijzigdProduct", "TeWijzigenProduct")
                                            .contains(k.naam()) && k.heeft("ToewijzingNummer"))
                                    .forEach(k -> {
                                        if (!gezien.add(k.waarde("ToewijzingNummer"))) {
                                            uit.fout(k, "ToewijzingNummer");
                                        }
                                    });
                        }),
                // CS058: StatusAanlevering in een start- of stopbericht is 1 (eerste) of 3 (verwijderen)
                perKlasse("CS058", "StatusAanlevering moet 1 (eerste aanlevering) of 3 (verwijderen) zijn",
                        EnumSet.of(WMO305, WMO307), Set.of("StartProduct", "StopProduct"),
                        (k, m) -> Set.of("1", "3").contains(String.valueOf(k.waarde("StatusAanlevering"))) ? null : "StatusAanlevering"),
                // TR352: een VOW bevat minstens één ongewijzigd of te wijzigen product
                perKlasse("TR352", "Verzoek om wijziging bevat geen ongewijzigd of te wijzigen product",
                        EnumSet.of(WMO317), Set.of("Verzoek"), (k, m) -> k.kinderen("OngewijzigdProduct").isEmpty()
                                && k.kinderen("TeWijzigenProduct").isEmpty() ? "" : null),
                // TR353: een VOW bevat minstens één te wijzigen of nieuw product
                perKlasse("TR353", "Verzoek om wijziging bevat geen te wijzigen of nieuw product",
                        EnumSet.of(WMO317), Set.of("Verzoek"), (k, m) -> k.kinderen("TeWijzigenProduct").isEmpty()
                                && k.kinderen("NieuwProduct").isEmpty() ? "" : null),
                // CD085: RedenAfwijzingVerzoek verplicht als VerzoekAntwoord 1 (afgewezen) is
                perKlasse("CD085", "RedenAfwijzingVerzoek ontbreekt bij een afgewezen verzoek", EnumSet.of(WMO319),
                        Set.of("Antwoord"), (k, m) -> "1".equals(k.waarde("VerzoekAntwoord"))
                                && !k.heeft("RedenAfwijzingVerzoek") ? "RedenAfwijzingVerzoek" : null),
                // CD086: RedenAfwijzingVerzoek leeg als VerzoekAntwoord niet 1 is
                perKlasse("CD086", "RedenAfwijzingVerzoek is gevuld terwijl het verzoek niet is afgewezen",
                        EnumSet.of(WMO319), Set.of("Antwoord"), (k, m) -> !"1".equals(k.waarde("VerzoekAntwoord"))
                                && k.heeft("RedenAfwijzingVerzoek") ? "RedenAfwijzingVerzoek" : null));
    }

    /** The same Product (categorie and code) twice in one bericht only when the periods do not overlap. */
    private static Regel overlap(String id, BerichtType type, String klasse) {
        return new Regel(id, "Hetzelfde product komt meer dan eens voor met overlappende periodes",
                EnumSet.of(type), (m, uit) -> {
                    List<Klasse> eerder = new ArrayList<>();
                    m.alle(klasse).filter(k -> k.heeftDeel("Product")).forEach(k -> {
                        boolean overlapt = eerder.stream().anyMatch(e -> zelfdeProduct(e, k) && overlappen(e, k));
                        if (overlapt) {
                            uit.fout(k, "Product");
                        }
                        eerder.add(k);
                    });
                });
    }

    private static boolean zelfdeProduct(Klasse a, Klasse b) {
        return Objects.equals(a.waarde("Product/Categorie"), b.waarde("Product/Categorie"))
                && Objects.equals(a.waarde("Product/Code"), b.waarde("Product/Code"));
    }

    private static boolean overlappen(Klasse a, Klasse b) {
        LocalDate beginA = a.datum(INGANGSDATUM.get(a.naam()));
        LocalDate beginB = b.datum(INGANGSDATUM.get(b.naam()));
        if (beginA == null || beginB == null) {
            return false;
        }
        LocalDate eindA = a.datum(EINDDATUM.get(a.naam()));
        LocalDate eindB = b.datum(EINDDATUM.get(b.naam()));
        return (eindA == null || !eindA.isBefore(beginB)) && (eindB == null || !eindB.isBefore(beginA));
    }
}
