package nl.knooppunt.registry;

import java.time.LocalDate;
import java.util.Set;

/**
 * The mandating gemeente lets the executing (centrum)gemeente decide, contract and pay in its name for these domains,
 * from {@code geldigVan} up to and including {@code geldigTot} (open when null), for these clients.
 */
public record Mandaat(String regio, String mandating, String executing, Set<Domein> domeinen, LocalDate geldigVan,
                      LocalDate geldigTot, ClientScope clientScope) {

    public Mandaat {
        domeinen = Set.copyOf(domeinen);
    }

    public boolean geldigOp(LocalDate datum) {
        return !datum.isBefore(geldigVan) && (geldigTot == null || !datum.isAfter(geldigTot));
    }

    public boolean overlaps(Mandaat other) {
        return mandating.equals(other.mandating)
                && domeinen.stream().anyMatch(other.domeinen::contains)
                && clientScope.overlaps(other.clientScope)
                && !(geldigTot != null && geldigTot.isBefore(other.geldigVan))
                && !(other.geldigTot != null && other.geldigTot.isBefore(geldigVan));
    }

    public String omschrijving() {
        return mandating + " → " + executing + " (" + regio + ", " + clientScope + ", " + geldigVan
                + (geldigTot == null ? " e.v." : " t/m " + geldigTot) + ")";
    }
}
