package nl.knooppunt.validation.keten;

import java.util.List;
import nl.knooppunt.validation.Bevinding;
import nl.knooppunt.validation.Controle;

/**
 * A check of control level 3 (across berichten) or 4 (external sources). It reads; it never writes XML, talks to
 * Camel or changes the store. Findings are signals unless the gemeente chose {@code beoordeling: afkeuren}.
 */
public interface Ketencheck extends Controle {

    List<Bevinding> controleer(Inhoud inhoud, Controlecontext context);

    default Bevinding bevinding(String berichtklasse, String pad, String detail) {
        return new Bevinding(id(), retourcode(), berichtklasse, pad, detail == null ? omschrijving() : omschrijving()
                + " (" + detail + ")");
    }
}
