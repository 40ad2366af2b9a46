package nl.knooppunt.validation.keten;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import nl.knooppunt.intake.Bericht;
import nl.knooppunt.routing.Signaal;
import nl.knooppunt.validation.Bevinding;

/**
 * Signals of a bericht for people: the routing signals (codes like {@code GEMENGDE_DECLARATIE}) followed by the level
 * 3–4 findings the gemeente assesses itself (code = the rule id, e.g. {@code TR338}; the omschrijving starts with the
 * retourcode, berichtklasse and path). Neither ever holds a value from the bericht.
 */
public final class Signalen {

    private Signalen() {
    }

    public static List<Signaal> alle(Bericht bericht) {
        List<Signaal> result = new ArrayList<>();
        if (bericht.besluit() != null) {
            result.addAll(bericht.besluit().signalen());
        }
        for (Bevinding b : bericht.signalen()) {
            result.add(new Signaal(b.regel(), b.retourcode() + " " + b.berichtklasse() + " " + b.pad() + ": "
                    + b.omschrijving()));
        }
        return result;
    }

    /** Header value: the distinct rule ids, comma-separated (e.g. {@code TR338,TR307}); null when there are none. */
    public static String regels(Bericht bericht) {
        return bericht.signalen().isEmpty() ? null
                : bericht.signalen().stream().map(Bevinding::regel).distinct().collect(Collectors.joining(","));
    }

    /** Header value: the distinct retourcodes, comma-separated (e.g. {@code 9338,9307}); null when there are none. */
    public static String retourcodes(Bericht bericht) {
        return bericht.signalen().isEmpty() ? null
                : bericht.signalen().stream().map(Bevinding::retourcode).distinct().collect(Collectors.joining(","));
    }
}
