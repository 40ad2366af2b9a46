package nl.knooppunt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.knooppunt.intake.soap.api.BerichtenPortType;
import nl.knooppunt.intake.soap.api.VerstuurBericht;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * The running hub on random ports, with its real embedded Artemis, H2 file database and CXF endpoint. Talks to it as
 * a sender (a real CXF client) and as a consumer (JMS on its queues). Subclasses say which instance: most share one
 * ({@link SharedHubTest}); a test that changes the hub (AdviceWith) brings its own data dir and broker port, because
 * two brokers on one journal would wait for each other's file lock forever.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CamelSpringBootTest
public abstract class HubTestSupport {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected ConnectionFactory connectionFactory;

    @Autowired
    private org.springframework.beans.factory.ObjectProvider<org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ> broker;

    /** This hub is one of the sources of the BSN leak scan (lekscan.Lekscan, BsnLekscanIT). */
    @org.junit.jupiter.api.BeforeEach
    void lekscanBron() {
        nl.knooppunt.lekscan.Lekscan.bron(jdbc, broker.getIfAvailable());
    }

    /** After each class, while its hub still runs: what it wrote outside the payload store, for the leak scan. */
    @org.junit.jupiter.api.AfterAll
    static void lekscanVastleggen() {
        nl.knooppunt.lekscan.Lekscan.vastleggen();
    }

    protected final ObjectMapper json = new ObjectMapper();

    /** The password of every test user ({@link #api(String)}); the hash has a low BCrypt cost, so tests stay quick. */
    protected static final String TEST_WACHTWOORD = "test-wachtwoord-knooppunt";
    private static final String TEST_HASH = new BCryptPasswordEncoder(4).encode(TEST_WACHTWOORD);

    /**
     * The hub's HTTP API (JSON under /api, pages under /) as a user with this role: "LEZER", "OPERATOR", "BEHEERDER"
     * or "CONTRACTMANAGER" (user {@code test-<rol>}, HTTP Basic). 4xx and 5xx answers are returned, not thrown, so
     * tests can assert on them.
     */
    protected RestClient api(String rol) {
        String naam = "test-" + rol.toLowerCase(java.util.Locale.ROOT);
        testgebruiker(naam, rol);
        return apiAls(naam, TEST_WACHTWOORD);
    }

    /** The HTTP API as this user (HTTP Basic); null naam: without credentials. */
    protected RestClient apiAls(String naam, String wachtwoord) {
        // redirects are answers too (to /login, after a form): tests see them instead of where they lead
        RestClient.Builder builder = RestClient.builder()
                .requestFactory(new JdkClientHttpRequestFactory(java.net.http.HttpClient.newBuilder()
                        .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build()))
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { });
        if (naam != null) {
            builder.defaultHeaders(h -> h.setBasicAuth(naam, wachtwoord));
        }
        return builder.build();
    }

    /**
     * Makes sure this test user exists (password {@link #TEST_WACHTWOORD}), with these roles (comma-separated) and
     * optionally limited to gemeenten; the row is written once per database and kept.
     */
    protected void testgebruiker(String naam, String rollen, String... gemeenten) {
        try {
            jdbc.update("insert into gebruiker (naam, wachtwoord_hash, rollen, gemeenten, actief, aangemaakt_op, gewijzigd_op) "
                            + "values (?, ?, ?, ?, true, current_timestamp, current_timestamp)", naam, TEST_HASH, rollen,
                    gemeenten.length == 0 ? null : String.join(",", gemeenten));
        } catch (DuplicateKeyException e) {
            // made by an earlier test on this database
        }
    }

    protected BerichtenPortType soapClient() {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(BerichtenPortType.class);
        factory.setAddress("http://localhost:" + port + "/ws/berichten");
        factory.setProperties(Map.of("mtom-enabled", true));
        return (BerichtenPortType) factory.create();
    }

    protected VerstuurBerichtAntwoord send(String xml) {
        return send(xml.getBytes(StandardCharsets.UTF_8));
    }

    protected VerstuurBerichtAntwoord send(byte[] bytes) {
        VerstuurBericht request = new VerstuurBericht();
        request.setBestandsnaam("test.xml");
        request.setBericht(nl.knooppunt.intake.soap.SoapIntake.bijlage(bytes));
        return soapClient().verstuurBericht(request);
    }

    /** Takes the message for this traceerId off the queue, waiting up to 10 s. */
    protected Message receive(String queue, String traceerId) {
        return receive(queue, traceerId, 10_000);
    }

    protected Message receive(String queue, String traceerId, long timeoutMillis) {
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(timeoutMillis);
        return jms.receiveSelected(queue, "traceerId = '" + traceerId + "'");
    }

    /**
     * The body of the message for this traceerId, read while its session is open: Artemis streams a large message's
     * body from the broker, so {@link #bytes} after {@link #receive} fails for one. Null when none came in 10 s.
     */
    protected byte[] receiveBody(String queue, String traceerId) {
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        return jms.execute(session -> {
            try (var consumer = session.createConsumer(session.createQueue(queue), "traceerId = '" + traceerId + "'")) {
                Message m = consumer.receive(10_000);
                return m == null ? null : bytes(m);
            }
        }, true);
    }

    /** Takes this bericht's audit events off audit.contractmanagement, in order; waits for each up to 10 s. */
    protected List<JsonNode> auditEvents(String traceerId, int expected) {
        List<JsonNode> events = new ArrayList<>();
        for (int i = 0; i < expected; i++) {
            Message m = receive("audit.contractmanagement", traceerId);
            assertThat(m).as("audit event %d of %d for %s", i + 1, expected, traceerId).isNotNull();
            events.add(readJson(m));
        }
        return events;
    }

    protected JsonNode readJson(Message m) {
        try {
            return json.readTree(((TextMessage) m).getText());
        } catch (JMSException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static byte[] bytes(Message m) {
        try {
            BytesMessage bm = (BytesMessage) m;
            byte[] b = new byte[(int) bm.getBodyLength()];
            bm.readBytes(b);
            return b;
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String property(Message m, String name) {
        try {
            return m.getStringProperty(name);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A fresh directory under {@code target/tmp}: a hub's data dir holds a broker journal and a database (up to 1.5 GB
     * after a benchmark), so it goes where {@code mvn clean} and a throw-away clone remove it, not into /tmp, where
     * they piled up until Artemis blocked every producer at 90 % disk use.
     */
    protected static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target", "tmp")).toAbsolutePath(), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
