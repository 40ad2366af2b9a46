package nl.knooppunt.validation.regels;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The catalogue of every in-message rule (control level 2) the hub applies, in the order of docs/validation.md. */
public final class Regels {

    private Regels() {
    }

    public static List<Regel> alle() {
        List<Regel> alle = new ArrayList<>();
        alle.addAll(ClientRegels.alle());
        alle.addAll(ProductRegels.alle());
        alle.addAll(DeclaratieRegels.alle());
        alle.sort(Comparator.comparing(Regel::id));
        return List.copyOf(alle);
    }
}
