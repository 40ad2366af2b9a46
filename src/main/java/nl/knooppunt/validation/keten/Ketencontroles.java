package nl.knooppunt.validation.keten;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import nl.knooppunt.intake.Bericht;
import nl.knooppunt.intake.BerichtType;
import nl.knooppunt.registry.Beoordeling;
import nl.knooppunt.routing.Route;
import nl.knooppunt.system.GroepCommit;
import nl.knooppunt.tracking.BerichtJournal;
import nl.knooppunt.validation.AfkeurException;
import nl.knooppunt.validation.Afkeurcode;
import nl.knooppunt.validation.Bevinding;
import nl.knooppunt.validation.Melding;
import nl.knooppunt.validation.termijn.Termijnbewaking;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * The route steps of control levels 3 and 4. {@code keten-controles} (validate route, after the XSD): duplicates and
 * TR056, then every {@link Ketencheck}; findings are kept on the bericht as signals. {@code keten-beoordeling} (route
 * route, after the routing decision, when the responsible gemeente is known): a gemeente with
 * {@code beoordeling: afkeuren} has the bericht rejected on them instead.
 */
@Component
public class Ketencontroles {

    private final GroepCommit groep;

    static final ZoneId NL = ZoneId.of("Europe/Amsterdam");
    private static final int MAX_MELDINGEN = 50;

    private final InhoudLezer lezer;
    private final Duplicaten duplicaten;
    private final KetenGeheugen geheugen;
    private final Ketenregister register;
    private final List<Ketencheck> checks;
    private final BerichtJournal journal;
    private final Termijnbewaking termijnen;

    public Ketencontroles(InhoudLezer lezer, Duplicaten duplicaten, KetenGeheugen geheugen, Ketenregister register,
                          List<Ketencheck> checks, BerichtJournal journal, Termijnbewaking termijnen,
                          GroepCommit groep) {
        this.groep = groep;
        this.termijnen = termijnen;
        this.lezer = lezer;
        this.duplicaten = duplicaten;
        this.geheugen = geheugen;
        this.register = register;
        this.checks = List.copyOf(checks);
        this.journal = journal;
    }

    /** Route step {@code keten-controles}. */
    public void controleer(@ExchangeProperty(Bericht.PROPERTY) Bericht bericht, Exchange exchange) {
        Inhoud inhoud = lezer.lees(bericht.payload(), bericht.info().type());
        exchange.setProperty(Inhoud.PROPERTY, inhoud);
        Duplicaten.Uitkomst uitkomst = groep.uitvoeren(() -> duplicaten.claim(inhoud, bericht.sha256(), bericht.traceerId()));
        switch (uitkomst.soort()) {
            case DUPLICAAT -> {
                bericht.meldingen().add(Afkeurcode.KP009.melding("eerder ontvangen als traceerId " + uitkomst.eerder()));
                journal.wijzig(bericht, Bericht.Status.DUPLICAAT);
                return;
            }
            case NIET_UNIEK -> {
                String pad = inhoud.type().name().matches("WMO30[2468]|WMO31[68]|WMO320")
                        ? "/Header[1]/IdentificatieRetour" : "/Header[1]/BerichtIdentificatie/Identificatie";
                Bevinding b = new Bevinding(duplicaten.id(), duplicaten.retourcode(), "Header", pad,
                        duplicaten.omschrijving() + " (eerder een ander bericht: traceerId " + uitkomst.eerder() + ")");
                throw new AfkeurException(List.of(melding(b)), false, List.of(b));
            }
            default -> {
                if (uitkomst.overgenomen() != null) {
                    journal.overgenomen(uitkomst.overgenomen(), Afkeurcode.KP009.melding("de verwerking van dit aanbod is "
                            + "afgebroken; het opnieuw aangeboden bericht (traceerId " + bericht.traceerId()
                            + ") is in de plaats gekomen"));
                }
            }
        }
        Controlecontext context = new Controlecontext(geheugen, register.registry(), register.productcodes(),
                LocalDate.now(NL));
        bericht.signalen().clear();
        for (Ketencheck check : checks) {
            bericht.signalen().addAll(check.controleer(inhoud, context));
        }
        termijnen.bereken(bericht, inhoud);
    }

    /** Filter of the validate route: an exact duplicate goes no further. */
    public boolean nieuw(@ExchangeProperty(Bericht.PROPERTY) Bericht bericht) {
        return bericht.status() != Bericht.Status.DUPLICAAT;
    }

    /** Route step {@code keten-beoordeling}: signals, or a rejection where the gemeente chose {@code afkeuren}. */
    public void beoordeel(@ExchangeProperty(Bericht.PROPERTY) Bericht bericht) {
        Route besluit = bericht.besluit();
        if (bericht.signalen().isEmpty() || besluit == null || besluit.triage()) {
            return;
        }
        String gemeente = beoordelaar(bericht);
        if (register.beoordeling(gemeente) != Beoordeling.AFKEUREN) {
            return;
        }
        List<Melding> meldingen = new ArrayList<>();
        for (Bevinding b : bericht.signalen()) {
            if (meldingen.size() < MAX_MELDINGEN) {
                meldingen.add(melding(b));
            }
        }
        List<Bevinding> bevindingen = List.copyOf(bericht.signalen());
        bericht.signalen().clear();
        throw new AfkeurException(meldingen, false, bevindingen);
    }

    /**
     * The gemeente whose {@code beoordeling} applies: for a bericht to a gemeente the one that executes (and receives)
     * it, for a gemeente's own bericht the sending gemeente.
     */
    static String beoordelaar(Bericht bericht) {
        if (bericht.info().type().richting() == BerichtType.Richting.NAAR_GEMEENTE
                && bericht.besluit().executing() != null) {
            return bericht.besluit().executing();
        }
        return bericht.info().gemeente();
    }

    static Melding melding(Bevinding b) {
        return new Melding(b.retourcode(), b.regel() + " " + b.berichtklasse() + " " + b.pad() + ": " + b.omschrijving());
    }

}
