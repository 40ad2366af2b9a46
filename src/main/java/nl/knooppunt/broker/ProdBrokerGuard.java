package nl.knooppunt.broker;

import org.springframework.boot.autoconfigure.jms.artemis.ArtemisProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * In production the hub talks to an external broker with credentials over TLS; it refuses to start otherwise, so a
 * misconfigured replica never sends berichten in the clear or to an open broker.
 */
@Component
@Profile("prod")
class ProdBrokerGuard {

    ProdBrokerGuard(ArtemisProperties artemis) {
        check(artemis.getBrokerUrl(), artemis.getUser(), artemis.getPassword());
    }

    static void check(String brokerUrl, String user, String password) {
        if (brokerUrl == null || brokerUrl.isBlank()) {
            throw new IllegalStateException("prod profile: set KNOOPPUNT_BROKER_URL (spring.artemis.broker-url)");
        }
        if (!brokerUrl.contains("sslEnabled=true")) {
            throw new IllegalStateException("prod profile: the broker URL must use TLS (sslEnabled=true)");
        }
        if (user == null || user.isBlank() || password == null || password.isBlank()) {
            throw new IllegalStateException("prod profile: set KNOOPPUNT_BROKER_USER and KNOOPPUNT_BROKER_PASSWORD");
        }
    }
}
