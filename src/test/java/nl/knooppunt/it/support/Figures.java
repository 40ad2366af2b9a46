package nl.knooppunt.it.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one IT run, written to {@code target/reliability/<name>.json}; {@code ReliabilityDocTest} renders
 * docs/reliability.md from them. Insertion order is kept, so the doc lists figures as the test recorded them.
 */
public final class Figures {

    private final String name;
    private final String proves;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final long started = System.nanoTime();

    public Figures(String name, String proves) {
        this.name = name;
        this.proves = proves;
    }

    public Figures put(String key, Object value) {
        figures.put(key, value);
        return this;
    }

    public static Path dir() {
        String dir = System.getProperty("knooppunt.reliability.dir");
        return dir != null ? Path.of(dir) : Path.of("target", "reliability");
    }

    /** Writes the file; call last, after the assertions passed (a failed run leaves no figures). */
    public void write() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", name);
        doc.put("proves", proves);
        doc.put("figures", figures);
        doc.put("wallSeconds", Math.round((System.nanoTime() - started) / 1e8) / 10.0);
        doc.put("finishedAt", Instant.now().toString());
        doc.put("machine", Map.of(
                "cpus", Runtime.getRuntime().availableProcessors(),
                "os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                "java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")));
        try {
            Files.createDirectories(dir());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(dir().resolve(name + ".json").toFile(), doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
