package nl.knooppunt.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A standalone Artemis broker in its own JVM ({@link ArtemisMain} on the test classpath), with a persistent journal
 * in its own dir that survives {@link #kill9()} and a restart. The hub reaches it with {@link #url()}.
 */
public final class ArtemisProcess extends JvmProcess {

    private final Path dir;
    private final int port;
    private final Map<String, String> settings = new LinkedHashMap<>();

    public ArtemisProcess(String name, Path dir) {
        super(name);
        this.dir = dir;
        this.port = freePort();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One address gets a small max-size and this policy (FAIL or BLOCK), e.g. {@code full("gemeente.0599", 100_000, "FAIL")}. */
    public ArtemisProcess full(String addressMatch, long maxSizeBytes, String policy) {
        settings.put("artemis.full", addressMatch + ":" + maxSizeBytes + ":" + policy);
        return this;
    }

    public ArtemisProcess maxDiskUsage(int percent) {
        settings.put("artemis.max-disk-usage", String.valueOf(percent));
        return this;
    }

    public int port() {
        return port;
    }

    /** Core URL for the hub and test clients: reconnects for ever, so a broker restart is survived without a restart. */
    public String url() {
        return "tcp://127.0.0.1:" + port + "?reconnectAttempts=-1&initialConnectAttempts=-1&retryInterval=200"
                + "&retryIntervalMultiplier=1.5&maxRetryInterval=2000";
    }

    @Override
    protected List<String> command() {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx256m", "-Xlog:gc:file=" + currentGcLog(),
                "-Dartemis.dir=" + dir, "-Dartemis.port=" + port));
        settings.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ArtemisMain.class.getName()));
        return cmd;
    }

    @Override
    protected void awaitReady(Duration timeout) {
        poll(timeout, "ready", () -> logContains(ArtemisMain.READY));
    }
}
