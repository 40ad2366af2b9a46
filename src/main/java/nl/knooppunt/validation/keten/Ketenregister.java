package nl.knooppunt.validation.keten;

import java.util.Map;
import nl.knooppunt.registry.Beoordeling;
import nl.knooppunt.registry.Registry;
import nl.knooppunt.registry.RegistryLoader;
import nl.knooppunt.registry.RegistryService;
import nl.knooppunt.system.KnooppuntProperties;
import nl.knooppunt.validation.bron.Productcodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The registry data of the checks across berichten: {@code beoordeling.yaml} (signaleren | afkeuren per gemeente) and
 * {@code productcodes.csv} (TR381). Validated at start-up (an error stops it, naming file and line) and read again
 * whenever the registry is reloaded ({@code POST /api/registry/herladen}); a bad file then keeps the old data.
 */
@Component
public class Ketenregister {

    private static final Logger log = LoggerFactory.getLogger(Ketenregister.class);

    private final RegistryService registry;
    private final RegistryLoader loader;
    private volatile Stand stand;

    private record Stand(Registry registry, Map<String, Beoordeling> beoordelingen, Productcodes productcodes) {
    }

    public Ketenregister(RegistryService registry, KnooppuntProperties properties) {
        this.registry = registry;
        this.loader = new RegistryLoader(properties.registryDir());
        this.stand = laad(registry.current());
        log.info("Ketenregister: {} gemeenten met beoordeling afkeuren", stand.beoordelingen().values().stream()
                .filter(b -> b == Beoordeling.AFKEUREN).count());
    }

    private Stand laad(Registry r) {
        return new Stand(r, loader.beoordelingen(r.gemeenten()), new Productcodes(loader.productcodes(r.gemeenten())));
    }

    private Stand stand() {
        Registry current = registry.current();
        Stand s = stand;
        if (s.registry() != current) {
            try {
                s = laad(current);
            } catch (RuntimeException e) {
                log.error("beoordeling.yaml of productcodes.csv ongeldig, de vorige blijven gelden: {}", e.getMessage());
                s = new Stand(current, s.beoordelingen(), s.productcodes());
            }
            stand = s;
        }
        return s;
    }

    public Registry registry() {
        return stand().registry();
    }

    public Beoordeling beoordeling(String gemeente) {
        return gemeente == null ? Beoordeling.SIGNALEREN
                : stand().beoordelingen().getOrDefault(gemeente, Beoordeling.SIGNALEREN);
    }

    public Productcodes productcodes() {
        return stand().productcodes();
    }
}
