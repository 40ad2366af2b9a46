package nl.knooppunt.delivery.push;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.BytesMessage;
import java.util.UUID;
import nl.knooppunt.SharedHubTest;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/** The embedded broker as configured: dead-letter and expiry for every queue, never DROP, resends deduplicated. */
class BrokerSettingsTest extends SharedHubTest {

    @Autowired
    EmbeddedActiveMQ broker;
    @Autowired
    AfleveringProperties aflevering;

    @ParameterizedTest
    @ValueSource(strings = {"gemeente.0599", "gemeente.0613.informatie", "aanbieder.42420001", "knooppunt.onbestelbaar",
            "knooppunt.triage", "knooppunt.dlq", "knooppunt.expired", "audit.contractmanagement", "zorgkantoor.ZK29",
            "iets.anders"})
    void everyQueueHasADeadLetterAndExpiryAddressAndPagesWhenFull(String address) {
        AddressSettings s = broker.getActiveMQServer().getAddressSettingsRepository().getMatch(address);
        assertThat(s.getDeadLetterAddress().toString()).isEqualTo("knooppunt.dlq");
        assertThat(s.getExpiryAddress().toString()).isEqualTo("knooppunt.expired");
        assertThat(s.getAddressFullMessagePolicy()).isEqualTo(AddressFullMessagePolicy.PAGE);
    }

    @Test
    void theBrokerPagesToDiskOnceItsMessagesTakeTheConfiguredHeapAndLosesNone() throws Exception {
        assertThat(broker.getActiveMQServer().getConfiguration().getGlobalMaxSize()).isEqualTo(32L * 1024 * 1024);
        // a name from the metrics' allow-list (MetricLabelsTest), removed again at the end
        String queue = "knooppunt.geheugentest";
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        byte[] body = new byte[90 * 1024]; // under the 100 KiB from which Artemis stores a message as a file
        int aantal = 450;                  // about 40 MB: more than the 32 MB
        for (int i = 0; i < aantal; i++) {
            jms.send(queue, session -> {
                BytesMessage m = session.createBytesMessage();
                m.writeBytes(body);
                return m;
            });
        }
        assertThat(broker.getActiveMQServer().getPagingManager()
                .getPageStore(org.apache.activemq.artemis.api.core.SimpleString.of(queue)).isPaging())
                .as("paging, instead of holding 40 MB in the heap").isTrue();

        jms.setReceiveTimeout(5000);
        int ontvangen = 0;
        while (jms.receive(queue) != null) {
            ontvangen++;
        }
        assertThat(ontvangen).isEqualTo(aantal);
        broker.getActiveMQServer().destroyQueue(org.apache.activemq.artemis.api.core.SimpleString.of(queue));
    }

    @Test
    void participantQueuesRedeliverWithTheConfiguredBackoffAndTheDlqNeverDeadLetters() {
        AddressSettings s = broker.getActiveMQServer().getAddressSettingsRepository().getMatch("gemeente.0599");
        assertThat(s.getRedeliveryDelay()).isEqualTo(aflevering.eersteWachttijd().toMillis());
        assertThat(s.getMaxRedeliveryDelay()).isEqualTo(aflevering.maxWachttijd().toMillis());
        assertThat(s.getRedeliveryMultiplier()).isEqualTo(aflevering.vermenigvuldiger());
        assertThat(s.getMaxDeliveryAttempts()).isEqualTo(aflevering.maxPogingen() + 1);
        assertThat(broker.getActiveMQServer().getAddressSettingsRepository().getMatch("knooppunt.dlq")
                .getMaxDeliveryAttempts()).isEqualTo(-1);
    }

    @Test
    void aResendWithTheSameDuplicateIdIsDroppedByTheBroker() throws Exception {
        String traceerId = UUID.randomUUID().toString();
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        for (int i = 0; i < 2; i++) {
            int nr = i;
            jms.send("gemeente.0363", session -> {
                BytesMessage m = session.createBytesMessage();
                m.writeBytes(("poging " + nr).getBytes());
                m.setStringProperty("_AMQ_DUPL_ID", traceerId);
                m.setStringProperty("traceerId", traceerId);
                return m;
            });
        }
        assertThat(new String(bytes(receive("gemeente.0363", traceerId, 5_000)))).isEqualTo("poging 0");
        assertThat(receive("gemeente.0363", traceerId, 500)).as("the resend").isNull();
    }
}
