package nl.knooppunt.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker/compose.yaml and what it mounts, checked without Docker (our build machines have none): the services, ports,
 * volumes and healthchecks; every environment placeholder of application-prod.yml is provided (as a variable or as a
 * secret file from init.sh); init.sh really makes the secrets and stores, and the broker properties load into Artemis;
 * prometheus.yml scrapes both replicas; the Grafana dashboard parses and asks only for metrics this hub exports
 * (compared with a scrape of the running test hub).
 */
class ComposeTest extends SharedHubTest {

    private static final Path DOCKER = Path.of("docker");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> HUBS = List.of("hub-1", "hub-2");

    @TempDir
    Path geheimen;

    private static JsonNode yaml(Path file) throws Exception {
        return YAML.readTree(file.toFile());
    }

    /** compose.yaml with its anchors and merge keys ({@code <<: *hub}) resolved, as Compose does (SnakeYAML). */
    private static JsonNode compose() throws Exception {
        try (InputStream in = Files.newInputStream(DOCKER.resolve("compose.yaml"))) {
            Object doc = new org.yaml.snakeyaml.Yaml().load(in);
            return new ObjectMapper().valueToTree(doc);
        }
    }

    private static JsonNode service(String naam) throws Exception {
        JsonNode s = compose().path("services").path(naam);
        assertThat(s.isMissingNode()).as("service " + naam).isFalse();
        return s;
    }

    @Test
    void servicesPortsVolumesAndHealthchecks() throws Exception {
        JsonNode compose = compose();
        assertThat(names(compose.path("services"))).contains("init", "postgres", "artemis", "hub-1", "hub-2",
                "prometheus", "grafana");
        for (String optional : List.of("prometheus", "grafana")) {
            assertThat(service(optional).path("profiles").toString()).contains("monitoring");
        }
        for (String naam : List.of("postgres", "artemis", "hub-1", "hub-2", "prometheus", "grafana")) {
            assertThat(service(naam).path("healthcheck").path("test").size()).as("healthcheck of " + naam).isPositive();
        }
        Set<String> hostPorts = new HashSet<>();
        for (String hub : HUBS) {
            JsonNode s = service(hub);
            assertThat(s.path("build").path("dockerfile").asText()).isEqualTo("docker/Dockerfile");
            assertThat(DOCKER.resolve("..").resolve(s.path("build").path("dockerfile").asText())).exists();
            assertThat(s.path("depends_on").path("postgres").path("condition").asText()).isEqualTo("service_healthy");
            assertThat(s.path("depends_on").path("artemis").path("condition").asText()).isEqualTo("service_healthy");
            List<String> containerPorts = new ArrayList<>();
            for (JsonNode port : s.path("ports")) {
                String[] delen = port.asText().split(":");
                assertThat(hostPorts.add(delen[0])).as("host port %s used twice", delen[0]).isTrue();
                containerPorts.add(delen[1]);
            }
            assertThat(containerPorts).containsExactlyInAnyOrder("8080", "8443", "2222");
            assertThat(s.path("volumes").toString()).contains("geheimen:/run/secrets/knooppunt:ro",
                    "sftp:/var/lib/knooppunt/sftp", hub + "-data:/var/lib/knooppunt/data");
        }
        // every named volume is declared; every bind mount exists in docker/
        Set<String> declared = names(compose.path("volumes"));
        for (Iterator<Map.Entry<String, JsonNode>> it = compose.path("services").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> s = it.next();
            for (JsonNode v : s.getValue().path("volumes")) {
                String bron = v.asText().split(":")[0];
                if (bron.startsWith(".")) {
                    assertThat(DOCKER.resolve(bron)).as(s.getKey() + " mounts " + bron).exists();
                } else {
                    assertThat(declared).as(s.getKey() + " uses volume " + bron).contains(bron);
                }
            }
        }
    }

