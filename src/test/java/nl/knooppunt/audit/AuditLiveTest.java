package nl.knooppunt.audit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;
import org.junit.jupiter.api.Test;

/** Live dashboards subscribe to the multicast address audit.live; every subscriber gets every event. */
class AuditLiveTest extends SharedHubTest {

    @Test
    void twoSubscribersEachGetTheEventsOfABericht() throws Exception {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer eerste = session.createConsumer(session.createTopic("audit.live"),
                    null, false);
            MessageConsumer tweede = session.createConsumer(session.createTopic("audit.live"));
            connection.start();

            VerstuurBerichtAntwoord antwoord = send(BerichtBuilder.wmo315().bsn(TestBsn.nth(310))
                    .identificatie("LIVE315-01").build());

            for (MessageConsumer consumer : List.of(eerste, tweede)) {
                assertThat(eventTypes(consumer, antwoord.getTraceerId())).contains("ONTVANGEN");
            }
        }
    }

    /** Reads the live stream until this bericht's first event arrives (other tests publish too), up to 10 s each. */
    private List<String> eventTypes(MessageConsumer consumer, String traceerId) throws Exception {
        List<String> types = new ArrayList<>();
        long einde = System.currentTimeMillis() + 10_000;
        while (types.isEmpty() && System.currentTimeMillis() < einde) {
            TextMessage m = (TextMessage) consumer.receive(Math.max(1, einde - System.currentTimeMillis()));
            if (m != null && traceerId.equals(json.readTree(m.getText()).get("traceerId").asText())) {
                types.add(json.readTree(m.getText()).get("eventType").asText());
            }
        }
        return types;
    }
}
