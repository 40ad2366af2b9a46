package nl.knooppunt.delivery;

import java.util.Map;

/**
 * One bericht (or retourbericht, or report) as it leaves the hub towards a participant's channel.
 *
 * @param traceerId    the hub's id, also the de-duplication key at the receiver
 * @param bestandsnaam a file name for file channels ({@code <traceerId>.xml} when the bericht had none)
 * @param headers      the delivery headers (routing trail, berichtCode, …), never a BSN
 */
public record Zending(String deelnemer, String traceerId, String bestandsnaam, byte[] inhoud,
                      Map<String, String> headers) {

    public Zending {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    @Override
    public String toString() {
        return "Zending[" + deelnemer + ", " + traceerId + "]";
    }
}
