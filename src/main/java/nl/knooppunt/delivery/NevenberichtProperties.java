package nl.knooppunt.delivery;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code knooppunt.nevenberichten.*}: what a region has agreed to receive besides the bericht itself.
 *
 * @param informatiekopie    gemeenten that want an informational event when a centrumgemeente executes for them
 * @param zorgkantoorRegios  BW regions (as named in mandaten.csv) that agreed to the zorgkantoor signal; none by default
 */
@Validated
@ConfigurationProperties("knooppunt.nevenberichten")
public record NevenberichtProperties(
        @NotNull Set<@Pattern(regexp = "[0-9]{4}", message = "is een gemeentecode van 4 cijfers") String> informatiekopie,
        @NotNull Set<String> zorgkantoorRegios) {
}
