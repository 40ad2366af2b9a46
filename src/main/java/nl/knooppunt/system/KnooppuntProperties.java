package nl.knooppunt.system;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The hub's own settings ({@code knooppunt.*}). A bad value stops start-up with a message naming the key.
 * Secrets are not record components: the pseudonym secret is read from {@code KNOOPPUNT_PSEUDONYM_SECRET}
 * or a file by {@link nl.knooppunt.audit.Pseudonymizer}, so {@code toString()} can never print it.
 */
@Validated
@ConfigurationProperties("knooppunt")
public record KnooppuntProperties(
        @NotNull Path dataDir,
        Path routesDir,
        Path registryDir,
        @NotNull DataSize maxBerichtSize,
        @Valid @NotNull Pseudonym pseudonym,
        @Valid @NotNull Audit audit) {

    public record Pseudonym(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,16}", message = "must be 1-16 letters, digits, '_' or '-'") String keyId,
            Path secretFile) {
    }

    public record Audit(@NotBlank String queue, @NotNull Duration publishInterval, @NotNull Integer publishBatchSize) {
    }
}
