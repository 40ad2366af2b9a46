package nl.knooppunt.intake.soap;

import java.net.InetAddress;
import java.net.UnknownHostException;
import nl.knooppunt.registry.RegistryService;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * SOAP over mutual TLS: an extra Tomcat connector on {@code knooppunt.soap.tls.port} with {@code clientAuth=need} and
 * TLS 1.2/1.3 only, next to the plain main port (dashboard, actuator, REST). {@link SoapToegang} keeps {@code /ws/*}
 * to that connector and maps the certificate to the caller. Spring Boot's {@code server.ssl} is not used: it would put
 * TLS on the main port instead.
 */
@Configuration(proxyBeanMethods = false)
class SoapTlsConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> soapTlsConnector(SoapProperties properties,
                                                                               ServerProperties server,
                                                                               Environment environment) {
        SoapToegangsbeleid.check(properties.zonderCertificaat(), properties.tls().actief(), server.getAddress(),
                environment.acceptsProfiles(Profiles.of("prod")));
        return factory -> {
            if (properties.tls().actief()) {
                factory.addAdditionalTomcatConnectors(connector(properties.tls()));
            }
        };
    }

    @Bean
    FilterRegistrationBean<SoapToegang> soapToegang(RegistryService registry, SoapProperties properties,
                                                    org.springframework.context.ApplicationEventPublisher events) {
        FilterRegistrationBean<SoapToegang> registration = new FilterRegistrationBean<>(
                new SoapToegang(registry, properties, events));
        registration.addUrlPatterns("/ws/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Right after the certificate gate: an oversized request is refused before CXF reads it (SoapOmvang). */
    @Bean
    FilterRegistrationBean<SoapOmvang> soapOmvang(nl.knooppunt.system.KnooppuntProperties knooppunt) {
        FilterRegistrationBean<SoapOmvang> registration =
                new FilterRegistrationBean<>(new SoapOmvang(knooppunt.maxBerichtSize().toBytes()));
        registration.addUrlPatterns("/ws/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    static Connector connector(SoapProperties.Tls tls) {
        Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        connector.setPort(tls.port());
        connector.setScheme("https");
        connector.setSecure(true);
        AbstractHttp11Protocol<?> protocol = (AbstractHttp11Protocol<?>) connector.getProtocolHandler();
        if (tls.address() != null && !tls.address().isBlank()) {
            try {
                protocol.setAddress(InetAddress.getByName(tls.address()));
            } catch (UnknownHostException e) {
                throw new IllegalStateException("knooppunt.soap.tls.address: unknown host " + tls.address(), e);
            }
        }
        protocol.setSSLEnabled(true);
        SSLHostConfig ssl = new SSLHostConfig();
        ssl.setProtocols("+" + String.join("+", tls.protocols()));
        ssl.setCertificateVerification("required");
        ssl.setTruststoreFile(tls.trustStore().toAbsolutePath().toString());
        ssl.setTruststoreType(tls.trustStoreType());
        if (tls.trustStorePassword() != null) {
            ssl.setTruststorePassword(tls.trustStorePassword().waarde());
        }
        SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(ssl, SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateKeystoreFile(tls.keyStore().toAbsolutePath().toString());
        certificate.setCertificateKeystoreType(tls.keyStoreType());
        if (tls.keyStorePassword() != null) {
            certificate.setCertificateKeystorePassword(tls.keyStorePassword().waarde());
        }
        ssl.addCertificate(certificate);
        protocol.addSslHostConfig(ssl);
        return connector;
    }
}
