package nl.knooppunt.payload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * A directory of work files for large berichten in flight (a SOAP attachment, a push delivery), so that they are
 * streamed from disk and never whole in the heap. A work file lives as long as its exchange. A file left by a process
 * that stopped is of no use (the payload store and the broker have every bericht), so the directory is emptied when
 * the hub starts.
 */
public final class Werkmap {

    private final Path map;

    public Werkmap(Path map) throws IOException {
        this.map = Files.createDirectories(map);
        try (Stream<Path> oud = Files.list(this.map)) {
            for (Path p : oud.toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** A new empty file, deleted when the exchange is done: delivered, failed or rolled back. */
    public Path nieuwBestand(Exchange exchange) throws IOException {
        Path werk = Files.createTempFile(map, "bericht-", ".xml");
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                try {
                    Files.deleteIfExists(werk);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        return werk;
    }
}
