package nl.knooppunt.registry;

/**
 * One entry of the productcodelijst ({@code productcodes.csv}): a productcode and the productcategorie it belongs to.
 *
 * @param gemeente empty for the standard list (WMO021); a gemeentecode for a code agreed bilaterally by that gemeente
 */
public record Productcode(String categorie, String code, String gemeente, String omschrijving) {
}
