package nl.knooppunt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hub instance that most tests share: one Spring context, one data dir, one broker, metrics and Camel's route
 * statistics (JMX, which Camel's test support otherwise turns off; the dashboard's Overzicht reads them) as in production.
 */
@AutoConfigureObservability
@DisableJmx(false)
public abstract class SharedHubTest extends HubTestSupport {

    protected static final Path DATA_DIR = tempDir("knooppunt-test-data");
    protected static final Path REGISTRY_DIR = tempDir("knooppunt-test-registry");
    protected static final int BROKER_PORT = freePort();

    static {
        // Albrandswaard asks for an informational copy when Rotterdam executes for it
        write(REGISTRY_DIR.resolve("kanalen.yaml"), "- deelnemer: \"0613\"\n  kanaal: queue\n  informatiekopie: true\n");
    }

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        registry.add("knooppunt.data-dir", DATA_DIR::toString);
        registry.add("knooppunt.registry-dir", REGISTRY_DIR::toString);
        registry.add("knooppunt.broker.port", () -> BROKER_PORT);
        registry.add("knooppunt.audit.publish-interval", () -> "50");
        registry.add("knooppunt.redelivery.delay-ms", () -> "20");
        // the recovery of abandoned deliveries runs when a test calls it (delivery.HerstelTest), not on its timer
        registry.add("knooppunt.herstel.interval", () -> "1h");
        registry.add("knooppunt.nevenberichten.zorgkantoor-regios", () -> "Rotterdam");
        // push delivery in milliseconds: ~12 attempts in 4 s, then the DLQ
        registry.add("knooppunt.aflevering.duur", () -> "8s");
        registry.add("knooppunt.aflevering.eerste-wachttijd", () -> "100ms");
        registry.add("knooppunt.aflevering.max-wachttijd", () -> "400ms");
        registry.add("knooppunt.aflevering.timeout", () -> "2s");
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
