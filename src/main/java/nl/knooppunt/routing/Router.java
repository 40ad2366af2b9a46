package nl.knooppunt.routing;

import java.util.List;
import nl.knooppunt.intake.Bericht;
import nl.knooppunt.intake.BerichtInfo;
import nl.knooppunt.intake.BerichtType;
import nl.knooppunt.registry.Registry;
import nl.knooppunt.registry.RegistryService;
import nl.knooppunt.validation.AfkeurException;
import nl.knooppunt.validation.Afkeurcode;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * Decides where a bericht goes (first version: header routing). Aanbieder → gemeente berichten go to the gemeente in
 * the header; gemeente → aanbieder berichten to the AGB-code. Direction follows from the BerichtCode, not the Afzender,
 * because a retour copies its heen header. An unknown recipient is parked, never dropped.
 */
@Component
public class Router {

    private final RegistryService registry;

    public Router(RegistryService registry) {
        this.registry = registry;
    }

    /** Route step. */
    public void route(@ExchangeProperty(Bericht.PROPERTY) Bericht bericht) {
        bericht.besluit(decide(bericht.info(), registry.current()));
    }

    public RoutingBesluit decide(BerichtInfo info, Registry registry) {
        String gemeente = info.gemeente();
        if (info.type().richting() == BerichtType.Richting.NAAR_GEMEENTE) {
            if (registry.gemeente(gemeente).isEmpty()) {
                throw onbestelbaar(Afkeurcode.KP010, "gemeentecode " + gemeente);
            }
            return new RoutingBesluit(gemeente, "gemeente." + gemeente, gemeente, gemeente, RoutingBesluit.Reason.HEADER);
        }
        String agb = info.aanbieder();
        if (registry.aanbieder(agb).isEmpty()) {
            throw onbestelbaar(Afkeurcode.KP011, "AGB-code " + agb);
        }
        return new RoutingBesluit(agb, "aanbieder." + agb, gemeente, gemeente, RoutingBesluit.Reason.HEADER);
    }

    private static AfkeurException onbestelbaar(Afkeurcode code, String partij) {
        return new AfkeurException(List.of(code.melding(partij)), true);
    }
}
