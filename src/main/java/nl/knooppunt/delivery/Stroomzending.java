package nl.knooppunt.delivery;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.io.IOException;
import java.io.InputStream;
import nl.knooppunt.broker.JmsInhoud;
import nl.knooppunt.payload.Payload;
import org.apache.camel.Exchange;
import org.apache.camel.component.jms.MessageCreatedStrategy;
import org.apache.camel.support.SynchronizationAdapter;
import org.springframework.stereotype.Component;

/**
 * Sends a large bericht as an Artemis large message streamed from its file: the body of the JMS message is the
 * stream ({@value #ARTEMIS_INPUT_STREAM}), which the Artemis client sends in chunks, so the bericht is never whole in
 * the heap. Used by the step {@code deliver-send} ({@code messageCreatedStrategy=#stroomzending}); only when
 * {@link Delivery#prepare} left a file-backed {@link Payload} in the exchange property {@value #PROPERTY} (other sends,
 * such as the nevenberichten, do not use this strategy).
 */
@Component
public class Stroomzending implements MessageCreatedStrategy {

    public static final String PROPERTY = "knooppuntStroom";
    static final String ARTEMIS_INPUT_STREAM = JmsInhoud.INPUT_STREAM;

    @Override
    public void onMessageCreated(Message message, Session session, Exchange exchange, Throwable cause) {
        Payload payload = exchange.getProperty(PROPERTY, Payload.class);
        if (payload == null || cause != null) {
            return;
        }
        if (!(message instanceof BytesMessage)) {
            throw new IllegalStateException("een groot bericht gaat alleen als BytesMessage, niet als "
                    + message.getClass().getSimpleName());
        }
        InputStream in = payload.open();
        // each attempt (a redelivered send) opens its own stream; all are closed when the exchange is done
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // a read-only file stream: nothing is lost when closing it fails
                }
            }
        });
        try {
            message.setObjectProperty(ARTEMIS_INPUT_STREAM, in);
        } catch (JMSException e) {
            throw new IllegalStateException("groot bericht kan niet gestreamd worden: " + e.getMessage(), e);
        }
    }
}
