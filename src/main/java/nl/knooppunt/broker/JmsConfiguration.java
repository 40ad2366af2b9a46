package nl.knooppunt.broker;

import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class JmsConfiguration {

    @Bean
    CachingDestinationResolver knooppuntDestinationResolver() {
        return new CachingDestinationResolver();
    }

    @Bean
    ComponentCustomizer jmsDestinationResolver(CachingDestinationResolver resolver) {
        return ComponentCustomizer.forType(JmsComponent.class, jms -> jms.setDestinationResolver(resolver));
    }
}
