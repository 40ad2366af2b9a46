package nl.knooppunt.payload;

import jakarta.activation.DataSource;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A payload as the source of a SOAP attachment ({@code DataHandler}): every read is a new stream from the first byte,
 * so CXF writes an MTOM attachment from where the bericht is (a large one from its file) without an array of it.
 */
public record PayloadBron(Payload inhoud) implements DataSource {

    @Override
    public InputStream getInputStream() {
        return inhoud.open();
    }

    @Override
    public OutputStream getOutputStream() {
        throw new UnsupportedOperationException("alleen lezen");
    }

    @Override
    public String getContentType() {
        return "application/octet-stream";
    }

    @Override
    public String getName() {
        return "bericht";
    }
}
