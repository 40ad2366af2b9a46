package nl.knooppunt.broker;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.activemq.artemis.jms.client.ActiveMQMessage;

/**
 * The body of a received JMS message. An Artemis large message (from 100 KB on the wire) comes from the broker in
 * chunks, and is only whole in the heap if something reads it as one array: {@link #bewaar} writes it to a file chunk
 * by chunk instead ({@value #SAVE_STREAM}), as long as nothing read the body before.
 */
public final class JmsInhoud {

    static final String SAVE_STREAM = "JMS_AMQ_SaveStream";
    /** Set on an outgoing BytesMessage: the Artemis client sends the stream in chunks, as a large message. */
    public static final String INPUT_STREAM = "JMS_AMQ_InputStream";

    private JmsInhoud() {
    }

    public static boolean isGroot(Object message) {
        return message instanceof ActiveMQMessage artemis && artemis.getCoreMessage().isLargeMessage();
    }

    /** Writes the body into the file; returns when every chunk is written. A failed write leaves no file. */
    public static void bewaar(Message message, Path bestand) throws JMSException, IOException {
        try (OutputStream out = Files.newOutputStream(bestand)) {
            message.setObjectProperty(SAVE_STREAM, out);
        } catch (JMSException | IOException | RuntimeException e) {
            Files.deleteIfExists(bestand);
            throw e;
        }
    }

    /** The whole body in one array: for a message that is not large (or that is read whole on purpose). */
    public static byte[] bytes(Message message) throws JMSException {
        if (message instanceof BytesMessage bytes) {
            byte[] b = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(b);
            return b;
        }
        if (message instanceof TextMessage text) {
            return text.getText() == null ? new byte[0] : text.getText().getBytes(StandardCharsets.UTF_8);
        }
        throw new IllegalStateException("onverwacht berichtsoort: " + message.getClass().getSimpleName());
    }
}
