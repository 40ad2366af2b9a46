package nl.knooppunt.validation;

/**
 * One structured finding of a control (iWmo control levels 2–4). It never holds a value from the bericht: only where
 * (berichtklasse and a path of element names and positions) and which rule.
 *
 * @param regel        the standard's rule id, e.g. {@code TR358}, {@code CS338}, {@code TR056}
 * @param retourcode   the retourcode the standard attaches, e.g. {@code 8021}, {@code 9056}; {@code 0001} style codes
 *                     are for whole-bericht rejection
 * @param berichtklasse the berichtklasse in error: {@code Header}, {@code Client}, {@code Relatie}, {@code Contact},
 *                     {@code ToegewezenProduct}, {@code Prestatie}, …
 * @param pad          an element path without values, e.g. {@code /Client/ToegewezenProduct[2]/Volume}
 * @param omschrijving a short Dutch text for people, without any content of the bericht
 */
public record Bevinding(String regel, String retourcode, String berichtklasse, String pad, String omschrijving) {
}
