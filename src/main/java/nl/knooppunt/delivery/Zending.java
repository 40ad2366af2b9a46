package nl.knooppunt.delivery;

import java.util.Map;
import nl.knooppunt.payload.Payload;

/**
 * One bericht (or retourbericht, or report) as it leaves the hub towards a participant's channel.
 *
 * @param traceerId    the hub's id, also the de-duplication key at the receiver
 * @param bestandsnaam a file name for file channels ({@code <traceerId>.xml} when the bericht had none)
 * @param inhoud       the bytes; a large bericht is not in memory, so a channel streams it ({@link Payload#open()})
 * @param headers      the delivery headers (routing trail, berichtCode, …), never a BSN
 */
public record Zending(String deelnemer, String traceerId, String bestandsnaam, Payload inhoud,
                      Map<String, String> headers) {

    public Zending {
        inhoud = inhoud == null ? Payload.of(new byte[0]) : inhoud;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public Zending(String deelnemer, String traceerId, String bestandsnaam, byte[] inhoud, Map<String, String> headers) {
        this(deelnemer, traceerId, bestandsnaam, Payload.of(inhoud), headers);
    }

    @Override
    public String toString() {
        return "Zending[" + deelnemer + ", " + traceerId + "]";
    }
}
