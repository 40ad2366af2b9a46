package nl.knooppunt.intake.sftp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.knooppunt.intake.Bericht;
import nl.knooppunt.intake.Kanaalantwoord;
import nl.knooppunt.intake.Ontvangst;
import nl.knooppunt.payload.Payload;
import nl.knooppunt.system.KnooppuntProperties;
import nl.knooppunt.validation.Masking;
import nl.knooppunt.validation.Melding;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SFTP channel's steps. {@link #ontvang} turns a picked-up file ({@code werk/<agb>/<afhaling>_<name>}) into a
 * bericht from the login's AGB-code, exactly once per (AGB, SHA-256): the same content again continues the bericht
 * it already is (after a crash) or is reported as DUBBEL. {@link #antwoord} writes the verwerkingsverslag into the
 * aanbieder's {@code in/}.
 */
@Component
public class SftpIntake implements Kanaalantwoord {

    public static final String KANAAL = "SFTP";
    static final String AFHALING = "knooppuntSftpAfhaling";

    private static final Logger log = LoggerFactory.getLogger(SftpIntake.class);
    private static final List<String> IN_BEHANDELING = List.of("ONTVANGEN", "GEROUTEERD");

    /** Where a file came from and whether it repeats content already processed. */
    record Afhaling(String agb, String id, String sha256, boolean dubbel) {
    }

    private final Ontvangst ontvangst;
    private final SftpRegister register;
    private final SftpMappen mappen;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final long maxSize;

    public SftpIntake(Ontvangst ontvangst, SftpRegister register, SftpMappen mappen, TransactionTemplate tx,
                      JdbcTemplate jdbc, ObjectMapper json, KnooppuntProperties properties) {
        this.ontvangst = ontvangst;
        this.register = register;
        this.mappen = mappen;
        this.tx = tx;
        this.jdbc = jdbc;
        this.json = json;
        this.maxSize = properties.maxBerichtSize().toBytes();
    }

    public Bericht ontvang(@Header(Exchange.FILE_PATH) String pad, Exchange exchange) throws IOException {
        Path file = Path.of(pad);
        String agb = SftpMappen.checked(file.getParent().getFileName().toString());
        String werknaam = file.getFileName().toString();
        int scheiding = werknaam.indexOf('_');
        String afhaling = werknaam.substring(0, scheiding);
        String naam = leesbaar(werknaam.substring(scheiding + 1));
        // a large upload stays in its work file (deleted after the route) and is streamed from there; one over the
        // size cap is refused by its size, unread (KP004)
        Payload inhoud = Files.size(file) >= Payload.STREAM_VANAF ? Payload.file(file)
                : Payload.of(Files.readAllBytes(file));
        String sha256 = inhoud.sha256();
        return tx.execute(status -> {
            Optional<SftpRegister.Eerder> eerder = register.ontvangen(agb, sha256);
            if (eerder.isEmpty()) {
                Bericht bericht = ontvangst.ontvang(inhoud, naam, KANAAL, agb);
                register.ontvangen(agb, sha256, bericht.traceerId(), afhaling);
                exchange.setProperty(AFHALING, new Afhaling(agb, afhaling, sha256, false));
                return bericht;
            }
            Bericht bericht = herstel(eerder.get().traceerId(), agb, naam, inhoud);
            boolean dubbel = !eerder.get().afhaling().equals(afhaling) && !teVerwerken(bericht);
            exchange.setProperty(AFHALING, new Afhaling(agb, afhaling, sha256, dubbel));
            log.info("traceerId={} SFTP: inhoud van {} is eerder afgehaald ({})", bericht.traceerId(), agb,
                    dubbel ? "dubbel aangeleverd" : "hervat na herstart");
            return bericht;
        });
    }

    /** Only a new bericht, or one a crash interrupted before it was finished, goes through validation and routing. */
    public boolean teVerwerken(@ExchangeProperty(Bericht.PROPERTY) Bericht bericht) {
        return IN_BEHANDELING.contains(bericht.status().name());
    }

    @Override
    public String kanaal() {
        return KANAAL;
    }

    @Override
    public Object antwoord(Bericht bericht, Message message) {
        Afhaling afhaling = message.getExchange().getProperty(AFHALING, Afhaling.class);
        String agb = bericht.deelnemer();
        if (afhaling != null) {
            Optional<SftpRegister.Eerder> eerder = register.ontvangen(afhaling.agb(), afhaling.sha256());
            if (eerder.isPresent() && afhaling.id().equals(eerder.get().verslagAfhaling())) {
                return null;
            }
        }
        String status = afhaling != null && afhaling.dubbel() ? "DUBBEL"
                : bericht.geaccepteerd() ? "GEACCEPTEERD" : "AFGEKEURD";
        String toelichting = "DUBBEL".equals(status)
                ? "Dezelfde inhoud is eerder aangeleverd en verwerkt onder deze traceerId; niet opnieuw verwerkt."
                : bericht.meldingen().stream().anyMatch(m -> "KP004".equals(m.code()))
                ? "Het bestand is groter dan de maximale berichtgrootte van " + maxSize + " bytes en is niet gelezen"
                        + " of verwerkt. Een upload die deze grens passeert, stopt de hub direct."
                : null;
        Verwerkingsverslag verslag = new Verwerkingsverslag(bericht.bestandsnaam(), bericht.traceerId(), status,
                bericht.status().name(), bericht.ontvangenOp(), Instant.now(), bericht.meldingen(), toelichting);
        try {
            Bestanden.schrijfAtomair(mappen.in(agb), verslagnaam(bericht.bestandsnaam(), bericht.traceerId()),
                    verslag.xml());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("verwerkingsverslag voor " + bericht.traceerId(), e);
        }
        if (afhaling != null) {
            register.verslagGeschreven(afhaling.agb(), afhaling.sha256(), afhaling.id());
        }
        log.info("traceerId={} SFTP: verwerkingsverslag {} voor {}", bericht.traceerId(), status, agb);
        return null;
    }

    /** {@code <name>.<traceerId>.verslag.xml}: unique per bericht, next to the name the aanbieder chose. */
    static String verslagnaam(String bestandsnaam, String traceerId) {
        String stam = bestandsnaam == null ? "bericht" : bestandsnaam;
        if (stam.length() > 150) {
            stam = stam.substring(0, 150);
        }
        return stam + "." + traceerId + ".verslag.xml";
    }

    /** The bericht this content already is, with its status and meldingen as the hub recorded them. */
    private Bericht herstel(String traceerId, String agb, String naam, Payload inhoud) {
        return jdbc.query("select ontvangen_op, status, meldingen from bericht where traceer_id = ?",
                rs -> {
                    if (!rs.next()) {
                        throw new IllegalStateException("sftp_ontvangst zonder bericht " + traceerId);
                    }
                    Bericht bericht = new Bericht(traceerId, KANAAL, naam, rs.getTimestamp(1).toInstant(), inhoud,
                            agb);
                    bericht.status(Bericht.Status.valueOf(rs.getString(2)));
                    String meldingen = rs.getString(3);
                    if (meldingen != null) {
                        bericht.meldingen().addAll(leesMeldingen(meldingen));
                    }
                    return bericht;
                }, traceerId);
    }

    private List<Melding> leesMeldingen(String meldingen) {
        try {
            return json.readValue(meldingen, new TypeReference<List<Melding>>() { });
        } catch (IOException e) {
            throw new IllegalStateException("meldingen van een eerder bericht", e);
        }
    }

    /** A file name as it may appear in a report: no control characters, no BSN-like digit run. */
    static String leesbaar(String naam) {
        return Masking.maskBsnLike(naam.replaceAll("[\\p{Cntrl}]", "?"));
    }

}
