package nl.knooppunt.it.support;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.knooppunt.intake.soap.api.BerichtenPortType;
import nl.knooppunt.intake.soap.api.VerstuurBericht;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

/** An aanbieder's SOAP client (a real CXF client) on the hub's plain loopback port, with short timeouts. */
public final class SoapSender {

    private final BerichtenPortType port;

    public SoapSender(String url) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(BerichtenPortType.class);
        factory.setAddress(url);
        factory.setProperties(Map.of("mtom-enabled", true));
        port = (BerichtenPortType) factory.create();
        Client client = ClientProxy.getClient(port);
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(3_000);
        policy.setReceiveTimeout(30_000);
        ((HTTPConduit) client.getConduit()).setClient(policy);
    }

    public VerstuurBerichtAntwoord send(String bestandsnaam, String xml) {
        return send(bestandsnaam, xml.getBytes(StandardCharsets.UTF_8));
    }

    /** The bytes as they are (another encoding, a BOM, no XML at all). */
    public VerstuurBerichtAntwoord send(String bestandsnaam, byte[] bericht) {
        VerstuurBericht request = new VerstuurBericht();
        request.setBestandsnaam(bestandsnaam);
        request.setBericht(nl.knooppunt.intake.soap.SoapIntake.bijlage(bericht));
        return port.verstuurBericht(request);
    }
}
