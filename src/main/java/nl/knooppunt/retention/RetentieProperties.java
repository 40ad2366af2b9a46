package nl.knooppunt.retention;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long the hub keeps each class of data ({@code knooppunt.retentie.*}).
 *
 * @param payload  a bericht's bytes (the only data with a BSN), counted from its final status (afgeleverd or
 *                 afgekeurd); a bericht that still waits (geparkeerd, in triage) keeps its payload
 * @param metadata status rows and audit events, counted from receipt
 * @param interval how often the purge runs
 */
@Validated
@ConfigurationProperties("knooppunt.retentie")
public record RetentieProperties(@NotNull Period payload, @NotNull Period metadata, @NotNull Duration interval) {

    public RetentieProperties {
        if (payload != null && (payload.isNegative() || payload.isZero())) {
            throw new IllegalArgumentException("knooppunt.retentie.payload moet positief zijn, niet " + payload);
        }
        if (metadata != null && payload != null && days(metadata) < days(payload)) {
            throw new IllegalArgumentException("knooppunt.retentie.metadata (" + metadata
                    + ") mag niet korter zijn dan knooppunt.retentie.payload (" + payload + ")");
        }
    }

    private static long days(Period p) {
        return p.toTotalMonths() * 31 + p.getDays();
    }
}
