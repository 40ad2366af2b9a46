package nl.knooppunt.delivery.push;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The outcome and time of the last push attempt per participant, for the health of the push targets: the hub reports
 * what its own attempts saw and never probes a target itself. Kept in memory; after a restart a target is unknown
 * until its first attempt.
 */
@Component
public class PushStatus {

    public record Poging(Instant tijdstip, boolean geslaagd, String reden) {
    }

    private final Map<String, Poging> laatste = new ConcurrentHashMap<>();

    void geslaagd(String deelnemer, Instant tijdstip) {
        laatste.put(deelnemer, new Poging(tijdstip, true, null));
    }

    void mislukt(String deelnemer, Instant tijdstip, String reden) {
        laatste.put(deelnemer, new Poging(tijdstip, false, reden));
    }

    /** Per participant (sorted) its last attempt. */
    public Map<String, Poging> laatste() {
        return new TreeMap<>(laatste);
    }
}
