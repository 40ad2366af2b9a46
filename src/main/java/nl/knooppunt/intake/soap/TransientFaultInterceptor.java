package nl.knooppunt.intake.soap;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;

/**
 * A SOAP fault from Knooppunt means only one thing: a transient failure of the hub, and the sender may offer the
 * bericht again. The fault text says so and nothing else: no exception text, no stack trace, no content. The one
 * exception: a chunked request cut off at the size cap ({@link SoapOmvang}) is a client fault naming KP004.
 */
class TransientFaultInterceptor extends AbstractSoapInterceptor {

    static final String TEXT = "Tijdelijke storing in Knooppunt: het bericht is niet verwerkt. Bied het later opnieuw aan.";

    TransientFaultInterceptor() {
        super(Phase.PRE_LOGICAL);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if (message.getContent(Exception.class) instanceof Fault fault) {
            SoapOmvang.TeGroot teGroot = teGroot(fault);
            fault.setMessage(teGroot != null ? teGroot.getMessage() : TEXT);
            fault.setDetail(null);
            fault.setFaultCode(teGroot != null ? message.getVersion().getSender() : message.getVersion().getReceiver());
        }
    }

    /** A chunked request over the size cap is the sender's fault (KP004), not a transient one. */
    private static SoapOmvang.TeGroot teGroot(Throwable fault) {
        for (Throwable t = fault; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SoapOmvang.TeGroot teGroot) {
                return teGroot;
            }
        }
        return null;
    }
}
