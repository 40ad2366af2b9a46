package nl.knooppunt.delivery.push;

import jakarta.activation.DataHandler;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import nl.knooppunt.delivery.Afleverkanaal;
import nl.knooppunt.delivery.Zending;
import nl.knooppunt.delivery.push.ontvang.OntvangBericht;
import nl.knooppunt.delivery.push.ontvang.OntvangPortType;
import nl.knooppunt.payload.PayloadBron;
import nl.knooppunt.registry.Kanaal;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.springframework.stereotype.Component;

/**
 * SOAP push: calls {@code OntvangBericht} (schemas/knooppunt-ontvang.wsdl) on the participant's service with a CXF
 * client; traceerId is the idempotency key. With the setting {@code mtom: "true"} the bericht goes as an MTOM
 * attachment, streamed from where it is (a large one from its work file, {@link PushInhoud}). An answer = delivered;
 * a fault with faultcode Client = refused (DLQ); any other fault, HTTP error or timeout = try again later. With {@code keystoreFile} the client presents that
 * certificate (mutual TLS); its password comes from the environment variable {@code keystorePasswordEnv}.
 */
@Component
class SoapAfleverkanaal implements Afleverkanaal {

    private final AfleveringProperties properties;

    SoapAfleverkanaal(AfleveringProperties properties) {
        this.properties = properties;
    }

    @Override
    public Kanaal.Soort soort() {
        return Kanaal.Soort.SOAP;
    }

    @Override
    public void lever(Kanaal kanaal, Zending zending) throws Afleverfout {
        OntvangBericht request = new OntvangBericht();
        request.setTraceerId(zending.traceerId());
        request.setBestandsnaam(zending.bestandsnaam());
        request.setBerichtCode(zending.headers().get("berichtCode"));
        request.setAfzender(zending.headers().get("afzender"));
        request.setBericht(new DataHandler(new PayloadBron(zending.inhoud())));
        OntvangPortType port = client(kanaal.instellingen());
        try {
            port.ontvangBericht(request);
        } catch (SOAPFaultException e) {
            String faultCode = e.getFault() == null ? "" : e.getFault().getFaultCodeAsQName().getLocalPart();
            throw fout(faultCode, e.getMessage());
        } catch (WebServiceException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof SoapFault fault) {
                throw fout(fault.getFaultCode() == null ? "" : fault.getFaultCode().getLocalPart(), fault.getMessage());
            }
            throw Afleverfout.tijdelijk("SOAP_VERBINDING", cause.getClass().getSimpleName() + " " + cause.getMessage());
        } finally {
            ClientProxy.getClient(port).destroy();
        }
    }

    private static Afleverfout fout(String faultCode, String message) {
        if ("Client".equals(faultCode) || "Sender".equals(faultCode)) {
            return Afleverfout.permanent("SOAP_FAULT_CLIENT", "ontvanger weigert het bericht: " + message);
        }
        return Afleverfout.tijdelijk("SOAP_FAULT", message);
    }

    private OntvangPortType client(Map<String, String> s) throws Afleverfout {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(OntvangPortType.class);
        factory.setAddress(s.get("url"));
        if ("true".equals(s.get("mtom"))) {
            // the bericht as an attachment, written from its source in chunks; inline base64 needs it whole in memory
            factory.setProperties(new HashMap<>(Map.of("mtom-enabled", Boolean.TRUE)));
        }
        OntvangPortType port = (OntvangPortType) factory.create();
        Client client = ClientProxy.getClient(port);
        HTTPConduit conduit = (HTTPConduit) client.getConduit();
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(properties.timeout().toMillis());
        policy.setReceiveTimeout(properties.timeout().toMillis());
        policy.setAllowChunking(false);
        policy.setAutoRedirect(false);
        conduit.setClient(policy);
        if (s.containsKey("keystoreFile")) {
            TLSClientParameters tls = new TLSClientParameters();
            tls.setKeyManagers(keyManagers(Path.of(s.get("keystoreFile")), s.get("keystorePasswordEnv")));
            tls.setDisableCNCheck(false);
            conduit.setTlsClientParameters(tls);
        }
        return port;
    }

    private static javax.net.ssl.KeyManager[] keyManagers(Path file, String passwordEnv) throws Afleverfout {
        String password = System.getenv(passwordEnv);
        if (password == null) {
            throw Afleverfout.tijdelijk("KEYSTORE", "omgevingsvariabele " + passwordEnv + " is niet gezet");
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password.toCharArray());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password.toCharArray());
            return kmf.getKeyManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw Afleverfout.tijdelijk("KEYSTORE", "keystoreFile " + file + " is niet bruikbaar: "
                    + e.getClass().getSimpleName());
        }
    }
}
