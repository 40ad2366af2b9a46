package nl.knooppunt.intake.soap;

import jakarta.activation.DataHandler;
import jakarta.jms.JMSException;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import nl.knooppunt.intake.soap.api.BevestigOntvangst;
import nl.knooppunt.intake.soap.api.BevestigOntvangstAntwoord;
import nl.knooppunt.intake.soap.api.Bevestiging;
import nl.knooppunt.intake.soap.api.Bevestigingsresultaat;
import nl.knooppunt.intake.soap.api.HaalBerichtenOp;
import nl.knooppunt.intake.soap.api.HaalBerichtenOpAntwoord;
import nl.knooppunt.intake.soap.api.OpgehaaldBericht;
import nl.knooppunt.intake.soap.api.StatusOpvragen;
import nl.knooppunt.intake.soap.api.StatusOpvragenAntwoord;
import nl.knooppunt.payload.PayloadBron;
import nl.knooppunt.registry.Kanaal;
import nl.knooppunt.registry.RegistryService;
import nl.knooppunt.tracking.BerichtQueries;
import nl.knooppunt.tracking.BerichtStatus;
import org.apache.camel.Body;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The SOAP operations besides VerstuurBericht, one route step each. Each works for the authenticated caller only:
 * its own mailbox, and the status of berichten it sent or received.
 */
@Component
public class SoapOperaties {

    static final int STANDAARD_MAX = 10;
    static final String ONBEKEND = "ONBEKEND";

    private static final Logger log = LoggerFactory.getLogger(SoapOperaties.class);

    private final Postbus postbus;
    private final BerichtQueries queries;
    private final RegistryService registry;
    private final int maxOphalen;

    SoapOperaties(Postbus postbus, BerichtQueries queries, RegistryService registry, SoapProperties properties) {
        this.postbus = postbus;
        this.queries = queries;
        this.registry = registry;
        this.maxOphalen = properties.maxOphalen();
    }

    public HaalBerichtenOpAntwoord haalBerichtenOp(@Body List<?> parameters, Message message)
            throws JMSException, IOException {
        HaalBerichtenOp request = (HaalBerichtenOp) parameters.get(0);
        String deelnemer = SoapDeelnemer.van(message);
        message.removeHeaders("*");
        HaalBerichtenOpAntwoord antwoord = new HaalBerichtenOpAntwoord();
        if (deelnemer == null) {
            antwoord.getMeldingen().add(Toegangscode.KP032.melding(null));
            return antwoord;
        }
        Kanaal kanaal = registry.current().kanaal(deelnemer);
        if (kanaal.soort() != Kanaal.Soort.QUEUE) {
            antwoord.getMeldingen().add(Toegangscode.KP033.melding("kanaal " + kanaal.soort().name().toLowerCase()));
            return antwoord;
        }
        int max = Math.max(1, Math.min(request.getMax() == null ? STANDAARD_MAX : request.getMax(), maxOphalen));
        Postbus.Opgehaald opgehaald = postbus.haalOp(deelnemer, max);
        opgehaald.berichten().forEach(item -> {
            OpgehaaldBericht bericht = new OpgehaaldBericht();
            bericht.setTraceerId(item.traceerId());
            bericht.setBerichtCode(item.berichtCode());
            bericht.setBerichtType(item.berichtType());
            bericht.setAfzender(item.afzender());
            bericht.setOntvanger(item.ontvanger());
            bericht.setBericht(new DataHandler(new PayloadBron(item.inhoud())));
            antwoord.getBericht().add(bericht);
        });
        antwoord.setMeer(opgehaald.meer());
        log.info("HaalBerichtenOp by {}: {} bericht(en), meer={}", deelnemer, opgehaald.berichten().size(), opgehaald.meer());
        return antwoord;
    }

    public BevestigOntvangstAntwoord bevestigOntvangst(@Body List<?> parameters, Message message) throws JMSException {
        BevestigOntvangst request = (BevestigOntvangst) parameters.get(0);
        String deelnemer = SoapDeelnemer.van(message);
        message.removeHeaders("*");
        BevestigOntvangstAntwoord antwoord = new BevestigOntvangstAntwoord();
        if (deelnemer == null) {
            antwoord.getMeldingen().add(Toegangscode.KP032.melding(null));
            return antwoord;
        }
        List<String> ids = request.getTraceerId().stream().limit(maxOphalen).toList();
        Map<String, Boolean> resultaat = postbus.bevestig(deelnemer, ids);
        resultaat.forEach((traceerId, genomen) -> {
            Bevestiging bevestiging = new Bevestiging();
            bevestiging.setTraceerId(traceerId);
            bevestiging.setResultaat(genomen ? Bevestigingsresultaat.VERWIJDERD : Bevestigingsresultaat.NIET_IN_POSTBUS);
            antwoord.getBevestiging().add(bevestiging);
        });
        if (request.getTraceerId().size() > ids.size()) {
            antwoord.getMeldingen().add(Toegangscode.KP034.melding("alleen de eerste " + maxOphalen + " zijn verwerkt"));
        }
        log.info("BevestigOntvangst by {}: {} verwijderd, {} niet in postbus", deelnemer,
                resultaat.values().stream().filter(b -> b).count(), resultaat.values().stream().filter(b -> !b).count());
        return antwoord;
    }

    public StatusOpvragenAntwoord statusOpvragen(@Body List<?> parameters, Message message) {
        StatusOpvragen request = (StatusOpvragen) parameters.get(0);
        String deelnemer = SoapDeelnemer.van(message);
        message.removeHeaders("*");
        StatusOpvragenAntwoord antwoord = new StatusOpvragenAntwoord();
        antwoord.setTraceerId(request.getTraceerId());
        antwoord.setStatus(ONBEKEND);
        if (deelnemer == null) {
            antwoord.getMeldingen().add(Toegangscode.KP032.melding(null));
            return antwoord;
        }
        Optional<BerichtStatus> gevonden = request.getTraceerId() == null ? Optional.empty()
                : queries.find(request.getTraceerId()).filter(s -> betrokken(s, deelnemer));
        gevonden.ifPresent(status -> {
            antwoord.setStatus(status.status());
            antwoord.setBerichtCode(status.berichtCode());
            antwoord.setAfzender(status.afzender());
            antwoord.setOntvanger(status.ontvanger());
            antwoord.setOntvangenOp(datumTijd(status));
            status.meldingen().forEach(m -> {
                nl.knooppunt.intake.soap.api.Melding melding = new nl.knooppunt.intake.soap.api.Melding();
                melding.setCode(m.code());
                melding.setOmschrijving(m.omschrijving());
                antwoord.getMeldingen().add(melding);
            });
        });
        return antwoord;
    }

    /** The sender, the addressee in the header, or the participant it was delivered to (a centrumgemeente). */
    static boolean betrokken(BerichtStatus status, String deelnemer) {
        Set<String> partijen = Stream.of(status.afzender(), status.ontvanger(), status.bestemming())
                .filter(p -> p != null).collect(Collectors.toSet());
        return partijen.contains(deelnemer);
    }

    private static javax.xml.datatype.XMLGregorianCalendar datumTijd(BerichtStatus status) {
        try {
            return DatatypeFactory.newInstance().newXMLGregorianCalendar(
                    GregorianCalendar.from(status.ontvangenOp().atZone(ZoneOffset.UTC)));
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
