package nl.knooppunt.intake;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
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
    private final long maxSize;

    public Ontvangst(BerichtJournal journal, GroepCommit groep, KnooppuntProperties properties) {
        this.journal = journal;
        this.groep = groep;
        this.maxSize = properties.maxBerichtSize().toBytes();
    }

    public Bericht ontvang(byte[] bytes, String bestandsnaam, String kanaal) {
        return ontvang(bytes, bestandsnaam, kanaal, null);
    }

    /** @param deelnemer the participant the channel authenticated, or null (see {@link Bericht#deelnemer()}) */
    public Bericht ontvang(byte[] bytes, String bestandsnaam, String kanaal, String deelnemer) {
        byte[] inhoud = bytes == null ? new byte[0] : bytes;
        String naam = bestandsnaam == null || bestandsnaam.isBlank() ? null
                : Masking.maskBsnLike(bestandsnaam.length() > 255 ? bestandsnaam.substring(0, 255) : bestandsnaam);
        Bericht bericht = new Bericht(Ids.nieuw(), kanaal, naam, Instant.now(), inhoud,
                deelnemer);
        var ontvangen = journal.ontvangst(bericht); // the event's JSON before the hand-over: the writer only writes
        groep.uitvoeren(() -> journal.ontvangen(bericht, bericht.sha256(), inhoud.length <= maxSize, ontvangen));
        return bericht;
    }

    /** The hub's one content hash: SHA-256 as lowercase hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
