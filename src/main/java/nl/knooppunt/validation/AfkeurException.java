package nl.knooppunt.validation;

import java.util.List;

/**
 * The bericht is rejected (poison input, not a hub failure). Handled by the shared route configuration: the sender
 * gets AFGEKEURD with the meldingen; it is never retried. {@link #parkeren()} marks a valid bericht with no known
 * recipient, which is parked instead of dropped.
 */
public class AfkeurException extends RuntimeException {

    private final transient List<Melding> meldingen;
    private final boolean parkeren;
    private final transient List<Bevinding> bevindingen;

    public AfkeurException(List<Melding> meldingen, boolean parkeren) {
        this(meldingen, parkeren, List.of());
    }

    /**
     * @param bevindingen control level 2–4 findings: the sender gets a conformant retourbericht listing them (empty for
     *                    a transport-level rejection, level 1, which gets no retourbericht)
     */
    public AfkeurException(List<Melding> meldingen, boolean parkeren, List<Bevinding> bevindingen) {
        super(meldingen.get(0).code() + " " + meldingen.get(0).omschrijving(), null, false, false);
        this.meldingen = List.copyOf(meldingen);
        this.parkeren = parkeren;
        this.bevindingen = List.copyOf(bevindingen);
    }

    public static AfkeurException of(Afkeurcode code, String detail) {
        return new AfkeurException(List.of(code.melding(detail)), false);
    }

    public List<Melding> meldingen() {
        return meldingen;
    }

    public boolean parkeren() {
        return parkeren;
    }

    public List<Bevinding> bevindingen() {
        return bevindingen;
    }
}
