package nl.knooppunt;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The hub instance that most tests share: one Spring context, one data dir, one broker. */
public abstract class SharedHubTest extends HubTestSupport {

    protected static final Path DATA_DIR = tempDir("knooppunt-test-data");
    protected static final Path REGISTRY_DIR = tempDir("knooppunt-test-registry");
    protected static final int BROKER_PORT = freePort();

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        registry.add("knooppunt.data-dir", DATA_DIR::toString);
        registry.add("knooppunt.registry-dir", REGISTRY_DIR::toString);
        registry.add("knooppunt.broker.port", () -> BROKER_PORT);
        registry.add("knooppunt.audit.publish-interval", () -> "50");
        registry.add("knooppunt.redelivery.delay-ms", () -> "20");
        registry.add("knooppunt.nevenberichten.informatiekopie", () -> "0613");
        registry.add("knooppunt.nevenberichten.zorgkantoor-regios", () -> "Rotterdam");
    }
}
