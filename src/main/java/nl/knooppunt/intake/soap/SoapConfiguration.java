package nl.knooppunt.intake.soap;

import javax.xml.namespace.QName;
import nl.knooppunt.intake.soap.api.BerichtenPortType;
import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** WSDL-first SOAP intake at {@code /ws/berichten} (cxf.path=/ws), MTOM enabled. */
@Configuration(proxyBeanMethods = false)
class SoapConfiguration {

    static final String NS = "urn:knooppunt:berichten:1";

    @Bean
    CxfEndpoint berichtenEndpoint() {
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setAddress("/berichten");
        endpoint.setServiceClass(BerichtenPortType.class);
        endpoint.setWsdlURL("classpath:schemas/knooppunt-berichten.wsdl");
        endpoint.setServiceNameAsQName(new QName(NS, "BerichtenService"));
        endpoint.setPortNameAsQName(new QName(NS, "BerichtenPort"));
        endpoint.setDataFormat(DataFormat.POJO);
        endpoint.setMtomEnabled(true);
        endpoint.getOutFaultInterceptors().add(new TransientFaultInterceptor());
        return endpoint;
    }
}
