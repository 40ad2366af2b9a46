package nl.knooppunt.validation.retour;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import nl.knooppunt.audit.AuditTrail;
import nl.knooppunt.delivery.Delivery;
import nl.knooppunt.intake.Bericht;
import nl.knooppunt.intake.BerichtInfo;
import nl.knooppunt.validation.AfkeurException;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps of the {@code retour-hub} flow: acting for the receiving party, the hub sends the sender of a heenbericht
 * rejected by in-message rules its conformant retourbericht, on the sender's own durable queue. The retour has its
 * own traceerId, derived from the heen's, so a resend of the same retour is dropped by the broker's duplicate check.
 */
@Component
public class Retourverzending {

    public static final String PROPERTY = "knooppuntRetour";
    public static final String EVENT = "RETOUR_VERZONDEN";
    private static final Logger log = LoggerFactory.getLogger(Retourverzending.class);
    private static final ZoneId NL = ZoneId.of("Europe/Amsterdam");

    private final Retourbouwer bouwer = new Retourbouwer();
    private final AuditTrail audit;

    public Retourverzending(AuditTrail audit) {
        this.audit = audit;
    }

    /** Filter in the rejection handler: level 2–4 findings on a heenbericht whose sender we know get a retour. */
    public boolean nodig(@ExchangeProperty(Bericht.PROPERTY) Bericht bericht,
                         @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception fout) {
        return fout instanceof AfkeurException afkeur && !afkeur.bevindingen().isEmpty()
                && bericht != null && bericht.info() != null
                && Retourbouwer.retourType(bericht.info().type()) != null && queue(bericht.info()) != null;
    }

    /** Builds the retour and sets the delivery headers; the body becomes the retour's bytes. */
    public byte[] bouw(@ExchangeProperty(Bericht.PROPERTY) Bericht bericht,
                       @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) AfkeurException afkeur, Message message,
                       Exchange exchange) {
        String traceerId = UUID.nameUUIDFromBytes((bericht.traceerId() + "/retour").getBytes(StandardCharsets.UTF_8))
                .toString();
        String identificatie = "KP" + traceerId.replace("-", "").substring(0, 10).toUpperCase();
        Retour retour = bouwer.bouw(bericht.payload(), bericht.info().type(), afkeur.bevindingen(), identificatie,
                LocalDate.now(NL));
        BerichtInfo heen = bericht.info();
        message.removeHeaders("*");
        message.setHeader("_AMQ_DUPL_ID", traceerId);
        message.setHeader("traceerId", traceerId);
        message.setHeader("heenTraceerId", bericht.traceerId());
        message.setHeader("kanaal", "KNOOPPUNT");
        message.setHeader("berichtType", retour.type().name());
        message.setHeader("berichtCode", retour.type().berichtCode());
        // a 30x retour copies the heen header; a 325 travels gemeente → aanbieder
        boolean declaratie = retour.type() == nl.knooppunt.intake.BerichtType.WMO325;
        message.setHeader("afzender", declaratie ? heen.ontvanger() : heen.afzender());
        message.setHeader("ontvanger", declaratie ? heen.afzender() : heen.ontvanger());
        message.setHeader("bestemming", heen.afzender());
        message.setHeader("retourcodes", String.join(",", retour.retourcodes()));
        message.setHeader("regels", String.join(",", retour.regels()));
        message.setHeader(Delivery.QUEUE, queue(heen));
        exchange.setProperty(PROPERTY, retour);
        return retour.inhoud();
    }

    /** After the send: the audit event; the bericht's status stays AFGEKEURD. */
    public void verzonden(@ExchangeProperty(Bericht.PROPERTY) Bericht bericht,
                          @ExchangeProperty(PROPERTY) Retour retour, Message message) {
        String traceerId = message.getHeader("traceerId", String.class);
        audit.record(bericht, EVENT, traceerId, retour.retourcodes());
        log.info("traceerId={} retourbericht {} ({}) naar {} verzonden, retourTraceerId={}", bericht.traceerId(),
                retour.type(), String.join(",", retour.regels()), message.getHeader(Delivery.QUEUE), traceerId);
    }

    /** The sender's own queue: {@code aanbieder.<agb>} or {@code gemeente.<code>}. */
    static String queue(BerichtInfo heen) {
        String afzender = heen.afzender();
        if (afzender == null) {
            return null;
        }
        return afzender.length() == 8 ? "aanbieder." + afzender : "gemeente." + afzender;
    }
}
