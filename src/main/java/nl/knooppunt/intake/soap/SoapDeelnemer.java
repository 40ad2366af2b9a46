package nl.knooppunt.intake.soap;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.Message;
import org.apache.cxf.transport.http.AbstractHTTPDestination;

/** The participant {@link SoapToegang} authenticated for this SOAP request, read from the servlet request itself. */
final class SoapDeelnemer {

    /** camel-cxf puts the CXF message here; the servlet request hangs off it, out of any caller's reach. */
    static final String CXF_MESSAGE = "CamelCxfMessage";

    private SoapDeelnemer() {
    }

    /** The caller's gemeentecode or AGB-code, or null when it came without a certificate (loopback development). */
    static String van(Message message) {
        org.apache.cxf.message.Message cxf = message.getHeader(CXF_MESSAGE, org.apache.cxf.message.Message.class);
        Object request = cxf == null ? null : cxf.get(AbstractHTTPDestination.HTTP_REQUEST);
        return request instanceof HttpServletRequest http && http.getAttribute(SoapToegang.DEELNEMER) instanceof String d
                ? d : null;
    }
}
