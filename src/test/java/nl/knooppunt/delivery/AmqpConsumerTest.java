package nl.knooppunt.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.nio.charset.StandardCharsets;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import nl.knooppunt.testdata.BerichtBuilder;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Test;

/** A gemeente system consumes its queue with a stock AMQP 1.0 client, without credentials on the embedded broker. */
class AmqpConsumerTest extends SharedHubTest {

    @Test
    void gemeenteConsumesOverAmqp() throws Exception {
        String xml = BerichtBuilder.wmo323().gemeente("0505").identificatie("AMQP1").declaratieNummer("AMQP1").build();
        VerstuurBerichtAntwoord antwoord = send(xml);

        JmsConnectionFactory amqp = new JmsConnectionFactory("amqp://127.0.0.1:" + BROKER_PORT);
        try (Connection connection = amqp.createConnection()) {
            connection.start();
            Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("gemeente.0505"),
                    "traceerId = '" + antwoord.getTraceerId() + "'");
            BytesMessage m = (BytesMessage) consumer.receive(10_000);
            assertThat(m).isNotNull();
            byte[] body = new byte[(int) m.getBodyLength()];
            m.readBytes(body);
            assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(xml);
            assertThat(m.getStringProperty("berichtCode")).isEqualTo("484");
            assertThat(m.getStringProperty("executingGemeente")).isEqualTo("0505");
            m.acknowledge();
        }
    }
}
