package nl.knooppunt.system;

import nl.knooppunt.intake.Bericht;
import nl.knooppunt.validation.Masking;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The transient-failure handler's step: log the failure by traceerId, with the exception type and a masked message
 * (never the payload), once redelivery is exhausted. The exception then travels on to the channel (SOAP fault).
 */
@Component
public class Storing {

    private static final Logger log = LoggerFactory.getLogger(Storing.class);

    public void registreer(@ExchangeProperty(Bericht.PROPERTY) Bericht bericht,
                           @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable cause) {
        log.warn("traceerId={} tijdelijke storing: {}: {}", bericht == null ? "-" : bericht.traceerId(),
                cause.getClass().getSimpleName(), Masking.mask(cause.getMessage()));
    }
}
