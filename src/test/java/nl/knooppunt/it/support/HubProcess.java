package nl.knooppunt.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hub as operators run it: the built jar ({@code knooppunt.it.jar}, made in {@code package} before failsafe runs)
 * in a separate JVM, with its own data dir, registry dir and ports, chosen once so a restart comes back on the same
 * ones. Embedded broker by default; {@link #externalBroker(String)} switches it to native mode by configuration only.
 * Ready means {@code /actuator/health} answers UP.
 */
public final class HubProcess extends JvmProcess {

    private final Path dataDir;
    private final Path registryDir;
    private final int httpPort = freePort();
    private final int sftpPort = freePort();
    private final int brokerPort = freePort();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private String xmx = "384m";
    private String brokerUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public HubProcess(String name, Path dataDir, Path registryDir) {
        super(name);
        this.dataDir = dataDir;
        this.registryDir = registryDir;
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(registryDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // development SOAP on the plain loopback port (no certificate); quick outbox and retries for tests
        property("knooppunt.soap.zonder-certificaat", "true");
        property("knooppunt.audit.publish-interval", "50");
        property("knooppunt.redelivery.delay-ms", "50");
        property("logging.file.name", ""); // the console (our log file) only
    }

    public static Path jar() {
        String jar = System.getProperty("knooppunt.it.jar");
        if (jar == null) {
            throw new IllegalStateException("system property knooppunt.it.jar not set: run the ITs with mvn verify");
        }
        Path p = Path.of(jar);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("hub jar " + p + " missing: the package phase builds it");
        }
        return p;
    }

    public HubProcess property(String key, String value) {
        properties.put(key, value);
        return this;
    }

    /** The embedded defaults as shipped: without the quick outbox and retry settings tests use (benchmarks). */
    public HubProcess shippedDefaults() {
        properties.remove("knooppunt.audit.publish-interval");
        properties.remove("knooppunt.redelivery.delay-ms");
        return this;
    }

    public HubProcess xmx(String xmx) {
        this.xmx = xmx;
        return this;
    }

    /** Native mode against an external broker instead of the embedded one (configuration only, no code switch). */
    public HubProcess externalBroker(String url) {
        this.brokerUrl = url;
        property("spring.artemis.mode", "native");
        property("spring.artemis.embedded.enabled", "false");
        property("spring.artemis.broker-url", url);
        return this;
    }

    public int httpPort() {
        return httpPort;
    }

    public int sftpPort() {
        return sftpPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String soapUrl() {
        return baseUrl() + "/ws/berichten";
    }

    /** Core URL of the broker the hub uses (embedded acceptor or external), for test consumers. */
    public String brokerUrl() {
        return brokerUrl != null ? brokerUrl
                : "tcp://127.0.0.1:" + brokerPort + "?reconnectAttempts=-1&initialConnectAttempts=-1&retryInterval=200";
    }

    /** H2 file database of the data dir, for a look at the tables when the hub is down (never while it runs). */
    public String jdbcUrl() {
        return "jdbc:h2:file:" + dataDir.resolve("db/knooppunt") + ";WRITE_DELAY=0";
    }

    @Override
    protected List<String> command() {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx" + xmx, "-Xlog:gc:file=" + currentGcLog(),
                "-XX:+ExitOnOutOfMemoryError", "-jar", jar().toString()));
        Map<String, String> all = new LinkedHashMap<>();
        all.put("server.port", String.valueOf(httpPort));
        all.put("knooppunt.sftp.port", String.valueOf(sftpPort));
        all.put("knooppunt.broker.port", String.valueOf(brokerPort));
        all.put("knooppunt.data-dir", dataDir.toString());
        all.put("knooppunt.registry-dir", registryDir.toString());
        all.putAll(properties);
        all.forEach((k, v) -> cmd.add("--" + k + "=" + v));
        return cmd;
    }

    @Override
    protected void awaitReady(Duration timeout) {
        poll(timeout, "healthy (/actuator/health UP)", () -> {
            String body = get("/actuator/health");
            return body != null && body.contains("\"status\":\"UP\"");
        });
    }

    /** GET on the hub's HTTP port without credentials (actuator); null when it does not answer 200. */
    public String get(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
