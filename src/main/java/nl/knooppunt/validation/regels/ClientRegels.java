package nl.knooppunt.validation.regels;

import static nl.knooppunt.intake.BerichtType.WMO301;
import static nl.knooppunt.intake.BerichtType.WMO305;
import static nl.knooppunt.intake.BerichtType.WMO307;
import static nl.knooppunt.intake.BerichtType.WMO315;
import static nl.knooppunt.intake.BerichtType.WMO317;
import static nl.knooppunt.intake.BerichtType.WMO319;
import static nl.knooppunt.intake.BerichtType.WMO323;
import static nl.knooppunt.validation.regels.Regel.perKlasse;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.knooppunt.intake.BerichtType;

/** In-message rules on the client, its contacts and relaties, periods and empty elements. */
final class ClientRegels {

    static final Set<BerichtType> HEEN = EnumSet.of(WMO301, WMO305, WMO307, WMO315, WMO317, WMO319, WMO323);
    private static final Set<BerichtType> MET_GEBOORTEDATUM = EnumSet.of(WMO301, WMO305, WMO307, WMO315);

    /** Per berichtklasse: the begin and end element of the periods in it (TR018). */
    private static final Map<String, List<String[]>> PERIODES = Map.of(
            "Contact", List.<String[]>of(new String[] {"Periode/Begindatum", "Periode/Einddatum"}),
            "StopProduct", List.<String[]>of(new String[] {"Begindatum", "Einddatum"}),
            "AangevraagdProduct", List.<String[]>of(new String[] {"ToewijzingIngangsdatum", "ToewijzingEinddatum"}),
            "TeWijzigenProduct", List.<String[]>of(new String[] {"GewensteIngangsdatum", "Einddatum"}),
            "NieuwProduct", List.<String[]>of(new String[] {"GewensteIngangsdatum", "Einddatum"}),
            "Prestatie", List.<String[]>of(new String[] {"ProductPeriode/Begindatum", "ProductPeriode/Einddatum"}),
            "Declaratie", List.<String[]>of(new String[] {"DeclaratiePeriode/Begindatum", "DeclaratiePeriode/Einddatum"}));

    private ClientRegels() {
    }

