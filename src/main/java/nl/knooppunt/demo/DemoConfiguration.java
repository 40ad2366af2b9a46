package nl.knooppunt.demo;

import jakarta.jms.ConnectionFactory;
import nl.knooppunt.intake.sftp.SftpMappen;
import nl.knooppunt.intake.sftp.SftpServer;
import nl.knooppunt.system.KnooppuntProperties;
import org.apache.camel.CamelContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Demo mode: on with {@code knooppunt.demo.enabled=true}, which the profile {@code demo} sets (application-demo.yml). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "knooppunt.demo.enabled", havingValue = "true")
class DemoConfiguration {

    /** Static: runs before the registry loads, so the demo's registry file and keys exist by then. */
    @Bean
    static DemoVoorbereiding demoVoorbereiding(Environment environment) {
        return new DemoVoorbereiding(environment);
    }

    @Bean
    Demo demo(DemoProperties properties, KnooppuntProperties hub, ConnectionFactory connectionFactory,
              SftpServer sftpServer, SftpMappen sftpMappen, Environment environment, CamelContext camel) {
        return new Demo(properties, hub, connectionFactory, sftpServer, sftpMappen, environment, camel);
    }
}
