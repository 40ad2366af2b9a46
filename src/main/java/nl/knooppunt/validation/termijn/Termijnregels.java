package nl.knooppunt.validation.termijn;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import nl.knooppunt.intake.BerichtType;
import nl.knooppunt.validation.keten.Inhoud;

/**
 * Which deadlines a bericht starts and which it meets (iwmo.md §9, "Deadlines"). Pure: keys come back with the
 * sender-chosen identifiers already replaced by keyed pseudonyms (the {@code sleutel} function).
 */
public final class Termijnregels {

    /** heenbericht → its retourbericht (OP090). A 323 gets a 325 instead (OP090x4). */
    static final Map<BerichtType, BerichtType> RETOUR = Map.of(BerichtType.WMO301, BerichtType.WMO302,
            BerichtType.WMO305, BerichtType.WMO306, BerichtType.WMO307, BerichtType.WMO308,
            BerichtType.WMO315, BerichtType.WMO316, BerichtType.WMO317, BerichtType.WMO318,
            BerichtType.WMO319, BerichtType.WMO320);

    private Termijnregels() {
    }

    /** A deadline with the key under which the bericht that meets it will look it up. */
    public record Start(String sleutel, Termijn termijn) {
    }

    public static List<Start> start(Inhoud i, String traceerId, LocalDate ontvangen, UnaryOperator<String> sleutel) {
        List<Start> result = new ArrayList<>();
        BerichtType type = i.type();
        if (RETOUR.containsKey(type) && i.heenIdentificatie() != null) {
            result.add(new Start(retourSleutel(type, i, sleutel), termijn("OP090", traceerId, i,
                    RETOUR.get(type).name(), ontvangen, Werkdagen.plus(ontvangen, 3))));
        }
        if (type == BerichtType.WMO323 && i.heenIdentificatie() != null) {
            result.add(new Start(declaratieSleutel(i, i.heenIdentificatie(), sleutel), termijn("OP090x4", traceerId, i,
                    BerichtType.WMO325.name(), ontvangen, Werkdagen.plus(ontvangen, 10))));
        }
        if (type == BerichtType.WMO315 || type == BerichtType.WMO317) {
            String regel = type == BerichtType.WMO315 ? "OP274" : "OP346";
            i.regels().stream().map(Inhoud.Regel::referentieAanbieder).filter(java.util.Objects::nonNull).distinct()
                    .forEach(ref -> result.add(new Start(verzoekSleutel(i, ref, sleutel), termijn(regel, traceerId, i,
                            "WMO301 of WMO319", ontvangen, Werkdagen.plus(ontvangen, 5)))));
        }
        if (type == BerichtType.WMO305 || type == BerichtType.WMO307) {
            // reported after the fact: the deadline is met (or missed) by this very bericht
            for (Inhoud.Regel r : i.regels()) {
                LocalDate feit = type == BerichtType.WMO305 ? r.begindatum() : r.einddatum();
                if (feit == null || "3".equals(r.statusAanlevering())) {
                    continue;
                }
                result.add(new Start(null, termijn(type == BerichtType.WMO305 ? "OP271" : "OP272", traceerId, i,
                        type.name(), feit, Werkdagen.plus(feit, 5)).voldaan(ontvangen, traceerId)));
            }
        }
        return result;
    }

    /** The keys of the open deadlines this bericht meets. */
    public static List<String> voldoet(Inhoud i, UnaryOperator<String> sleutel) {
        List<String> result = new ArrayList<>();
        BerichtType type = i.type();
        RETOUR.forEach((heen, retour) -> {
            if (retour == type && i.heenIdentificatie() != null) {
                result.add(retourSleutel(heen, i, sleutel));
            }
        });
        if (type == BerichtType.WMO325 && i.heenIdentificatie() != null) {
            result.add(declaratieSleutel(i, i.heenIdentificatie(), sleutel));
        }
        if (type == BerichtType.WMO301 || type == BerichtType.WMO319) {
            i.regels().stream().map(Inhoud.Regel::referentieAanbieder).filter(java.util.Objects::nonNull).distinct()
                    .forEach(ref -> result.add(verzoekSleutel(i, ref, sleutel)));
        }
        return result;
    }

    private static Termijn termijn(String regel, String traceerId, Inhoud i, String verwacht, LocalDate vanaf,
                                   LocalDate uiterlijk) {
        return new Termijn(regel, traceerId, i.type().name(), i.gemeente(), i.aanbieder(), verwacht, vanaf, uiterlijk,
                null, null);
    }

    // a retour copies the heen header, so (heen type, gemeente, aanbieder, heen Identificatie) is on both
    private static String retourSleutel(BerichtType heen, Inhoud i, UnaryOperator<String> sleutel) {
        return "RETOUR|" + heen.name() + "|" + i.gemeente() + "|" + i.aanbieder() + "|" + sleutel.apply(i.heenIdentificatie());
    }

    private static String declaratieSleutel(Inhoud i, String identificatie, UnaryOperator<String> sleutel) {
        return "WMO325|" + i.gemeente() + "|" + i.aanbieder() + "|" + sleutel.apply(identificatie);
    }

    private static String verzoekSleutel(Inhoud i, String referentie, UnaryOperator<String> sleutel) {
        return "VERZOEK|" + i.aanbieder() + "|" + sleutel.apply(referentie);
    }
}
