package nl.knooppunt.delivery;

import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import java.time.Instant;
import java.util.List;
import nl.knooppunt.intake.Bericht;
import nl.knooppunt.payload.Payload;
import nl.knooppunt.payload.PayloadStore;
import nl.knooppunt.tracking.BerichtQueries;
import nl.knooppunt.tracking.BerichtStatus;
import org.apache.camel.ProducerTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Service;

/**
 * Parked berichten (no known recipient): listed for beheerders and released once the registry knows the party.
 * Release takes the bericht off {@code knooppunt.onbestelbaar} in a JMS transaction and runs it through validation and
 * routing again; only if that succeeds (delivered, or parked again) is the take committed, so nothing is lost.
 */
@Service
public class Onbestelbaar {

    public enum Uitkomst { AFGELEVERD, OPNIEUW_GEPARKEERD, NIET_GEVONDEN }

    private final BerichtQueries queries;
    private final PayloadStore payloads;
    private final ProducerTemplate camel;
    private final JmsTemplate jms;

    public Onbestelbaar(BerichtQueries queries, PayloadStore payloads, ProducerTemplate camel, JmsTemplate jmsTemplate) {
        this.queries = queries;
        this.payloads = payloads;
        this.camel = camel;
        this.jms = new JmsTemplate(jmsTemplate.getConnectionFactory());
        this.jms.setSessionTransacted(true);
    }

    public List<BerichtStatus> geparkeerd() {
        return queries.withStatus(Bericht.Status.GEPARKEERD.name(), 500);
    }

    public Uitkomst vrijgeven(String traceerId) {
        if (!traceerId.matches("[0-9a-f-]{36}")) {
            return Uitkomst.NIET_GEVONDEN;
        }
        BerichtStatus status = queries.find(traceerId).orElse(null);
        Payload inhoud = payloads.open(traceerId).orElse(null);
        if (status == null || inhoud == null || !Bericht.Status.GEPARKEERD.name().equals(status.status())) {
            return Uitkomst.NIET_GEVONDEN;
        }
        return jms.execute(session -> {
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(Delivery.ONBESTELBAAR),
                    "traceerId = '" + traceerId + "'")) {
                Message parked = consumer.receive(2000);
                if (parked == null) {
                    return Uitkomst.NIET_GEVONDEN;
                }
                Bericht bericht = new Bericht(traceerId, status.kanaal(), null, Instant.now(), inhoud, null);
                Exception failure = camel.send("direct:validate",
                        exchange -> exchange.setProperty(Bericht.PROPERTY, bericht)).getException();
                Uitkomst uitkomst = switch (bericht.status()) {
                    case AFGELEVERD -> Uitkomst.AFGELEVERD;
                    case GEPARKEERD -> Uitkomst.OPNIEUW_GEPARKEERD;
                    default -> null;
                };
                if (failure != null || uitkomst == null) {
                    session.rollback();
                    throw new IllegalStateException("vrijgeven van " + traceerId + " mislukt (status " + bericht.status()
                            + "); het bericht blijft geparkeerd", failure);
                }
                // execute(SessionCallback) does not commit by itself: without this the take would roll back
                session.commit();
                return uitkomst;
            }
        }, true);
    }
}
