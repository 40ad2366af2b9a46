package nl.knooppunt.validation.regels;

import static nl.knooppunt.intake.BerichtType.WMO323;
import static nl.knooppunt.validation.regels.Regel.perKlasse;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import nl.knooppunt.intake.BerichtType;

/** In-message rules of the declaratie (WMO323): totals, amounts, periods and credit references. */
final class DeclaratieRegels {

    private static final Set<BerichtType> DECLARATIE = EnumSet.of(WMO323);
    private static final String EURO = "83";
    private static final LocalDate START_IWMO3 = LocalDate.of(2021, 1, 1);

    private DeclaratieRegels() {
    }

    static List<Regel> alle() {
        return List.of(
                // TR358: TotaalIngediendBedrag = Σ IngediendBedrag (debet − credit); retourcode 0001
                perKlasse("TR358", "TotaalIngediendBedrag is niet gelijk aan de som van de ingediende bedragen",
                        DECLARATIE, Set.of("Declaratie"), (k, m) -> {
                            Long totaal = k.bedrag("TotaalIngediendBedrag/TotaalBedrag", "TotaalIngediendBedrag/DebetCredit");
                            long som = m.alle("Prestatie").map(p -> p.bedrag("IngediendBedrag/Bedrag",
                                    "IngediendBedrag/DebetCredit")).filter(Objects::nonNull).mapToLong(Long::longValue).sum();
                            return totaal != null && totaal != som ? "TotaalIngediendBedrag" : null;
                        }),
                // CS325: een bedrag van 0 heeft DebetCredit D
                new Regel("CS325", "Een bedrag van nul moet als debet (D) worden aangeleverd", DECLARATIE, (m, uit) -> {
                    m.alle("Declaratie").filter(k -> nulCredit(k, "TotaalIngediendBedrag/TotaalBedrag",
                            "TotaalIngediendBedrag/DebetCredit")).forEach(k -> uit.fout(k, "TotaalIngediendBedrag/DebetCredit"));
                    m.alle("Prestatie").filter(k -> nulCredit(k, "IngediendBedrag/Bedrag", "IngediendBedrag/DebetCredit"))
                            .forEach(k -> uit.fout(k, "IngediendBedrag/DebetCredit"));
                }),
                // TR346: IngediendBedrag = GeleverdVolume × ProductTarief als de eenheid geen euro's is
                perKlasse("TR346", "IngediendBedrag is niet gelijk aan geleverd volume maal producttarief",
                        DECLARATIE, Set.of("Prestatie"), (k, m) -> {
                            Long volume = k.getal("GeleverdVolume");
                            Long tarief = k.getal("ProductTarief");
                            Long bedrag = k.getal("IngediendBedrag/Bedrag");
                            return !EURO.equals(k.waarde("Eenheid")) && volume != null && tarief != null && bedrag != null
                                    && volume * tarief != bedrag ? "IngediendBedrag" : null;
                        }),
                // CS339: bij eenheid 83 (euro's) is IngediendBedrag gelijk aan GeleverdVolume
                perKlasse("CS339", "Bij eenheid euro's is IngediendBedrag niet gelijk aan het geleverde volume",
                        DECLARATIE, Set.of("Prestatie"), (k, m) -> EURO.equals(k.waarde("Eenheid"))
                                && !Objects.equals(k.getal("GeleverdVolume"), k.getal("IngediendBedrag/Bedrag"))
                                ? "IngediendBedrag" : null),
                // CD087: ProductTarief gevuld als de eenheid geen euro's is, leeg bij euro's
                perKlasse("CD087", "ProductTarief is verplicht tenzij de eenheid euro's is, en dan niet toegestaan",
                        DECLARATIE, Set.of("Prestatie"),
                        (k, m) -> EURO.equals(k.waarde("Eenheid")) == k.heeft("ProductTarief") ? "ProductTarief" : null),
                // CS340: DeclaratiePeriode is precies één kalendermaand
                perKlasse("CS340", "DeclaratiePeriode is niet precies één kalendermaand", DECLARATIE,
                        Set.of("Declaratie"), (k, m) -> {
                            LocalDate begin = k.datum("DeclaratiePeriode/Begindatum");
                            LocalDate eind = k.datum("DeclaratiePeriode/Einddatum");
                            return begin != null && eind != null && (begin.getDayOfMonth() != 1
                                    || !eind.equals(YearMonth.from(begin).atEndOfMonth())) ? "DeclaratiePeriode" : null;
                        }),
                // CS337: ProductPeriode ligt binnen één kalendermaand
                perKlasse("CS337", "ProductPeriode ligt niet binnen één kalendermaand", DECLARATIE,
                        Set.of("Prestatie"), (k, m) -> {
                            LocalDate begin = k.datum("ProductPeriode/Begindatum");
                            LocalDate eind = k.datum("ProductPeriode/Einddatum");
                            return begin != null && eind != null && !YearMonth.from(begin).equals(YearMonth.from(eind))
                                    ? "ProductPeriode" : null;
                        }),
                // CS100: DeclaratiePeriode begint niet voor 1 januari 2021 (start iWmo 3)
                perKlasse("CS100", "DeclaratiePeriode begint voor 1 januari 2021", DECLARATIE, Set.of("Declaratie"),
                        (k, m) -> {
                            LocalDate begin = k.datum("DeclaratiePeriode/Begindatum");
                            return begin != null && begin.isBefore(START_IWMO3) ? "DeclaratiePeriode/Begindatum" : null;
                        }),
                // TR335: de einddatum van een prestatie ligt niet meer dan 5 jaar voor de DeclaratieDagtekening
                new Regel("TR335", "ProductPeriode eindigt meer dan vijf jaar voor de declaratiedagtekening",
                        DECLARATIE, (m, uit) -> m.alle("Declaratie").forEach(d -> {
                            LocalDate dagtekening = d.datum("DeclaratieDagtekening");
                            if (dagtekening != null) {
                                m.alle("Prestatie").filter(p -> p.datum("ProductPeriode/Einddatum") != null
                                                && p.datum("ProductPeriode/Einddatum").isBefore(dagtekening.minusYears(5)))
                                        .forEach(p -> uit.fout(p, "ProductPeriode/Einddatum"));
                            }
                        })),
                // CD060: VorigReferentieNummer gevuld dan en slechts dan als het bedrag credit is
                perKlasse("CD060", "VorigReferentieNummer is verplicht bij een creditregel en niet toegestaan bij debet",
                        DECLARATIE, Set.of("Prestatie"), (k, m) -> "C".equals(k.waarde("IngediendBedrag/DebetCredit"))
                                != k.heeft("ProductReferentie/VorigReferentieNummer")
                                ? "ProductReferentie/VorigReferentieNummer" : null),
                // TR315: een VorigReferentieNummer komt maar één keer voor in het bericht
                new Regel("TR315", "Hetzelfde VorigReferentieNummer komt meer dan één keer voor", DECLARATIE,
                        (m, uit) -> {
                            Set<String> gezien = new HashSet<>();
                            m.alle("Prestatie").filter(p -> p.heeft("ProductReferentie/VorigReferentieNummer"))
                                    .forEach(p -> {
                                        if (!gezien.add(p.waarde("ProductReferentie/VorigReferentieNummer"))) {
                                            uit.fout(p, "ProductReferentie/VorigReferentieNummer");
                                        }
                                    });
                        }),
                // TR316: een prestatie uit hetzelfde bericht mag niet worden gecrediteerd
                new Regel("TR316", "Een creditregel verwijst naar een prestatie uit hetzelfde bericht", DECLARATIE,
                        (m, uit) -> {
                            Set<String> referenties = m.alle("Prestatie").map(p -> p.waarde("ProductReferentie/ReferentieNummer"))
                                    .filter(Objects::nonNull).collect(Collectors.toSet());
                            m.alle("Prestatie").filter(p -> referenties.contains(p.waarde("ProductReferentie/VorigReferentieNummer")))
                                    .forEach(p -> uit.fout(p, "ProductReferentie/VorigReferentieNummer"));
                        }));
    }

    private static boolean nulCredit(Klasse k, String bedrag, String debetCredit) {
        return Long.valueOf(0).equals(k.getal(bedrag)) && "C".equals(k.waarde(debetCredit));
    }
}
