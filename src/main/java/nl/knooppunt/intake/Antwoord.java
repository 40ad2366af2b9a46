package nl.knooppunt.intake;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * The last step of every intake flow and of the shared rejection handler: hands the answer to the channel the
 * bericht came in on. A channel without an answer (an internal source) gets none.
 */
@Component
public class Antwoord {

    private final Map<String, Kanaalantwoord> perKanaal;

    public Antwoord(List<Kanaalantwoord> kanalen) {
        this.perKanaal = kanalen.stream().collect(Collectors.toMap(Kanaalantwoord::kanaal, Function.identity()));
    }

    public Object geef(@ExchangeProperty(Bericht.PROPERTY) Bericht bericht, Message message) {
        Kanaalantwoord kanaal = bericht == null ? null : perKanaal.get(bericht.kanaal());
        return kanaal == null ? message.getBody() : kanaal.antwoord(bericht, message);
    }
}
