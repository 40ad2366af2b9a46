package nl.knooppunt.payload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

    /**
     * A new empty file outside any exchange: the caller deletes it, or hands it on to be read once ({@link #eenmalig}:
     * an answer that CXF writes after the exchange is done). Files older than an hour are removed first: an answer that
     * was never written (the caller went away) leaves its file behind.
     */
    public Path nieuwBestand() throws IOException {
        Instant grens = Instant.now().minus(Duration.ofHours(1));
        try (Stream<Path> oud = Files.list(map)) {
            for (Path p : oud.toList()) {
                if (Files.getLastModifiedTime(p).toInstant().isBefore(grens)) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return Files.createTempFile(map, "bericht-", ".xml");
    }

    /** The work file's bytes, to be read once: the file is deleted when that read is closed. */
    public static Payload eenmalig(Path werk) throws IOException {
        return Payload.uit(Files.size(werk), () -> new FilterInputStream(Files.newInputStream(werk)) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    Files.deleteIfExists(werk);
                }
            }
        });
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
