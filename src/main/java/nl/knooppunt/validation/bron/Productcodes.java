package nl.knooppunt.validation.bron;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.knooppunt.registry.Productcode;

/** The productcodelijst: the standard codes (WMO021) and the codes a gemeente agreed bilaterally. */
public final class Productcodes {

    private final Map<String, Productcode> standaard = new HashMap<>();
    private final Map<String, Productcode> bilateraal = new HashMap<>();

    public Productcodes(List<Productcode> codes) {
        for (Productcode p : codes) {
            if (p.gemeente() == null || p.gemeente().isEmpty()) {
                standaard.put(p.code(), p);
            } else {
                bilateraal.put(p.gemeente() + "/" + p.code(), p);
            }
        }
    }

    /** The entry for this code as it holds for this gemeente: its bilateral code first, else the standard one. */
    public Optional<Productcode> voor(String gemeente, String code) {
        Productcode eigen = gemeente == null ? null : bilateraal.get(gemeente + "/" + code);
        return Optional.ofNullable(eigen != null ? eigen : standaard.get(code));
    }
}
