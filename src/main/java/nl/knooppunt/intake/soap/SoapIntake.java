package nl.knooppunt.intake.soap;

import jakarta.activation.DataHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.knooppunt.intake.Bericht;
import nl.knooppunt.intake.Kanaalantwoord;
import nl.knooppunt.intake.Ontvangst;
import nl.knooppunt.intake.soap.api.Status;
import nl.knooppunt.intake.soap.api.VerstuurBericht;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import nl.knooppunt.payload.Payload;
import nl.knooppunt.payload.Werkmap;
import nl.knooppunt.system.KnooppuntProperties;
import org.apache.camel.Exchange;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import org.apache.cxf.attachment.ByteDataSource;
import org.springframework.stereotype.Component;

/**
 * The SOAP channel's VerstuurBericht steps: unwrap the request into a receipt for the authenticated caller, and answer
 * with traceerId, status and meldingen.
 */
@Component
public class SoapIntake implements Kanaalantwoord {

    public static final String KANAAL = "SOAP";

    private final Ontvangst ontvangst;
    private final Werkmap werkmap;
    private final long maxSize;

    public SoapIntake(Ontvangst ontvangst, KnooppuntProperties properties) throws IOException {
        this.ontvangst = ontvangst;
        this.maxSize = properties.maxBerichtSize().toBytes();
        this.werkmap = new Werkmap(properties.dataDir().resolve("soap-werk"));
    }

    /** The caller authenticated by its client certificate becomes the bericht's deelnemer (KP008 on a spoofed Afzender). */
    public Bericht ontvang(@Body List<?> parameters, Message message) throws IOException {
        VerstuurBericht request = (VerstuurBericht) parameters.get(0);
        Payload inhoud = inhoud(request.getBericht(), message.getExchange());
        return ontvangst.ontvang(inhoud, request.getBestandsnaam(), KANAAL, SoapDeelnemer.van(message));
    }

    /**
     * The bericht as sent. Up to {@link Payload#STREAM_VANAF} it is read into memory. A larger one (an MTOM attachment,
     * which CXF has spooled to a temporary file) is copied into a work file of the hub's own, as an SFTP upload is:
     * every reader streams it from there, and the file is deleted when the exchange is done. The copy stops one byte
     * past {@code max-bericht-size}; such a bericht is refused by its size, unread (KP004).
     */
    Payload inhoud(DataHandler bericht, Exchange exchange) throws IOException {
        if (bericht == null) {
            return Payload.of(new byte[0]);
        }
        try (InputStream in = bericht.getInputStream()) {
            byte[] begin = in.readNBytes((int) Payload.STREAM_VANAF);
            if (begin.length < Payload.STREAM_VANAF) {
                return Payload.of(begin);
            }
            Path werk = werkmap.nieuwBestand(exchange);
            try (OutputStream out = Files.newOutputStream(werk)) {
                out.write(begin);
                kopieer(in, out, maxSize + 1 - begin.length);
            }
            return Payload.file(werk);
        }
    }

    private static void kopieer(InputStream in, OutputStream out, long hoogstens) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long over = hoogstens;
        int n;
        while (over > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, over))) > 0) {
            out.write(buffer, 0, n);
            over -= n;
        }
    }

    /** A bericht for VerstuurBericht, as a Java client (the demo, the tests) attaches it. */
    public static DataHandler bijlage(byte[] bericht) {
        return new DataHandler(new ByteDataSource(bericht, "application/octet-stream"));
    }

    @Override
    public String kanaal() {
        return KANAAL;
    }

    /** Also the poison handler's last step (through {@code antwoord}), so a rejected bericht gets the same answer. */
    @Override
    public VerstuurBerichtAntwoord antwoord(@ExchangeProperty(Bericht.PROPERTY) Bericht bericht, Message message) {
        message.removeHeaders("*");
        VerstuurBerichtAntwoord antwoord = new VerstuurBerichtAntwoord();
        antwoord.setTraceerId(bericht.traceerId());
        antwoord.setStatus(bericht.geaccepteerd() ? Status.GEACCEPTEERD : Status.AFGEKEURD);
        bericht.meldingen().forEach(m -> {
            nl.knooppunt.intake.soap.api.Melding melding = new nl.knooppunt.intake.soap.api.Melding();
            melding.setCode(m.code());
            melding.setOmschrijving(m.omschrijving());
            antwoord.getMeldingen().add(melding);
        });
        return antwoord;
    }
}
