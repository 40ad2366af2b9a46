package nl.knooppunt.tracking;

import java.time.Instant;
import java.util.List;
import nl.knooppunt.routing.Signaal;
import nl.knooppunt.validation.Melding;

/**
 * Track & trace view of one bericht. Holds no BSN. {@code payloadVerwijderdOp}: when retention removed the bericht's
 * bytes (null while they are kept); the metadata stays.
 */
public record BerichtStatus(
        String traceerId,
        String status,
        String kanaal,
        Instant ontvangenOp,
        String berichttype,
        String berichtCode,
        String afzender,
        String ontvanger,
        String bestemming,
        String responsible,
        String executing,
        String reason,
        List<String> regelspoor,
        List<Signaal> signalen,
        List<Melding> meldingen,
        List<Gebeurtenis> historie,
        Instant payloadVerwijderdOp,
        List<nl.knooppunt.validation.termijn.Termijn> termijnen) {

    public record Gebeurtenis(String eventId, String eventType, Instant tijdstip) {
    }
}
