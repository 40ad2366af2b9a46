package nl.knooppunt.validation.regels;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.knooppunt.intake.BerichtType;

/**
 * The compact model of one bericht that the in-message rules read: the header, the berichtklassen as a tree, and the
 * paths of empty elements (RS033). Built by {@link ModelLezer} with one streaming pass, without a DOM.
 */
public record Berichtmodel(BerichtType type, Klasse header, List<Klasse> klassen, List<String> legeElementen) {

    /** Every berichtklasse instance except the header, depth-first in document order. */
    public Stream<Klasse> alle() {
        List<Klasse> out = new ArrayList<>();
        klassen.forEach(k -> verzamel(k, out));
        return out.stream();
    }

    public Stream<Klasse> alle(String soort) {
        return alle().filter(k -> k.naam().equals(soort));
    }

    /** Header/BerichtIdentificatie/Dagtekening. */
    public LocalDate dagtekening() {
        return header.datum("BerichtIdentificatie/Dagtekening");
    }

    private static void verzamel(Klasse k, List<Klasse> out) {
        out.add(k);
        k.kinderen().forEach(c -> verzamel(c, out));
    }
}
