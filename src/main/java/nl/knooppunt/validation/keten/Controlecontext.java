package nl.knooppunt.validation.keten;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.knooppunt.registry.Registry;
import nl.knooppunt.validation.bron.Productcodes;

/**
 * What the level 3–4 checks may consult for one bericht: the store of earlier berichten (memoised per bericht, a 323
 * may name one toewijzing many times), the registry (CBS list), the productcode list and today's date.
 */
public final class Controlecontext {

    private final KetenGeheugen geheugen;
    private final Registry registry;
    private final Productcodes productcodes;
    private final LocalDate vandaag;
    private final Map<String, Optional<KetenGeheugen.ToegewezenProduct>> toewijzingen = new HashMap<>();

    public Controlecontext(KetenGeheugen geheugen, Registry registry, Productcodes productcodes, LocalDate vandaag) {
        this.geheugen = geheugen;
        this.registry = registry;
        this.productcodes = productcodes;
        this.vandaag = vandaag;
    }

    public KetenGeheugen geheugen() {
        return geheugen;
    }

    public Registry registry() {
        return registry;
    }

    public Productcodes productcodes() {
        return productcodes;
    }

    public LocalDate vandaag() {
        return vandaag;
    }

    public Optional<KetenGeheugen.ToegewezenProduct> toewijzing(String gemeente, Long nummer) {
        if (gemeente == null || nummer == null) {
            return Optional.empty();
        }
        return toewijzingen.computeIfAbsent(gemeente + "/" + nummer, k -> geheugen.toewijzing(gemeente, nummer));
    }
}
