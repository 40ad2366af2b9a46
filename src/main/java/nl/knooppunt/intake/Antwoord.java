package nl.knooppunt.intake;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import nl.knooppunt.metrics.BerichtMetrics;
import org.springframework.stereotype.Component;

/**
 * The last step of every intake flow and of the shared rejection handler: hands the answer to the channel the
 * bericht came in on. A channel without an answer (an internal source) gets none.
 */
@Component
public class Antwoord {

    private final Map<String, Kanaalantwoord> perKanaal;
    private final BerichtMetrics metrics;

    public Antwoord(List<Kanaalantwoord> kanalen, BerichtMetrics metrics) {
        this.perKanaal = kanalen.stream().collect(Collectors.toMap(Kanaalantwoord::kanaal, Function.identity()));
        this.metrics = metrics;
    }

    public Object geef(@ExchangeProperty(Bericht.PROPERTY) Bericht bericht, Message message) {
        if (bericht != null) {
            metrics.afgehandeld(bericht);
        }
        Kanaalantwoord kanaal = bericht == null ? null : perKanaal.get(bericht.kanaal());
        return kanaal == null ? message.getBody() : kanaal.antwoord(bericht, message);
    }
}
