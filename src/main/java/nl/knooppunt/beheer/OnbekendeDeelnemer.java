package nl.knooppunt.beheer;

/** A gemeentecode or AGB-code the registry does not know (answered with 404). */
public class OnbekendeDeelnemer extends RuntimeException {

    public OnbekendeDeelnemer(String deelnemer) {
        super("onbekende deelnemer: " + (deelnemer == null ? "" : deelnemer.replaceAll("[^0-9A-Za-z]", "?")));
    }
}
