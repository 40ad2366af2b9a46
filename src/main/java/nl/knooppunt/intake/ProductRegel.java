package nl.knooppunt.intake;

/**
 * One product line of a bericht, as routing needs it: a ToegewezenProduct, Start/StopProduct, AangevraagdProduct,
 * a product of a Verzoek, or a 323/325 Prestatie. Every field may be null when the bericht does not carry it.
 *
 * @param datum the line's own reference date: (Toewijzing)Ingangsdatum, GewensteIngangsdatum or Begindatum
 */
public record ProductRegel(
        String soort,
        Long toewijzingNummer,
        String categorie,
        String code,
        String datum,
        String einddatum,
        String redenWijziging,
        String redenBeeindiging) {

    /** A date as the bericht wrote it, or null when absent or not a date (the XSD has the final word on format). */
    public static java.time.LocalDate alsDatum(String value) {
        try {
            return value == null ? null : java.time.LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
