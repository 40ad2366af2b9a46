package nl.knooppunt.delivery;

import nl.knooppunt.intake.Bericht;
import nl.knooppunt.routing.Route;
import nl.knooppunt.system.GroepCommit;
import nl.knooppunt.toewijzing.ToewijzingStore;
import nl.knooppunt.tracking.BerichtJournal;
import nl.knooppunt.validation.keten.Inhoud;
import nl.knooppunt.validation.keten.KetenStore;
import nl.knooppunt.validation.termijn.Termijnbewaking;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * The deliver route's steps. The message on the queue carries the original bytes, unchanged, and headers that say
 * where it came from and why it went here; {@code _AMQ_DUPL_ID} = traceerId lets the broker drop a redelivered send.
 * None of the headers holds a BSN.
 */
@Component
public class Delivery {

    public static final String QUEUE = "bestemmingQueue";
    public static final String ONBESTELBAAR = "knooppunt.onbestelbaar";

    private final BerichtJournal journal;
    private final ToewijzingStore toewijzingen;
    private final KetenStore keten;
    private final Termijnbewaking termijnen;
    private final GroepCommit groep;

    public Delivery(BerichtJournal journal, ToewijzingStore toewijzingen, KetenStore keten, Termijnbewaking termijnen,
                    GroepCommit groep) {
        this.groep = groep;
        this.journal = journal;
        this.toewijzingen = toewijzingen;
        this.keten = keten;
        this.termijnen = termijnen;
    }

    public void gerouteerd(@ExchangeProperty(Bericht.PROPERTY) Bericht bericht) {
        BerichtJournal.Wijziging wijziging = journal.wijziging(bericht, Bericht.Status.GEROUTEERD);
        groep.uitvoeren(() -> journal.schrijf(wijziging));
    }

    public byte[] prepare(@ExchangeProperty(Bericht.PROPERTY) Bericht bericht, Message message) {
        message.removeHeaders("*");
        message.getExchange().removeProperty(Stroomzending.PROPERTY);
        Route besluit = bericht.besluit();
        // the content, not the traceerId: when a crash came between this send and its status update, the sender's
        // second offer (a new traceerId that takes over the claim, validation.keten.Duplicaten) is dropped by the broker
        message.setHeader("_AMQ_DUPL_ID", "bericht/" + (bericht.info() == null ? "-" : bericht.info().afzender()) + "/"
                + bericht.sha256());
        message.setHeader("traceerId", bericht.traceerId());
        message.setHeader("kanaal", bericht.kanaal());
        if (bericht.info() != null) {
            message.setHeader("berichtType", bericht.info().type().name());
            message.setHeader("berichtCode", bericht.info().berichtCode());
            message.setHeader("afzender", bericht.info().afzender());
            message.setHeader("ontvanger", bericht.info().ontvanger());
        }
        if (besluit != null) {
            message.setHeader("bestemming", besluit.bestemming());
            message.setHeader("responsibleGemeente", besluit.responsible());
            message.setHeader("executingGemeente", besluit.executing());
            message.setHeader("routingReason", besluit.reason().name());
            message.setHeader("routingTrail", String.join(" | ", besluit.regelspoor()));
            if (!besluit.signalen().isEmpty()) {
                message.setHeader("routingSignalen", besluit.signalen().stream().map(s -> s.code())
                        .distinct().collect(java.util.stream.Collectors.joining(",")));
            }
        }
        if (!bericht.signalen().isEmpty()) {
            // level 3–4 findings for the gemeente to assess (validation.keten); details in the status API and audit
            message.setHeader("signalen", nl.knooppunt.validation.keten.Signalen.regels(bericht));
            message.setHeader("signaalRetourcodes", nl.knooppunt.validation.keten.Signalen.retourcodes(bericht));
        }
        if (bericht.status() == Bericht.Status.GEPARKEERD) {
            message.setHeader(QUEUE, ONBESTELBAAR);
            // a released bericht may be parked again: each parking is its own send, or the duplicate cache drops it
            message.setHeader("_AMQ_DUPL_ID", bericht.traceerId() + "/" + java.util.UUID.randomUUID());
            message.setHeader("parkeerCode", bericht.meldingen().get(0).code());
        } else {
            message.setHeader(QUEUE, besluit.queue());
        }
        if (!bericht.payload().inMemory()) {
            // a large bericht: no body; the send streams it from its file (Stroomzending)
            message.getExchange().setProperty(Stroomzending.PROPERTY, bericht.payload());
            return null;
        }
        return bericht.inhoud();
    }

    /**
     * Step {@code deliver-afgeleverd}, after the send: the new status with its audit event, the toewijzing and keten
     * memory and the deadlines commit in one transaction (one commit per bericht instead of four; docs/performance.md).
     * When it fails, none of it is written and the bericht keeps the status it had, so the error handler gives its
     * claim back (or the recovery, delivery.Herstel, finishes it; the broker drops the repeated send by its duplicate id).
     * The transaction is a unit of a group commit (system.GroepCommit): its own savepoint, committed with the units of
     * other berichten that are ready at the same time.
     */
    public void afgeleverd(@ExchangeProperty(Bericht.PROPERTY) Bericht bericht,
                           @ExchangeProperty(Inhoud.PROPERTY) Inhoud inhoud) {
        Bericht.Status voor = bericht.status();
        Bericht.Status status = voor == Bericht.Status.GEPARKEERD ? Bericht.Status.GEPARKEERD
                : bericht.besluit().triage() ? Bericht.Status.IN_TRIAGE : Bericht.Status.AFGELEVERD;
        try {
            BerichtJournal.Wijziging wijziging = journal.wijziging(bericht, status);
            groep.uitvoeren(() -> {
                journal.schrijf(wijziging);
                toewijzingen.onthoud(bericht);
                keten.onthoud(bericht, inhoud);
                termijnen.registreer(bericht, inhoud);
            });
        } catch (RuntimeException | Error e) {
            bericht.status(voor);
            throw e;
        }
    }
}
