package nl.knooppunt.intake.soap;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.knooppunt.broker.JmsInhoud;
import nl.knooppunt.payload.Payload;
import nl.knooppunt.payload.Werkmap;
import nl.knooppunt.system.KnooppuntProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * A participant's mailbox: its own durable queue ({@code gemeente.<code>} or {@code aanbieder.<agb>}), never another.
 * {@link #haalOp} browses without taking anything; {@link #bevestig} takes exactly the acknowledged berichten, by
 * traceerId, in one JMS transaction. Uses its own connection per call: the shared caching factory would cache one
 * consumer per traceerId selector forever.
 */
@Component
class Postbus {

    static final String TRACEER_ID = "traceerId";
    /** One answer carries at most this many bytes of berichten (at least one bericht): 100 × 25 MB would not fit. */
    static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Logger log = LoggerFactory.getLogger(Postbus.class);

    record Item(String traceerId, String berichtCode, String berichtType, String afzender, String ontvanger,
                Payload inhoud) {
        @Override
        public String toString() {
            return "Item[" + traceerId + ", " + berichtCode + "]";
        }
    }

    record Opgehaald(List<Item> berichten, boolean meer) {
    }

    private final ConnectionFactory connectionFactory;
    private final Werkmap werkmap;

    @Autowired
    Postbus(ConnectionFactory connectionFactory, KnooppuntProperties properties) throws IOException {
        this(connectionFactory, new Werkmap(properties.dataDir().resolve("soap-ophalen")));
    }

    Postbus(ConnectionFactory connectionFactory, Werkmap werkmap) {
        this.connectionFactory = connectionFactory instanceof CachingConnectionFactory caching
                ? caching.getTargetConnectionFactory() : connectionFactory;
        this.werkmap = werkmap;
    }

    static String queue(String deelnemer) {
        return (deelnemer.length() == 4 ? "gemeente." : "aanbieder.") + deelnemer;
    }

    /**
     * The first {@code max} berichten waiting for the participant, in queue order, up to {@link #MAX_BYTES} in total;
     * nothing is taken off the queue. A large one (an Artemis large message) is saved in chunks to a work file, which
     * CXF streams into the answer as an MTOM attachment and which is deleted once it has been read.
     */
    Opgehaald haalOp(String deelnemer, int max) throws JMSException, IOException {
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            connection.start();
            Queue queue = session.createQueue(queue(deelnemer));
            List<Item> items = new ArrayList<>();
            boolean meer = false;
            long bytes = 0;
            try (QueueBrowser browser = session.createBrowser(queue)) {
                Enumeration<?> messages = browser.getEnumeration();
                while (messages.hasMoreElements()) {
                    Message message = (Message) messages.nextElement();
                    String traceerId = message.getStringProperty(TRACEER_ID);
                    if (traceerId == null) {
                        log.warn("Message {} on {} has no traceerId and cannot be fetched over SOAP",
                                message.getJMSMessageID(), queue.getQueueName());
                        continue;
                    }
                    if (items.size() == max) {
                        meer = true;
                        break;
                    }
                    long lengte = lengte(message);
                    if (!items.isEmpty() && bytes + lengte > MAX_BYTES) {
                        meer = true;
                        break;
                    }
                    Payload inhoud = inhoud(message);
                    bytes += inhoud.size();
                    items.add(new Item(traceerId, message.getStringProperty("berichtCode"),
                            message.getStringProperty("berichtType"), message.getStringProperty("afzender"),
                            message.getStringProperty("ontvanger"), inhoud));
                }
            }
            return new Opgehaald(items, meer);
        }
    }

    /**
     * Takes the berichten with these traceerIds off the participant's queue. Per traceerId: true when it was taken
     * now, false when it was not there (already acknowledged, unknown, malformed, or someone else's).
     */
    Map<String, Boolean> bevestig(String deelnemer, List<String> traceerIds) throws JMSException {
        Map<String, Boolean> resultaat = new LinkedHashMap<>();
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            connection.start();
            Queue queue = session.createQueue(queue(deelnemer));
            for (String traceerId : traceerIds) {
                if (traceerId == null || !UUID.matcher(traceerId).matches()) {
                    resultaat.put(String.valueOf(traceerId), false);
                    continue;
                }
                boolean genomen = false;
                try (MessageConsumer consumer = session.createConsumer(queue, TRACEER_ID + " = '" + traceerId + "'")) {
                    // a re-parked and released bericht can be there twice; take every copy
                    while (consumer.receiveNoWait() != null) {
                        genomen = true;
                    }
                }
                resultaat.merge(traceerId, genomen, Boolean::logicalOr);
            }
            session.commit();
        }
        return resultaat;
    }

    private static long lengte(Message message) throws JMSException {
        if (message instanceof BytesMessage bytes) {
            return bytes.getBodyLength();
        }
        return message instanceof TextMessage text && text.getText() != null
                ? text.getText().getBytes(StandardCharsets.UTF_8).length : 0;
    }

    private Payload inhoud(Message message) throws JMSException, IOException {
        if (JmsInhoud.isGroot(message)) {
            Path werk = werkmap.nieuwBestand();
            JmsInhoud.bewaar(message, werk);
            return Werkmap.eenmalig(werk);
        }
        return Payload.of(JmsInhoud.bytes(message));
    }
}
