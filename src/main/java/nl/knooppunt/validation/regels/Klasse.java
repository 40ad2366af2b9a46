package nl.knooppunt.validation.regels;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.system.Tekens;

/**
 * One berichtklasse instance of the compact model: its leaf values by path relative to the klasse (e.g.
 * {@code Product/Categorie}, {@code Omvang/Volume}) and the berichtklassen it contains. Values are kept only for the
 * rules; a klasse is never logged or put into a finding.
 */
public final class Klasse {

    private final String naam;
    private final String pad;
    private final Map<String, String> waarden = new LinkedHashMap<>();
    private final List<Klasse> kinderen = new ArrayList<>();

    public Klasse(String naam, String pad) {
        this.naam = naam;
        this.pad = pad;
    }

    public String naam() {
        return naam;
    }

    /** E.g. {@code /Client[1]/ToegewezenProducten/ToegewezenProduct[2]}. */
    public String pad() {
        return pad;
    }

    public List<Klasse> kinderen() {
        return kinderen;
    }

    public List<Klasse> kinderen(String soort) {
        return kinderen.stream().filter(k -> k.naam.equals(soort)).toList();
    }

    void zet(String relatiefPad, String waarde) {
        waarden.putIfAbsent(relatiefPad, waarde);
    }

    /** The value at the relative path, or null when the element is absent. */
    public String waarde(String relatiefPad) {
        return waarden.get(relatiefPad);
    }

    public boolean heeft(String relatiefPad) {
        return waarden.containsKey(relatiefPad);
    }

    /** True when any leaf below this relative path is present, e.g. {@code heeftDeel("Omvang")}. */
    public boolean heeftDeel(String relatiefPad) {
        String prefix = relatiefPad + "/";
        return waarden.containsKey(relatiefPad) || waarden.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }

    public LocalDate datum(String relatiefPad) {
        String w = waarden.get(relatiefPad);
        if (w == null) {
            return null;
        }
        try {
            return LocalDate.parse(w);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public Long getal(String relatiefPad) {
        String w = waarden.get(relatiefPad);
        if (!Tekens.getal(w, 1, 15)) {
            return null;
        }
        return Long.parseLong(w);
    }

    /** Signed amount of a CDT_BedragMetDC / CDT_TotaalBedragMetDC: credit is negative. */
    public Long bedrag(String bedragPad, String debetCreditPad) {
        Long bedrag = getal(bedragPad);
        return bedrag == null ? null : "C".equals(waarde(debetCreditPad)) ? -bedrag : bedrag;
    }

    @Override
    public String toString() {
        return "Klasse[" + pad + "]";
    }
}
