package nl.knooppunt.validation;

import java.util.stream.Collectors;
import nl.knooppunt.intake.Bericht;
import nl.knooppunt.tracking.BerichtJournal;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The poison-input handler's first step: record why a bericht is rejected, or mark it to be parked. */
@Component
public class Afkeuring {

    private static final Logger log = LoggerFactory.getLogger(Afkeuring.class);

    private final BerichtJournal journal;

    public Afkeuring(BerichtJournal journal) {
        this.journal = journal;
    }

    public void registreer(@ExchangeProperty(Bericht.PROPERTY) Bericht bericht,
                           @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) AfkeurException afkeur) {
        bericht.meldingen().addAll(afkeur.meldingen());
        String codes = afkeur.meldingen().stream().map(Melding::code).distinct().collect(Collectors.joining(","));
        if (afkeur.parkeren()) {
            // persisted by the deliver route once the bericht is safely on the parking queue
            bericht.status(Bericht.Status.GEPARKEERD);
            log.info("traceerId={} onbestelbaar ({}), wordt geparkeerd", bericht.traceerId(), codes);
        } else {
            journal.wijzig(bericht, Bericht.Status.AFGEKEURD);
            log.info("traceerId={} afgekeurd ({})", bericht.traceerId(), codes);
        }
    }

    public boolean geparkeerd(@ExchangeProperty(Bericht.PROPERTY) Bericht bericht) {
        return bericht.status() == Bericht.Status.GEPARKEERD;
    }
}
