package nl.knooppunt.delivery.push;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code knooppunt.aflevering.*}: how long and how often the hub tries to push a bericht to a participant's own
 * system. The broker redelivers a failed bericht after {@code eersteWachttijd}, then each time
 * {@code vermenigvuldiger} times longer, at most {@code maxWachttijd}; after {@code duur} (counted from when the
 * bericht reached the queue) it goes to {@code knooppunt.dlq} with the reason.
 *
 * @param timeout connect and read timeout of one push attempt
 */
@Validated
@ConfigurationProperties("knooppunt.aflevering")
public record AfleveringProperties(
        @NotNull Duration duur,
        @NotNull Duration eersteWachttijd,
        @NotNull @DecimalMin("1.0") @DecimalMax("10.0") Double vermenigvuldiger,
        @NotNull Duration maxWachttijd,
        @NotNull Duration timeout) {

    /** More attempts than this means a schedule nobody meant (a millisecond delay over 72 hours). */
    static final int MAX_POGINGEN = 10_000;

    @AssertTrue(message = "eersteWachttijd >= 1ms, maxWachttijd >= eersteWachttijd, duur > 0, timeout >= 1ms, "
            + "and at most " + MAX_POGINGEN + " attempts in duur")
    boolean isSamenhangend() {
        if (duur == null || eersteWachttijd == null || maxWachttijd == null || vermenigvuldiger == null || timeout == null) {
            return true;
        }
        return eersteWachttijd.toMillis() >= 1 && maxWachttijd.compareTo(eersteWachttijd) >= 0 && !duur.isNegative()
                && !duur.isZero() && timeout.toMillis() >= 1 && pogingen(this) <= MAX_POGINGEN;
    }

    /**
     * The number of attempts the schedule makes within {@code duur}: the first, plus one after each wait until the
     * waits add up to {@code duur}. The broker's own limit is one more, as a safety net.
     */
    public int maxPogingen() {
        return pogingen(this);
    }

    /** The wait after failed attempt {@code poging} (1-based), as the broker computes it. */
    public Duration wachttijdNa(int poging) {
        double ms = eersteWachttijd.toMillis() * Math.pow(vermenigvuldiger, Math.max(0, poging - 1));
        return Duration.ofMillis((long) Math.min(ms, maxWachttijd.toMillis()));
    }

    private static int pogingen(AfleveringProperties p) {
        long totaal = 0;
        int pogingen = 1;
        while (totaal < p.duur.toMillis() && pogingen <= MAX_POGINGEN) {
            totaal += p.wachttijdNa(pogingen).toMillis();
            pogingen++;
        }
        return pogingen;
    }
}
