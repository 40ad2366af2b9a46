package nl.knooppunt.beheer;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BeheerConfiguration {

    /** The embedded broker's QueueControls when there is one; else core management messages to the external broker. */
    @Bean
    QueueAdmin queueAdmin(ObjectProvider<EmbeddedActiveMQ> embedded, ConnectionFactory connectionFactory) {
        EmbeddedActiveMQ broker = embedded.getIfAvailable();
        return broker != null ? new EmbeddedQueueAdmin(broker) : new ManagementQueueAdmin(connectionFactory);
    }
}
