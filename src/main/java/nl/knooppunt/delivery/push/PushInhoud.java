package nl.knooppunt.delivery.push;

import jakarta.jms.JMSException;
import java.io.IOException;
import java.nio.file.Path;
import nl.knooppunt.broker.JmsInhoud;
import nl.knooppunt.delivery.Stroomzending;
import nl.knooppunt.payload.Payload;
import nl.knooppunt.payload.Werkmap;
import nl.knooppunt.system.KnooppuntProperties;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The bytes of one push attempt. An ordinary bericht is read from the JMS message. A large one (an Artemis large
 * message, such as a 25 MB declaratie) is saved in chunks to a work file ({@link JmsInhoud}) and streamed
 * from there by the channel, so it is never whole in the heap. The work file is deleted when the attempt is over; if
 * the bericht goes to the DLQ, {@link Stroomzending} streams it there from the same file.
 */
@Component
public class PushInhoud {

    private final Werkmap werkmap;

    @Autowired
    PushInhoud(KnooppuntProperties properties) throws IOException {
        this(new Werkmap(properties.dataDir().resolve("push-werk")));
    }

    PushInhoud(Werkmap werkmap) {
        this.werkmap = werkmap;
    }

    /** Reads every bericht into memory: for the plain-Java tests of the push loop, which have no broker. */
    static PushInhoud inGeheugen() {
        return new PushInhoud((Werkmap) null);
    }

    /**
     * The route takes the JMS message unmapped ({@code mapJmsMessage=false}): Camel would otherwise read a large body
     * into one array before this step. The body is replaced by the bytes (or, for a large one, by nothing), so that
     * the DLQ send after a refusal has what it needs.
     */
    Payload van(Exchange exchange) throws IOException, JMSException {
        Message in = exchange.getMessage();
        Object body = in.getBody();
        if (werkmap != null && JmsInhoud.isGroot(body)) {
            Path werk = werkmap.nieuwBestand(exchange);
            JmsInhoud.bewaar((jakarta.jms.Message) body, werk);
            Payload payload = Payload.file(werk);
            in.setBody(new byte[0]);
            exchange.setProperty(Stroomzending.PROPERTY, payload);
            return payload;
        }
        byte[] bytes = body instanceof jakarta.jms.Message message ? JmsInhoud.bytes(message) : in.getBody(byte[].class);
        in.setBody(bytes);
        return Payload.of(bytes);
    }
}
