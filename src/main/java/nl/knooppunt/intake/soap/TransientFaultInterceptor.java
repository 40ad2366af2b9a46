package nl.knooppunt.intake.soap;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;

/**
 * A SOAP fault from Knooppunt means only one thing: a transient failure of the hub, and the sender may offer the
 * bericht again. The fault text says so and nothing else: no exception text, no stack trace, no content.
 */
class TransientFaultInterceptor extends AbstractSoapInterceptor {

    static final String TEXT = "Tijdelijke storing in Knooppunt: het bericht is niet verwerkt. Bied het later opnieuw aan.";

    TransientFaultInterceptor() {
        super(Phase.PRE_LOGICAL);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if (message.getContent(Exception.class) instanceof Fault fault) {
            fault.setMessage(TEXT);
            fault.setDetail(null);
            fault.setFaultCode(message.getVersion().getReceiver());
        }
    }
}
