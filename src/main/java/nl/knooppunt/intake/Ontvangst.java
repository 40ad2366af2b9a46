package nl.knooppunt.intake;

import java.time.Instant;
import nl.knooppunt.payload.Payload;
import nl.knooppunt.payload.PayloadStore;
import nl.knooppunt.system.GroepCommit;
import nl.knooppunt.system.Ids;
import nl.knooppunt.system.KnooppuntProperties;
import nl.knooppunt.tracking.BerichtJournal;
import nl.knooppunt.validation.Masking;
import org.springframework.stereotype.Component;

/** Receipt, the same for every channel: a traceerId, the raw bytes into the payload store, an ONTVANGEN event. */
@Component
public class Ontvangst {

    private final BerichtJournal journal;
    private final GroepCommit groep;
    private final PayloadStore payloads;
    private final long maxSize;

    public Ontvangst(BerichtJournal journal, GroepCommit groep, PayloadStore payloads, KnooppuntProperties properties) {
        this.journal = journal;
        this.payloads = payloads;
        this.groep = groep;
        this.maxSize = properties.maxBerichtSize().toBytes();
    }

    public Bericht ontvang(byte[] bytes, String bestandsnaam, String kanaal) {
        return ontvang(bytes, bestandsnaam, kanaal, null);
    }

    /** @param deelnemer the participant the channel authenticated, or null (see {@link Bericht#deelnemer()}) */
    public Bericht ontvang(byte[] bytes, String bestandsnaam, String kanaal, String deelnemer) {
        return ontvang(Payload.of(bytes), bestandsnaam, kanaal, deelnemer);
    }

    /** @param inhoud the bytes as received: in memory, or a large bericht left in its channel's file */
    public Bericht ontvang(Payload inhoud, String bestandsnaam, String kanaal, String deelnemer) {
        String naam = bestandsnaam == null || bestandsnaam.isBlank() ? null
                : Masking.maskBsnLike(bestandsnaam.length() > 255 ? bestandsnaam.substring(0, 255) : bestandsnaam);
        Bericht bericht = new Bericht(Ids.nieuw(), kanaal, naam, Instant.now(), inhoud,
                deelnemer);
        var ontvangen = journal.ontvangst(bericht); // the event's JSON before the hand-over: the writer only writes
        boolean bewaren = inhoud.size() <= maxSize; // one over the cap is refused next, unread (KP004)
        if (bewaren) {
            payloads.bewaarDelen(bericht.traceerId(), inhoud); // a large one: its parts, before the receipt
        }
        groep.uitvoeren(() -> journal.ontvangen(bericht, bericht.sha256(), bewaren, ontvangen));
        return bericht;
    }

    /** The hub's one content hash: SHA-256 as lowercase hex. */
    public static String sha256(byte[] bytes) {
        return Payload.of(bytes).sha256();
    }
}