    @Test
    void everyPlaceholderOfTheProdProfileIsProvided() throws Exception {
        Set<String> nodig = new TreeSet<>();
        try (InputStream in = getClass().getResourceAsStream("/application-prod.yml")) {
            Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(new String(in.readAllBytes()));
            while (m.find()) {
                nodig.add(m.group(1)); // no default: start-up fails without it
            }
        }
        assertThat(nodig).contains("KNOOPPUNT_DB_URL", "KNOOPPUNT_DB_PASSWORD", "KNOOPPUNT_BROKER_URL");
        Set<String> geheim = geheimenVanInit();
        for (String hub : HUBS) {
            JsonNode env = service(hub).path("environment");
            assertThat(env.path("SPRING_PROFILES_ACTIVE").asText()).isEqualTo("prod");
            assertThat(env.path("KNOOPPUNT_SECRETS_DIR").asText()).isEqualTo("/run/secrets/knooppunt");
            for (String naam : nodig) {
                assertThat(env.has(naam) || geheim.contains(naam)).as(hub + " gets " + naam).isTrue();
                assertThat(env.has(naam) && geheim.contains(naam)).as(naam + " both as variable and as file").isFalse();
            }
            // bound by relaxed binding rather than a placeholder; prod refuses SOAP without them
            assertThat(names(env)).contains("KNOOPPUNT_SOAP_TLS_KEYSTORE", "KNOOPPUNT_SOAP_TLS_TRUSTSTORE");
            String brokerUrl = env.path("KNOOPPUNT_BROKER_URL").asText();
            assertThat(brokerUrl).contains("sslEnabled=true", "reconnectAttempts=-1", "tcp://artemis:61617");
            assertThat(env.path("KNOOPPUNT_SFTP_WERK").asText())
                    .startsWith(env.path("KNOOPPUNT_SFTP_MAP").asText() + "/werk/").endsWith(hub);
        }
        assertThat(service("postgres").path("environment").path("POSTGRES_PASSWORD_FILE").asText())
                .isEqualTo("/run/secrets/knooppunt/KNOOPPUNT_DB_PASSWORD");
    }

