package nl.knooppunt.validation;

/** A coded remark for the sender. The omschrijving never contains a BSN or other content of the bericht. */
public record Melding(String code, String omschrijving) {
}
