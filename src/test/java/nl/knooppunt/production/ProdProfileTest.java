package nl.knooppunt.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * How the prod profile finds its secrets: from files in {@code KNOOPPUNT_SECRETS_DIR} (Docker/Kubernetes secrets,
 * {@code /run/secrets} by default), one property per file name, or from an environment variable of the same name,
 * which wins. Only the configuration is loaded here (an empty context): the hub itself needs the external services.
 */
class ProdProfileTest {

    @TempDir
    Path secrets;

    private ConfigurableApplicationContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Leeg {
    }

    /** The prod profile's configuration with this process environment (instead of the real one). */
    private ConfigurableEnvironment prod(Map<String, Object> omgeving) {
        StandardEnvironment environment = new StandardEnvironment() {
            @Override
            protected void customizePropertySources(MutablePropertySources sources) {
                super.customizePropertySources(sources);
                sources.replace(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, omgeving));
            }
        };
        context = new SpringApplicationBuilder(Leeg.class).environment(environment).profiles("prod")
                .web(WebApplicationType.NONE).logStartupInfo(false)
                // keep this JVM's console as it is: the JSON log format is for the hub, see JsonLogTest
                .run("--logging.structured.format.console=");
        return context.getEnvironment();
    }

    private void secret(String naam, String inhoud) throws IOException {
        Files.writeString(secrets.resolve(naam), inhoud);
    }

    @Test
    void secretsComeFromFilesNamedAfterTheVariable() throws IOException {
        secret("KNOOPPUNT_DB_URL", "jdbc:postgresql://db:5432/knooppunt");
        secret("KNOOPPUNT_DB_USER", "knooppunt");
        secret("KNOOPPUNT_DB_PASSWORD", "geheim-uit-bestand\n"); // as `echo … > file` writes it
        secret("KNOOPPUNT_BROKER_PASSWORD", "broker-geheim");
        secret("KNOOPPUNT_PSEUDONYM_SECRET", "pseudoniem-geheim-van-32-tekens!\n");
        secret("KNOOPPUNT_SOAP_TLS_KEYSTOREPASSWORD", "ks");

        ConfigurableEnvironment env = prod(Map.of("KNOOPPUNT_SECRETS_DIR", secrets.toString()));

        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db:5432/knooppunt");
        assertThat(env.getProperty("spring.datasource.password")).isEqualTo("geheim-uit-bestand");
        assertThat(env.getProperty("spring.artemis.password")).isEqualTo("broker-geheim");
        assertThat(env.getProperty("knooppunt.pseudonym.secret")).isEqualTo("pseudoniem-geheim-van-32-tekens!");
        assertThat(env.getProperty("knooppunt.soap.tls.key-store-password")).isEqualTo("ks");
    }

    @Test
    void anEnvironmentVariableWinsOverTheFile() throws IOException {
        secret("KNOOPPUNT_DB_PASSWORD", "uit-bestand");
        secret("KNOOPPUNT_DB_USER", "uit-bestand");

        ConfigurableEnvironment env = prod(Map.of("KNOOPPUNT_SECRETS_DIR", secrets.toString(),
                "KNOOPPUNT_DB_PASSWORD", "uit-omgeving"));

        assertThat(env.getProperty("spring.datasource.password")).isEqualTo("uit-omgeving");
        assertThat(env.getProperty("spring.datasource.username")).isEqualTo("uit-bestand");
    }

    @Test
    void withoutTheSecretsFolderTheEnvironmentAlone() {
        ConfigurableEnvironment env = prod(Map.of("KNOOPPUNT_SECRETS_DIR", secrets.resolve("bestaat-niet").toString(),
                "KNOOPPUNT_DB_PASSWORD", "uit-omgeving"));

        assertThat(env.getProperty("spring.datasource.password")).isEqualTo("uit-omgeving");
    }

    @Test
    void prodLogsAreStructuredJson() {
        // the prod profile's file itself, under this test's override on the command line
        ConfigurableEnvironment env = prod(Map.of("KNOOPPUNT_SECRETS_DIR", secrets.toString()));
        assertThat(env.getPropertySources().stream()
                .filter(s -> s.getName().contains("application-prod.yml"))
                .map(s -> s.getProperty("logging.structured.format.console")))
                .containsExactly("ecs");
    }
}