    static List<Regel> alle() {
        return List.of(
                // CS002: BSN voldoet aan de elfproef; retourcode 0001
                perKlasse("CS002", "Bsn voldoet niet aan de elfproef", HEEN, Set.of("Client"),
                        (k, m) -> k.heeft("Bsn") && !elfproef(k.waarde("Bsn")) ? "Bsn" : null),
                // TR002: Geboortedatum niet meer dan 120 jaar voor de Dagtekening, tenzij geheel onbekend
                perKlasse("TR002", "Geboortedatum ligt meer dan 120 jaar voor de dagtekening van het bericht",
                        MET_GEBOORTEDATUM, Set.of("Client"), (k, m) -> {
                            LocalDate geboren = k.datum("Geboortedatum/Datum");
                            LocalDate dagtekening = m.dagtekening();
                            return geboren != null && dagtekening != null && !"3".equals(k.waarde("Geboortedatum/DatumGebruik"))
                                    && geboren.isBefore(dagtekening.minusYears(120)) ? "Geboortedatum" : null;
                        }),
                // CS139: DatumGebruik past bij Datum: dag onbekend ⇒ dag 01; dag en maand (of geheel) onbekend ⇒ 01-01
                perKlasse("CS139", "Geboortedatum past niet bij DatumGebruik (onbekende delen worden met 01 gevuld)",
                        MET_GEBOORTEDATUM, Set.of("Client", "Relatie"), (k, m) -> {
                            LocalDate d = k.datum("Geboortedatum/Datum");
                            String gebruik = k.waarde("Geboortedatum/DatumGebruik");
                            if (d == null || gebruik == null) {
                                return null;
                            }
                            boolean goed = switch (gebruik) {
                                case "1" -> d.getDayOfMonth() == 1;
                                case "2", "3" -> d.getDayOfMonth() == 1 && d.getMonthValue() == 1;
                                default -> true;
                            };
                            return goed ? null : "Geboortedatum";
                        }),
                // CS318: NaamGebruik 6 (niet-natuurlijk persoon) is niet toegestaan voor een cliënt
                perKlasse("CS318", "NaamGebruik 6 (niet-natuurlijk persoon) is niet toegestaan voor de cliënt",
                        EnumSet.of(WMO301), Set.of("Client"),
                        (k, m) -> "6".equals(k.waarde("Naam/NaamGebruik")) ? "Naam/NaamGebruik" : null),
                // TR061: de cliënt heeft minstens één Contact met Soort 01, 02 of 03
                perKlasse("TR061", "Cliënt heeft geen contact met soort BRP-, correspondentie- of verblijfadres",
                        EnumSet.of(WMO301), Set.of("Client"), (k, m) -> k.kinderen("Contact").stream()
                                .anyMatch(c -> Set.of("01", "02", "03").contains(String.valueOf(c.waarde("Soort")))) ? null : "Contactgegevens"),
                // TR006: een Contact heeft een telefoonnummer en/of een adres met huisnummer en postcode
                perKlasse("TR006", "Contact heeft geen telefoonnummer en geen adres met huisnummer en postcode",
                        EnumSet.of(WMO301), Set.of("Contact"), (k, m) -> k.heeftDeel("Telefoon")
                                || (k.heeftDeel("Adres/Huis") && k.heeft("Adres/Postcode")) ? null : ""),
                // CD034: Postcode verplicht bij adressoort 01 (BRP) en 03 (verblijf) in Nederland
                perKlasse("CD034", "Postcode ontbreekt bij een BRP- of verblijfadres", EnumSet.of(WMO301),
                        Set.of("Contact"), (k, m) -> Set.of("01", "03").contains(String.valueOf(k.waarde("Soort")))
                                && (k.waarde("Adres/LandCode") == null || "NL".equals(k.waarde("Adres/LandCode")))
                                && !k.heeft("Adres/Postcode") ? "Adres/Postcode" : null),
                // CS089: een Nederlandse postcode is 4 cijfers (niet beginnend met 0) en 2 hoofdletters
                perKlasse("CS089", "Postcode heeft niet het Nederlandse formaat 1234AB", EnumSet.of(WMO301),
                        Set.of("Contact"), (k, m) -> "NL".equals(k.waarde("Adres/LandCode")) && k.heeft("Adres/Postcode")
                                && !k.waarde("Adres/Postcode").matches("[1-9][0-9]{3}[A-Z]{2}") ? "Adres/Postcode" : null),
                // CD009: Periode alleen bij adressoort 04 (tijdelijk verblijf)
                perKlasse("CD009", "Periode is gevuld bij een contact dat geen tijdelijk verblijfadres is",
                        EnumSet.of(WMO301), Set.of("Contact"),
                        (k, m) -> k.heeftDeel("Periode") && !"04".equals(k.waarde("Soort")) ? "Periode" : null),
                // TR018: waar een periode voorkomt ligt de einddatum niet voor de begindatum
                new Regel("TR018", "Einddatum van een periode ligt voor de begindatum", HEEN, (m, uit) -> m.alle()
                        .filter(k -> PERIODES.containsKey(k.naam()))
                        .forEach(k -> PERIODES.get(k.naam()).forEach(p -> {
                            LocalDate begin = k.datum(p[0]);
                            LocalDate eind = k.datum(p[1]);
                            if (begin != null && eind != null && eind.isBefore(begin)) {
                                uit.fout(k, p[1]);
                            }
                        }))),
                // RS033: geen lege elementen
                new Regel("RS033", "Het bericht bevat een leeg element", HEEN,
                        (m, uit) -> m.legeElementen().forEach(pad -> uit.fout(klasseVan(pad), pad))));
    }

    /** CS002: Σ 9·d1 … 2·d8 − d9 ≡ 0 (mod 11), 9 digits. */
    static boolean elfproef(String bsn) {
        return nl.knooppunt.validation.Elfproef.geldig(bsn);
    }

    /** The berichtklasse an element path belongs to: the last segment with a position. */
    static String klasseVan(String pad) {
        String[] delen = pad.split("/");
        for (int i = delen.length - 1; i >= 0; i--) {
            int haak = delen[i].indexOf('[');
            if (haak > 0) {
                return delen[i].substring(0, haak);
            }
        }
        return "Header";
    }
}
