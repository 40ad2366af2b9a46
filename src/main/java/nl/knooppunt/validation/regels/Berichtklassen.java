package nl.knooppunt.validation.regels;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The berichtklassen of iWmo 3.2 (iwmo.md §5) and the list elements that hold them, plus the one way the hub names a
 * berichtklasse instance: a path of element names where each berichtklasse carries its 1-based position among its
 * siblings, e.g. {@code /Client[1]/ToegewezenProducten/ToegewezenProduct[2]}. The rules and the retour writer both
 * count with this class, so a finding's path always points at the instance the retour copies.
 */
public final class Berichtklassen {

    /** Elements that are a berichtklasse: each gets RetourCodes in a retour. */
    public static final Set<String> KLASSEN = Set.of("Header", "Client", "Relatie", "Contact", "ToegewezenProduct",
            "StartProduct", "StopProduct", "AangevraagdProduct", "Verzoek", "OngewijzigdProduct", "TeWijzigenProduct",
            "NieuwProduct", "Antwoord", "Declaratie", "Prestatie");

    /** Elements that only hold a list of berichtklassen. */
    public static final Set<String> LIJSTEN = Set.of("Relaties", "Contactgegevens", "ToegewezenProducten",
            "StartProducten", "StopProducten", "AangevraagdeProducten", "OngewijzigdeProducten", "TeWijzigenProducten",
            "NieuweProducten", "Clienten", "Prestaties");

    private Berichtklassen() {
    }

    public static boolean isKlasse(String element) {
        return KLASSEN.contains(element);
    }

    /** Counts positions while a document is read; one instance per document. */
    public static final class Padteller {
        private final java.util.ArrayDeque<Map<String, Integer>> tellers = new java.util.ArrayDeque<>();
        private final java.util.ArrayDeque<String> pad = new java.util.ArrayDeque<>();

        public Padteller() {
            tellers.push(new HashMap<>());
        }

        /** Enters an element below the root; returns the path of this element. */
        public String start(String element) {
            String deel = element;
            if (isKlasse(element)) {
                deel = element + "[" + tellers.peek().merge(element, 1, Integer::sum) + "]";
            }
            String parent = pad.isEmpty() ? "" : pad.peek();
            String nieuw = parent + "/" + deel;
            pad.push(nieuw);
            tellers.push(new HashMap<>());
            return nieuw;
        }

        public void einde() {
            pad.pop();
            tellers.pop();
        }

        public String pad() {
            return pad.isEmpty() ? "" : pad.peek();
        }
    }
}
