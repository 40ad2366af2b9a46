package nl.knooppunt.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.regex.Pattern;
import nl.knooppunt.intake.Bericht;
import nl.knooppunt.intake.BerichtInfo;
import org.springframework.stereotype.Component;

/**
 * {@code knooppunt.berichten}: every bericht the hub answered, by kanaal, berichttype, afzender, ontvanger and
 * uitkomst (its status). Label values come from closed sets only: a participant label is a 4-digit gemeentecode or an
 * 8-digit AGB-code and otherwise {@code onbekend}, so neither a BSN (9 digits) nor free text can reach a label.
 */
@Component
public class BerichtMetrics {

    private static final Pattern DEELNEMER = Pattern.compile("[0-9]{4}|[0-9]{8}");
    private static final String ONBEKEND = "onbekend";

    private final MeterRegistry registry;

    public BerichtMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void afgehandeld(Bericht bericht) {
        BerichtInfo info = bericht.info();
        Counter.builder("knooppunt.berichten")
                .description("Berichten die de hub heeft beantwoord, naar uitkomst")
                .tag("kanaal", bericht.kanaal() == null ? ONBEKEND : bericht.kanaal())
                .tag("berichttype", info == null || info.type() == null ? ONBEKEND : info.type().name())
                .tag("afzender", deelnemer(info == null ? null : info.afzender()))
                .tag("ontvanger", deelnemer(info == null ? null : info.ontvanger()))
                .tag("uitkomst", bericht.status().name())
                .register(registry)
                .increment();
    }

    static String deelnemer(String code) {
        return code != null && DEELNEMER.matcher(code).matches() ? code : ONBEKEND;
    }
}
