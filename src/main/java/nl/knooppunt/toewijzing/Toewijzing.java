package nl.knooppunt.toewijzing;

import java.time.LocalDate;

/**
 * A toewijzing the hub has carried (a ToegewezenProduct of a 301), keyed as the standard keys it: (gemeente,
 * ToewijzingNummer). It remembers who is responsible and who executes, so later berichten follow it (routing.md §2.1).
 */
public record Toewijzing(String gemeente, long nummer, String aanbieder, String responsible, String executing,
                         String categorie, String clientPseudoniem, LocalDate ingangsdatum, LocalDate einddatum,
                         String redenWijziging, String traceerId) {

    public boolean actiefOp(LocalDate datum) {
        return !datum.isBefore(ingangsdatum) && (einddatum == null || !datum.isAfter(einddatum));
    }
}
