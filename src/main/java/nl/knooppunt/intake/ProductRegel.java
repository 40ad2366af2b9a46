package nl.knooppunt.intake;

import nl.knooppunt.system.Tekens;

/**
 * One product line of a bericht, as routing needs it: a ToegewezenProduct, Start/StopProduct, AangevraagdProduct,
 * a product of a Verzoek, or a 323/325 Prestatie. Every field may be null when the bericht does not carry it.
 *
 * @param datum the line's own reference date: (Toewijzing)Ingangsdatum, GewensteIngangsdatum or Begindatum
 * @param volume Omvang/Volume of a toewijzing or verzoek, GeleverdVolume of a prestatie
 * @param tarief ProductTarief of a prestatie, in eurocent
 * @param bedrag IngediendBedrag of a prestatie in eurocent, negative when DebetCredit is C
 */
public record ProductRegel(
        String soort,
        Long toewijzingNummer,
        String categorie,
        String code,
        String datum,
        String einddatum,
        String redenWijziging,
        String redenBeeindiging,
        Long volume,
        String eenheid,
        String frequentie,
        Long tarief,
        Long bedrag) {

    /** A line without quantities (volume, eenheid, frequentie, tarief, bedrag all absent). */
    public ProductRegel(String soort, Long toewijzingNummer, String categorie, String code, String datum,
                        String einddatum, String redenWijziging, String redenBeeindiging) {
        this(soort, toewijzingNummer, categorie, code, datum, einddatum, redenWijziging, redenBeeindiging,
                null, null, null, null, null);
    }

    /** A whole number as the bericht wrote it (volume, tarief, bedrag in eurocent), or null when absent or no number. */
    public static Long alsGetal(String value) {
        return Tekens.cijfers(value, 1, 12) ? Long.valueOf(value) : null;
    }

    /** A date as the bericht wrote it, or null when absent or not a date (the XSD has the final word on format). */
    public static java.time.LocalDate alsDatum(String value) {
        try {
            return value == null ? null : java.time.LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
