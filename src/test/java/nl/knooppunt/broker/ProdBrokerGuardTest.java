package nl.knooppunt.broker;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProdBrokerGuardTest {

    private static final String TLS = "(tcp://artemis-1:61617,tcp://artemis-2:61617)?ha=true&sslEnabled=true";

    @Test
    void refusesAnUnencryptedBroker() {
        assertThatThrownBy(() -> ProdBrokerGuard.check("tcp://artemis:61616", "hub", "secret"))
                .hasMessageContaining("sslEnabled=true");
    }

    @Test
    void refusesMissingCredentials() {
        assertThatThrownBy(() -> ProdBrokerGuard.check(TLS, "hub", " "))
                .hasMessageContaining("KNOOPPUNT_BROKER_PASSWORD");
        assertThatThrownBy(() -> ProdBrokerGuard.check(TLS, null, "secret"))
                .hasMessageContaining("KNOOPPUNT_BROKER_USER");
    }

    @Test
    void refusesMissingUrl() {
        assertThatThrownBy(() -> ProdBrokerGuard.check(null, "hub", "secret")).hasMessageContaining("KNOOPPUNT_BROKER_URL");
    }

    @Test
    void acceptsTlsWithCredentials() {
        assertThatCode(() -> ProdBrokerGuard.check(TLS, "hub", "secret")).doesNotThrowAnyException();
    }
}
