package nl.knooppunt.delivery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The recovery of abandoned deliveries ({@code knooppunt.herstel.*}, docs/operations.md, Replicas).
 *
 * @param na       a bericht still {@code ONTVANGEN}/{@code GEROUTEERD} this long after its last change was left by a
 *                 process that died; longer than any intake with its redeliveries takes (at least 10 s)
 * @param interval how often the recovery looks
 * @param perRun   at most this many berichten per run (the rest in the next run)
 */
@Validated
@ConfigurationProperties("knooppunt.herstel")
public record HerstelProperties(@NotNull Duration na, @NotNull Duration interval, @Min(1) @Max(10_000) int perRun) {

    public HerstelProperties {
        if (na != null && na.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new IllegalArgumentException("knooppunt.herstel.na moet minstens 10s zijn (langer dan een intake duurt), niet "
                    + na);
        }
        if (interval != null && (interval.isNegative() || interval.isZero())) {
            throw new IllegalArgumentException("knooppunt.herstel.interval moet positief zijn, niet " + interval);
        }
    }
}
