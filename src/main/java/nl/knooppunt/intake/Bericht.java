package nl.knooppunt.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.knooppunt.payload.Payload;
import nl.knooppunt.routing.Route;
import nl.knooppunt.validation.Bevinding;
import nl.knooppunt.validation.Melding;

/**
 * One bericht on its way through the hub, carried as the exchange property {@value #PROPERTY}. The raw bytes are
 * exact as received; {@link #toString()} never shows them.
 */
public final class Bericht {

    public static final String PROPERTY = "knooppuntBericht";

    /** DUPLICAAT: the same bytes under the same Identificatie were accepted before; not delivered again (KP009). */
    public enum Status { ONTVANGEN, AFGEKEURD, GEROUTEERD, AFGELEVERD, GEPARKEERD, IN_TRIAGE, DUPLICAAT }

    private final String traceerId;
    private final String kanaal;
    private final String bestandsnaam;
    private final Instant ontvangenOp;
    private final Payload inhoud;
    private final String deelnemer;
    private BerichtInfo info;
    private Route besluit;
    private Status status = Status.ONTVANGEN;
    private final List<Melding> meldingen = new ArrayList<>();
    private final List<Bevinding> signalen = new ArrayList<>();
    private final List<nl.knooppunt.validation.termijn.Termijn> termijnen = new ArrayList<>();

    public Bericht(String traceerId, String kanaal, String bestandsnaam, Instant ontvangenOp, byte[] inhoud) {
        this(traceerId, kanaal, bestandsnaam, ontvangenOp, inhoud, null);
    }

    /**
     * @param deelnemer the participant the channel authenticated (AGB-code or gemeentecode: SFTP login, TLS client
     *                  certificate); null when the channel did not authenticate the sender
     */
    public Bericht(String traceerId, String kanaal, String bestandsnaam, Instant ontvangenOp, byte[] inhoud,
                   String deelnemer) {
        this(traceerId, kanaal, bestandsnaam, ontvangenOp, Payload.of(inhoud), deelnemer);
    }

    /** @param inhoud the bytes as received, in memory or (a large bericht) in the channel's file */
    public Bericht(String traceerId, String kanaal, String bestandsnaam, Instant ontvangenOp, Payload inhoud,
                   String deelnemer) {
        this.deelnemer = deelnemer;
        this.traceerId = traceerId;
        this.kanaal = kanaal;
        this.bestandsnaam = bestandsnaam;
        this.ontvangenOp = ontvangenOp;
        this.inhoud = inhoud;
    }

    public String traceerId() {
        return traceerId;
    }

    public String kanaal() {
        return kanaal;
    }

    public String bestandsnaam() {
        return bestandsnaam;
    }

    public Instant ontvangenOp() {
        return ontvangenOp;
    }

    /** The bytes as received; every reader on the hub's path streams them ({@link Payload#open()}). */
    public Payload payload() {
        return inhoud;
    }

    /** All bytes in one array: only for readers outside the hub's path (see {@link Payload#bytes()}). */
    public byte[] inhoud() {
        return inhoud.bytes();
    }

    /** SHA-256 of the bytes as received (hex), computed once: receipt, duplicates and the journal share it. */
    public String sha256() {
        return inhoud.sha256();
    }

    /** The participant the channel authenticated, or null when the channel did not authenticate the sender. */
    public String deelnemer() {
        return deelnemer;
    }

    public BerichtInfo info() {
        return info;
    }

    public void info(BerichtInfo info) {
        this.info = info;
    }

    public Route besluit() {
        return besluit;
    }

    public void besluit(Route besluit) {
        this.besluit = besluit;
    }

    public Status status() {
        return status;
    }

    public void status(Status status) {
        this.status = status;
    }

    public List<Melding> meldingen() {
        return meldingen;
    }

    /**
     * Findings of control levels 3–4 that did not reject the bericht (the gemeente assesses them): they travel as
     * signals in the delivery headers, the audit event and the status API.
     */
    public List<Bevinding> signalen() {
        return signalen;
    }

    /** Deadlines of the standard this bericht starts or meets (validation.termijn), for the audit event. */
    public List<nl.knooppunt.validation.termijn.Termijn> termijnen() {
        return termijnen;
    }

    /**
     * The sender's view: accepted once delivered to its recipient, or safely held for a person to route (triage), or
     * already accepted before (an exact duplicate, answered with KP009); parked or rejected is AFGEKEURD.
     */
    public boolean geaccepteerd() {
        return status == Status.AFGELEVERD || status == Status.IN_TRIAGE || status == Status.DUPLICAAT;
    }

    @Override
    public String toString() {
        return "Bericht[" + traceerId + ", " + kanaal + ", " + status + "]";
    }
}
