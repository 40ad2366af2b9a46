package nl.knooppunt.intake;

import java.util.List;
import java.util.Set;
import nl.knooppunt.system.Tekens;

/**
 * What the intake gate read from a bericht. It holds no BSN: clients appear only as keyed pseudonyms.
 *
 * @param totaalIngediendBedrag for a 323, in eurocent, signed by DebetCredit (credit negative); otherwise null
 */
public record BerichtInfo(
        BerichtType type,
        String berichtCode,
        String afzender,
        String ontvanger,
        String identificatie,
        String dagtekening,
        Set<String> productCategorieen,
        Long totaalIngediendBedrag,
        int aantalClienten,
        List<String> clientPseudoniemen,
        List<ProductRegel> producten,
        String declaratiePeriodeBegin) {

    public BerichtInfo {
        producten = producten == null ? List.of() : List.copyOf(producten);
    }

    /**
     * The date that decides which rules apply (routing.md §1): the declaratieperiode of a 323, else the first product
     * line's date, else the Dagtekening. Null when none of these is a valid date.
     */
    public java.time.LocalDate referentiedatum() {
        String candidate = declaratiePeriodeBegin != null ? declaratiePeriodeBegin
                : producten.stream().map(ProductRegel::datum).filter(java.util.Objects::nonNull).findFirst()
                        .orElse(dagtekening);
        return ProductRegel.alsDatum(candidate);
    }

    public String clientPseudoniem() {
        return clientPseudoniemen.isEmpty() ? null : clientPseudoniemen.get(0);
    }

    /** The gemeente party: whichever of Afzender/Ontvanger is a gemeentecode (retours copy the heen header). */
    public String gemeente() {
        return isGemeentecode(afzender) ? afzender : isGemeentecode(ontvanger) ? ontvanger : null;
    }

    /** The aanbieder party: whichever of Afzender/Ontvanger is an AGB-code. */
    public String aanbieder() {
        return isAgb(afzender) ? afzender : isAgb(ontvanger) ? ontvanger : null;
    }

    static boolean isGemeentecode(String s) {
        return Tekens.cijfers(s, 4, 4);
    }

    static boolean isAgb(String s) {
        return Tekens.cijfers(s, 8, 8);
    }
}
