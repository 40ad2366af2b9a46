package nl.knooppunt.intake.soap;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class SoapToegangsbeleidTest {

    @Test
    void withoutCertificatesOnlyOnLoopback() throws Exception {
        assertThatCode(() -> SoapToegangsbeleid.check(true, false, InetAddress.getByName("127.0.0.1"), false))
                .doesNotThrowAnyException();
        assertThatCode(() -> SoapToegangsbeleid.check(true, true, InetAddress.getByName("::1"), false))
                .doesNotThrowAnyException();

        assertThatThrownBy(() -> SoapToegangsbeleid.check(true, false, null, false))
                .hasMessageContaining("knooppunt.soap.zonder-certificaat=true")
                .hasMessageContaining("server.address is unset (all interfaces)");
        assertThatThrownBy(() -> SoapToegangsbeleid.check(true, true, InetAddress.getByName("0.0.0.0"), false))
                .hasMessageContaining("server.address is 0.0.0.0");
        assertThatThrownBy(() -> SoapToegangsbeleid.check(true, false, InetAddress.getByName("10.1.2.3"), false))
                .hasMessageContaining("server.address is 10.1.2.3");
    }

    @Test
    void neverWithoutCertificatesInProd() throws Exception {
        assertThatThrownBy(() -> SoapToegangsbeleid.check(true, true, InetAddress.getByName("127.0.0.1"), true))
                .hasMessageContaining("not allowed in the prod profile");
        assertThatCode(() -> SoapToegangsbeleid.check(false, true, InetAddress.getByName("0.0.0.0"), true))
                .doesNotThrowAnyException();
    }

    @Test
    void withCertificatesTheTlsConnectorMustBeConfigured() {
        assertThatThrownBy(() -> SoapToegangsbeleid.check(false, false, null, false))
                .hasMessageContaining("SOAP needs mutual TLS: set knooppunt.soap.tls.key-store");
        assertThatCode(() -> SoapToegangsbeleid.check(false, true, null, false)).doesNotThrowAnyException();
    }
}
