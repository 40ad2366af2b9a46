package nl.knooppunt.retention;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The compaction of the embedded H2 file ({@code knooppunt.h2-compactie.*}, {@link H2Compactie}); without effect on
 * PostgreSQL.
 *
 * @param interval how often it runs
 * @param vulgraad the share of the file's chunks, in percent, that should hold live data; below it a run rewrites
 *                 the live pages of the emptiest chunks, so their space can be used again
 * @param perRun   at most this much is rewritten in one run (the hub's commits wait while it writes)
 */
@Validated
@ConfigurationProperties("knooppunt.h2-compactie")
public record H2CompactieProperties(@NotNull Duration interval, @Min(10) @Max(90) int vulgraad, @NotNull DataSize perRun) {

    public H2CompactieProperties {
        if (interval != null && interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("knooppunt.h2-compactie.interval moet minstens 1s zijn, niet " + interval);
        }
        if (perRun != null && (perRun.toBytes() < 1024 * 1024 || perRun.toBytes() > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("knooppunt.h2-compactie.per-run moet tussen 1MB en 2GB liggen, niet " + perRun);
        }
    }
}
