package nl.knooppunt.routing;

/**
 * The client's address as the BRP knows it on a date.
 *
 * @param vorigeGemeente for an INSTELLING: the gemeente of the woonadres before the stay (exception b), if known
 */
public record Woonadres(Soort soort, String gemeente, String vorigeGemeente) {

    public enum Soort { WOONADRES, BRIEFADRES, INSTELLING, RNI }
}
