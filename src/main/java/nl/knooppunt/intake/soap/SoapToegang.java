package nl.knooppunt.intake.soap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Optional;
import nl.knooppunt.registry.RegistryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The gate in front of {@code /ws/*}: the caller is the participant its TLS client certificate maps to, set as the
 * request attribute {@value #DEELNEMER}. A certificate that maps to no participant gets HTTP 403 with KP031. A request
 * without a certificate (the plain HTTP port) gets 403 with KP030, unless {@code knooppunt.soap.zonder-certificaat}
 * allows it and it comes from loopback: then it carries no participant.
 */
class SoapToegang extends OncePerRequestFilter {

    static final String DEELNEMER = "nl.knooppunt.soap.deelnemer";
    static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private static final Logger log = LoggerFactory.getLogger(SoapToegang.class);

    private final RegistryService registry;
    private final boolean zonderCertificaat;
    private final String tlsPoort;

    private final ApplicationEventPublisher events;

    SoapToegang(RegistryService registry, SoapProperties properties, ApplicationEventPublisher events) {
        this.registry = registry;
        this.events = events;
        this.zonderCertificaat = properties.zonderCertificaat();
        this.tlsPoort = properties.tls().actief() ? String.valueOf(properties.tls().port()) : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        X509Certificate[] certificaten = request.getAttribute(CERTIFICATES) instanceof X509Certificate[] c ? c : null;
        if (certificaten == null || certificaten.length == 0) {
            if (zonderCertificaat && !request.isSecure() && vanLoopback(request)) {
                chain.doFilter(request, response);
                return;
            }
            weiger(response, Toegangscode.KP030, tlsPoort == null ? null : "gebruik poort " + tlsPoort);
            return;
        }
        Optional<String> deelnemer = Certificaatidentiteit.deelnemer(certificaten[0], registry.current());
        if (deelnemer.isEmpty()) {
            log.warn("SOAP refused: client certificate {} (issuer {}) maps to no participant",
                    certificaten[0].getSubjectX500Principal().getName(), certificaten[0].getIssuerX500Principal().getName());
            weiger(response, Toegangscode.KP031, null);
            return;
        }
        request.setAttribute(DEELNEMER, deelnemer.get());
        events.publishEvent(new ClientCertificaatGezien(deelnemer.get(), certificaten[0]));
        chain.doFilter(request, response);
    }

    private static boolean vanLoopback(HttpServletRequest request) {
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    /** HTTP 403 with a SOAP 1.1 fault, so a SOAP client and curl both show the code and the reason. */
    private static void weiger(HttpServletResponse response, Toegangscode code, String detail) throws IOException {
        String tekst = code.name() + ": " + code.omschrijving() + (detail == null ? "" : " (" + detail + ")");
        clientFault(response, HttpServletResponse.SC_FORBIDDEN, tekst);
    }

    /** Answers a refused request before CXF sees it: this HTTP status with a SOAP 1.1 Client fault. */
    static void clientFault(HttpServletResponse response, int status, String tekst) throws IOException {
        response.setStatus(status);
        response.setContentType("text/xml;charset=UTF-8");
        byte[] body = ("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
                + "<faultcode>soap:Client</faultcode><faultstring>" + tekst + "</faultstring>"
                + "</soap:Fault></soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
