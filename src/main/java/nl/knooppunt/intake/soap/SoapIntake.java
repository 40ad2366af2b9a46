package nl.knooppunt.intake.soap;

import java.util.List;
import nl.knooppunt.intake.Bericht;
import nl.knooppunt.intake.Kanaalantwoord;
import nl.knooppunt.intake.Ontvangst;
import nl.knooppunt.intake.soap.api.Status;
import nl.knooppunt.intake.soap.api.VerstuurBericht;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * The SOAP channel's VerstuurBericht steps: unwrap the request into a receipt for the authenticated caller, and answer
 * with traceerId, status and meldingen.
 */
@Component
public class SoapIntake implements Kanaalantwoord {

    public static final String KANAAL = "SOAP";

    private final Ontvangst ontvangst;

    public SoapIntake(Ontvangst ontvangst) {
        this.ontvangst = ontvangst;
    }

    /** The caller authenticated by its client certificate becomes the bericht's deelnemer (KP008 on a spoofed Afzender). */
    public Bericht ontvang(@Body List<?> parameters, Message message) {
        VerstuurBericht request = (VerstuurBericht) parameters.get(0);
        return ontvangst.ontvang(request.getBericht(), request.getBestandsnaam(), KANAAL, SoapDeelnemer.van(message));
    }

    @Override
    public String kanaal() {
        return KANAAL;
    }

    /** Also the poison handler's last step (through {@code antwoord}), so a rejected bericht gets the same answer. */
    @Override
    public VerstuurBerichtAntwoord antwoord(@ExchangeProperty(Bericht.PROPERTY) Bericht bericht, Message message) {
        message.removeHeaders("*");
        VerstuurBerichtAntwoord antwoord = new VerstuurBerichtAntwoord();
        antwoord.setTraceerId(bericht.traceerId());
        antwoord.setStatus(bericht.geaccepteerd() ? Status.GEACCEPTEERD : Status.AFGEKEURD);
        bericht.meldingen().forEach(m -> {
            nl.knooppunt.intake.soap.api.Melding melding = new nl.knooppunt.intake.soap.api.Melding();
            melding.setCode(m.code());
            melding.setOmschrijving(m.omschrijving());
            antwoord.getMeldingen().add(melding);
        });
        return antwoord;
    }
}
