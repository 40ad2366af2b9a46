package nl.knooppunt.intake.sftp;

import java.nio.file.Files;
import java.nio.file.Path;
import nl.knooppunt.delivery.Afleverkanaal;
import nl.knooppunt.delivery.Zending;
import nl.knooppunt.payload.Payload;
import nl.knooppunt.registry.Kanaal;
import nl.knooppunt.validation.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivery into an aanbieder's {@code in/} on the hub's SFTP server ({@link Kanaal.Soort#SFTP_IN}): berichten from
 * gemeenten and retourberichten, as {@code <name>_<traceerId>.xml}, written under a hidden temp name and renamed into
 * place. A traceerId is written once: a repeat after the aanbieder already fetched and deleted it writes nothing.
 */
@Component
public class InMapAflevering implements Afleverkanaal {

    private static final Logger log = LoggerFactory.getLogger(InMapAflevering.class);

    private final SftpMappen mappen;
    private final SftpRegister register;

    InMapAflevering(SftpMappen mappen, SftpRegister register) {
        this.mappen = mappen;
        this.register = register;
    }

    @Override
    public Kanaal.Soort soort() {
        return Kanaal.Soort.SFTP_IN;
    }

    @Override
    public void lever(Kanaal kanaal, Zending zending) throws Exception {
        String agb = SftpMappen.checked(zending.deelnemer());
        if (register.afgeleverd(agb, zending.traceerId())) {
            return;
        }
        String naam = bestandsnaam(zending);
        Path doel = mappen.in(agb).resolve(naam);
        // a crash after the rename and before the bookkeeping: the file is already there, byte for byte
        if (!(Files.isRegularFile(doel) && Files.size(doel) == zending.inhoud().size()
                && Payload.file(doel).sha256().equals(zending.inhoud().sha256()))) {
            Bestanden.schrijfAtomair(mappen.in(agb), naam, zending.inhoud());
        }
        register.afgeleverd(agb, zending.traceerId(), naam);
        log.info("traceerId={} SFTP: in in/ van {} gezet", zending.traceerId(), agb);
    }

    /** The sender's name reduced to safe characters, with the traceerId so names never collide. */
    static String bestandsnaam(Zending zending) {
        String traceerId = zending.traceerId().replaceAll("[^A-Za-z0-9-]", "");
        String naam = zending.bestandsnaam() == null ? "" : zending.bestandsnaam();
        String stam = Masking.maskBsnLike(naam.replaceAll("(?i)\\.xml$", "")).replaceAll("[^A-Za-z0-9._-]", "_")
                .replaceAll("^[.]+", "");
        if (stam.length() > 100) {
            stam = stam.substring(0, 100);
        }
        if (stam.isEmpty() || stam.equals(traceerId)) {
            return traceerId + ".xml";
        }
        return stam.contains(traceerId) ? stam + ".xml" : stam + "_" + traceerId + ".xml";
    }
}
