package nl.knooppunt.routing;

import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code knooppunt.woonplaatsbeginsel.*}: the regime switch. While {@code ingangsdatum} is unset, today's regime
 * (the client's own choice of gemeente, mandates to centrumgemeenten) holds for every date.
 *
 * @param woonadressen the CSV behind {@link BestandWoonadresBron}; a deployment with a BRP adapter leaves it unset
 */
@Validated
@ConfigurationProperties("knooppunt.woonplaatsbeginsel")
public record RoutingProperties(LocalDate ingangsdatum, Path woonadressen) {

    public boolean geldtOp(LocalDate datum) {
        return ingangsdatum != null && datum != null && !datum.isBefore(ingangsdatum);
    }
}
