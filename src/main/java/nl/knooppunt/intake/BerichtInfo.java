package nl.knooppunt.intake;

import java.util.List;
import java.util.Set;

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
        List<String> clientPseudoniemen) {

    /** The gemeente party: whichever of Afzender/Ontvanger is a gemeentecode (retours copy the heen header). */
    public String gemeente() {
        return isGemeentecode(afzender) ? afzender : isGemeentecode(ontvanger) ? ontvanger : null;
    }

    /** The aanbieder party: whichever of Afzender/Ontvanger is an AGB-code. */
    public String aanbieder() {
        return isAgb(afzender) ? afzender : isAgb(ontvanger) ? ontvanger : null;
    }

    static boolean isGemeentecode(String s) {
        return s != null && s.matches("[0-9]{4}");
    }

    static boolean isAgb(String s) {
        return s != null && s.matches("[0-9]{8}");
    }
}
