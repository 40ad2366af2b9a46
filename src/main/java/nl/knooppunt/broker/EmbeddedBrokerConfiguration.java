package nl.knooppunt.broker;

import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.CoreQueueConfiguration;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Broker behaviour is explicit (never Artemis defaults): a dead-letter and expiry address for every queue, PAGE when an
 * address is full (never DROP), and queues that are not deleted when their consumer goes away.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.artemis.mode", havingValue = "embedded")
class EmbeddedBrokerConfiguration {

    static final String DLQ = "knooppunt.dlq";
    static final String EXPIRY = "knooppunt.expired";

    @Bean
    ArtemisConfigurationCustomizer knooppuntBroker(BrokerProperties broker) {
        return cfg -> {
            try {
                cfg.addAcceptorConfiguration("knooppunt",
                        "tcp://" + broker.host() + ":" + broker.port() + "?protocols=CORE,AMQP");
            } catch (Exception e) {
                throw new IllegalStateException("bad broker acceptor " + broker.host() + ":" + broker.port(), e);
            }
            // Embedded default: loopback only, so local clients may connect without credentials (prod uses an external broker).
            cfg.setSecurityEnabled(false);
            // 3.3 ms default makes every durable send wait for the next journal flush (stack.md P13)
            cfg.setJournalBufferTimeout_NIO((int) broker.journalBufferTimeout().toNanos());
            cfg.setJMXManagementEnabled(false);
            // every address pages to disk (PAGE below) once the messages in memory reach this, not at half the heap
            cfg.setGlobalMaxSize(broker.globalMaxSize().toBytes());
            for (String q : new String[] {DLQ, EXPIRY}) {
                cfg.addAddressConfiguration(new CoreAddressConfiguration().setName(q).addRoutingType(RoutingType.ANYCAST)
                        .addQueueConfiguration(new CoreQueueConfiguration().setName(q).setAddress(q)
                                .setRoutingType(RoutingType.ANYCAST).setDurable(true)));
            }
            cfg.addAddressSetting("#", new AddressSettings()
                    .setDeadLetterAddress(SimpleString.of(DLQ))
                    .setExpiryAddress(SimpleString.of(EXPIRY))
                    .setMaxDeliveryAttempts(broker.maxDeliveryAttempts())
                    .setRedeliveryDelay(1000).setRedeliveryMultiplier(2).setMaxRedeliveryDelay(60_000)
                    .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE)
                    .setAutoCreateQueues(true).setAutoCreateAddresses(true)
                    .setAutoDeleteQueues(false).setAutoDeleteAddresses(false)
                    .setDefaultAddressRoutingType(RoutingType.ANYCAST)
                    .setDefaultQueueRoutingType(RoutingType.ANYCAST));
        };
    }
}
