package nl.knooppunt.routing;

/** A routing remark for a person: it never changes the route by itself. */
public record Signaal(String code, String omschrijving) {

    public static final String GEMENGDE_DECLARATIE = "GEMENGDE_DECLARATIE";
    public static final String GEMENGDE_DOMEINEN = "GEMENGDE_DOMEINEN";
    public static final String WOONPLAATSBEGINSEL = "WOONPLAATSBEGINSEL";
    public static final String TOEWIJZING_ONBEKEND = "TOEWIJZING_ONBEKEND";
}
