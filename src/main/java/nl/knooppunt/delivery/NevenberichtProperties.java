package nl.knooppunt.delivery;

import jakarta.validation.constraints.NotNull;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code knooppunt.nevenberichten.*}: agreements of a region about what leaves the hub besides the bericht itself.
 * (A gemeente's own opt-in for the informational copy is participant data: {@code kanalen.yaml}.)
 *
 * @param zorgkantoorRegios BW regions (as named in mandaten.csv) that agreed to the zorgkantoor signal; none by default
 */
@Validated
@ConfigurationProperties("knooppunt.nevenberichten")
public record NevenberichtProperties(@NotNull Set<String> zorgkantoorRegios) {
}