    @Test
    void initMakesTheSecretsAndStoresAndTheBrokerPropertiesLoad() throws Exception {
        Process p = new ProcessBuilder("bash", DOCKER.resolve("init/init.sh").toString(), geheimen.toString())
                .redirectErrorStream(true).start();
        String uitvoer = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(uitvoer).isZero();
        for (String naam : geheimenVanInit()) {
            assertThat(Files.readString(geheimen.resolve(naam))).as(naam).hasSizeGreaterThanOrEqualTo(32)
                    .doesNotContain("\n");
        }
        laad(geheimen.resolve("soap-server.p12"), Files.readString(geheimen.resolve("KNOOPPUNT_SOAP_TLS_KEYSTOREPASSWORD")));
        laad(geheimen.resolve("soap-trust.p12"), Files.readString(geheimen.resolve("KNOOPPUNT_SOAP_TLS_TRUSTSTOREPASSWORD")));
        laad(geheimen.resolve("broker-trust.p12"), "knooppunt");
        String brokerWachtwoord = Files.readString(geheimen.resolve("BROKER_KEYSTORE_PASSWORD"));
        laad(geheimen.resolve("broker.p12"), brokerWachtwoord);

        ConfigurationImpl broker = new ConfigurationImpl();
        broker.parseProperties(geheimen.resolve("broker.properties").toString());
        assertThat((String) broker.getStatus()).doesNotContain("reason");
        TransportConfiguration tls = broker.getAcceptorConfigurations().stream()
                .filter(a -> "tls".equals(a.getName())).findFirst().orElseThrow();
        assertThat(tls.getParams()).containsEntry("sslEnabled", "true").containsEntry("port", "61617")
                .containsEntry("keyStorePassword", brokerWachtwoord);
        AddressSettings alles = broker.getAddressSettings().get("#");
        assertThat(alles.getDeadLetterAddress().toString()).isEqualTo("knooppunt.dlq");
        assertThat(alles.getAddressFullMessagePolicy()).isEqualTo(AddressFullMessagePolicy.PAGE);
        assertThat(broker.getAddressSettings().get("gemeente.#").getMaxDeliveryAttempts()).isEqualTo(-1);

        Process opnieuw = new ProcessBuilder("bash", DOCKER.resolve("init/init.sh").toString(), geheimen.toString())
                .redirectErrorStream(true).start();
        opnieuw.getInputStream().readAllBytes();
        assertThat(opnieuw.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(Files.readString(geheimen.resolve("BROKER_KEYSTORE_PASSWORD"))).as("kept on a second run")
                .isEqualTo(brokerWachtwoord);
    }

    @Test
    void prometheusScrapesBothReplicasAndGrafanaIsProvisioned() throws Exception {
        JsonNode prometheus = yaml(DOCKER.resolve("prometheus.yml"));
        JsonNode job = prometheus.path("scrape_configs").get(0);
        assertThat(job.path("metrics_path").asText()).isEqualTo("/actuator/prometheus");
        List<String> targets = new ArrayList<>();
        job.path("static_configs").forEach(c -> c.path("targets").forEach(t -> targets.add(t.asText())));
        assertThat(targets).containsExactlyInAnyOrder("hub-1:8080", "hub-2:8080");
        assertThat(service("prometheus").path("volumes").toString()).contains("./prometheus.yml:/etc/prometheus/prometheus.yml");

        JsonNode bron = yaml(DOCKER.resolve("grafana/provisioning/datasources/prometheus.yaml")).path("datasources").get(0);
        assertThat(bron.path("url").asText()).isEqualTo("http://prometheus:9090");
        JsonNode dashboards = yaml(DOCKER.resolve("grafana/provisioning/dashboards/knooppunt.yaml")).path("providers").get(0);
        assertThat(service("grafana").path("volumes").toString())
                .contains("./grafana/dashboards:" + dashboards.path("options").path("path").asText());
        JsonNode dashboard = new ObjectMapper().readTree(DOCKER.resolve("grafana/dashboards/knooppunt.json").toFile());
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("datasource").path("uid").asText()).isEqualTo(bron.path("uid").asText());
        }
    }

    @Test
    void theDashboardAsksOnlyForMetricsTheHubExports() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(DOCKER.resolve("grafana/dashboards/knooppunt.json").toFile());
        Set<String> gevraagd = new TreeSet<>();
        Pattern metriek = Pattern.compile("\\b((?:knooppunt|camel|jvm)_[a-z_]+)");
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("targets").size()).as(panel.path("title").asText()).isPositive();
            for (JsonNode target : panel.path("targets")) {
                Matcher m = metriek.matcher(target.path("expr").asText());
                while (m.find()) {
                    gevraagd.add(m.group(1));
                }
            }
        }
        assertThat(gevraagd).contains("knooppunt_berichten_total", "knooppunt_wachtrij_berichten",
                "knooppunt_termijnen_verlopen");

        // a bericht, so the counter and the queue gauges exist
        send(BerichtBuilder.wmo315().gemeente("0599").bsn(TestBsn.nth(330)).identificatie("DB" + System.nanoTime() % 100_000_000)
                .build());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            String scrape = api("LEZER").get().uri("/actuator/prometheus").retrieve().body(String.class);
            Set<String> geexporteerd = new HashSet<>();
            for (String regel : scrape.split("\n")) {
                if (!regel.startsWith("#") && !regel.isBlank()) {
                    geexporteerd.add(regel.split("[{ ]")[0]);
                }
            }
            assertThat(geexporteerd).containsAll(gevraagd);
        });
    }

    private static void laad(Path bestand, String wachtwoord) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(bestand)) {
            ks.load(in, wachtwoord.toCharArray());
        }
        assertThat(ks.size()).as(bestand.toString()).isPositive();
    }

    private static Set<String> geheimenVanInit() throws Exception {
        Matcher m = Pattern.compile("(?m)^GEHEIMEN=\"([^\"]+)\"").matcher(Files.readString(DOCKER.resolve("init/init.sh")));
        assertThat(m.find()).isTrue();
        return new TreeSet<>(List.of(m.group(1).split(" ")));
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
