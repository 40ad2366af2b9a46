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

    /**
     * Findings named one by one; the rest is counted per rule. A declaratie with tens of thousands of prestaties can
     * have a finding per prestatie, and the status row and audit event have bounded room.
     */
    static final int MAX_GENOEMD = 10;

    private Signalen() {
    }

    public static List<Signaal> alle(Bericht bericht) {
        List<Signaal> result = new ArrayList<>();
        if (bericht.besluit() != null) {
            result.addAll(bericht.besluit().signalen());
        }
        java.util.Map<String, Integer> weggelaten = new java.util.LinkedHashMap<>();
        for (Bevinding b : bericht.signalen()) {
            if (result.size() < MAX_GENOEMD) {
                result.add(new Signaal(b.regel(), b.retourcode() + " " + b.berichtklasse() + " " + b.pad() + ": "
                        + b.omschrijving()));
            } else {
                weggelaten.merge(b.regel(), 1, Integer::sum);
            }
        }
        weggelaten.forEach((regel, aantal) -> result.add(new Signaal(regel,
                "en nog " + aantal + " bevinding(en) van " + regel + ", niet afzonderlijk genoemd")));
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
