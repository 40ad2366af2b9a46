package nl.knooppunt.routing;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WoonadresConfiguration {

    /** The file-backed source, unless a deployment provides its own (a BRP adapter). */
    @Bean
    @ConditionalOnMissingBean(WoonadresBron.class)
    WoonadresBron woonadresBron(RoutingProperties regime) {
        return new BestandWoonadresBron(regime.woonadressen());
    }
}
