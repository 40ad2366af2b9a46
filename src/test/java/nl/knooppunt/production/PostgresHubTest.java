package nl.knooppunt.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import nl.knooppunt.HubTestSupport;
import nl.knooppunt.intake.Bericht;
import nl.knooppunt.intake.Ontvangst;
import nl.knooppunt.intake.soap.api.Status;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import nl.knooppunt.payload.Payload;
import nl.knooppunt.payload.PayloadStore;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hub on PostgreSQL, the production database: every Flyway migration runs on it, and a bericht travels SOAP →
 * queue → audit with its rows in PostgreSQL. {@code .ci/run} installs PostgreSQL from Debian, starts a throwaway
 * cluster and sets {@value #ENV} (a JDBC URL of a database the user may create databases from). Without it the test
 * is reported as skipped, with the reason.
 */
@EnabledIfEnvironmentVariable(named = PostgresHubTest.ENV, matches = "jdbc:postgresql:.+",
        disabledReason = "geen PostgreSQL: zet " + PostgresHubTest.ENV + " (.ci/run doet dat)")
class PostgresHubTest extends HubTestSupport {

    static final String ENV = "KNOOPPUNT_TEST_POSTGRES_URL";

    @Autowired
    Ontvangst ontvangst;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    PayloadStore payloads;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws SQLException {
        String admin = System.getenv(ENV);
        String database = "knooppunt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        String url = admin.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
        registry.add("spring.datasource.url", () -> url);
        // the URL carries the credentials (?user=…); the embedded default's sa/"" must not override them
        String user = url.replaceFirst(".*[?&]user=([^&]*).*", "$1");
        registry.add("spring.datasource.username", () -> url.contains("user=") ? user : "postgres");
        registry.add("spring.datasource.password", () -> url.replaceFirst(".*[?&]password=([^&]*).*|.*", "$1"));
        registry.add("knooppunt.data-dir", () -> tempDir("knooppunt-pg-data").toString());
        registry.add("knooppunt.broker.port", HubTestSupport::freePort);
        registry.add("knooppunt.audit.publish-interval", () -> "50");
    }

    @Test
    void everyMigrationRanOnPostgres() {
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where not success", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history", Long.class)).isPositive();
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
    }

    @Autowired
    nl.knooppunt.retention.H2Compactie compactie;

    @Test
    void theH2CompactionDoesNothingOnPostgres() throws Exception {
        assertThat(compactie.compacteer()).isFalse();
        assertThat(compactie.compacteer()).isFalse();
    }

    @Test
    void aBerichtIsDeliveredAndAuditedWithItsRowsInPostgres() {
        VerstuurBerichtAntwoord antwoord = send(BerichtBuilder.wmo315().gemeente("0599").bsn(TestBsn.nth(300))
                .identificatie("PG315-0001").build());

        assertThat(antwoord.getStatus()).isEqualTo(Status.GEACCEPTEERD);
        String traceerId = antwoord.getTraceerId();
        assertThat(receive("gemeente.0599", traceerId)).isNotNull();
        assertThat(auditEvents(traceerId, 3)).extracting(e -> e.get("traceerId").asText()).containsOnly(traceerId);
        assertThat(jdbc.queryForObject("select status from bericht where traceer_id = ?", String.class, traceerId))
                .isEqualTo("AFGELEVERD");
        assertThat(jdbc.queryForObject("select count(*) from payload where traceer_id = ?", Long.class, traceerId))
                .isEqualTo(1L);
    }

    /**
     * The claim of a repeat fails on the primary key inside a group commit (system.GroepCommit). On PostgreSQL a failed
     * statement aborts the whole transaction unless it had its own savepoint; without it the repeat, and every bericht
     * sharing its commit, would end as a storing instead of KP009.
     */
    @Test
    void aRepeatIsAnsweredAsADuplicateInsideAGroupCommit() {
        String bericht = BerichtBuilder.wmo315().gemeente("0599").bsn(TestBsn.nth(301)).identificatie("PG315-0002")
                .build();
        VerstuurBerichtAntwoord eerste = send(bericht);
        VerstuurBerichtAntwoord tweede = send(bericht);

        assertThat(eerste.getStatus()).isEqualTo(Status.GEACCEPTEERD);
        assertThat(tweede.getStatus()).isEqualTo(Status.GEACCEPTEERD);
        assertThat(tweede.getMeldingen()).extracting(m -> m.getCode()).containsExactly("KP009");
        assertThat(jdbc.queryForObject("select status from bericht where traceer_id = ?", String.class,
                tweede.getTraceerId())).isEqualTo("DUPLICAAT");
        VerstuurBerichtAntwoord ander = send(BerichtBuilder.wmo315().gemeente("0599").bsn(TestBsn.nth(302))
                .identificatie("PG315-0002").build());
        assertThat(ander.getStatus()).isEqualTo(Status.AFGEKEURD);
        assertThat(ander.getMeldingen()).extracting(m -> m.getCode()).containsExactly("9056");
    }

    /** A large declaratie (payload.Payload from a file) is stored in parts and delivered whole, on PostgreSQL too. */
    @Test
    void aLargeDeclaratieIsStoredInPartsAndDeliveredWhole() throws Exception {
        byte[] xml = BerichtBuilder.wmo323().identificatie("PG323-GROOT").declaratieNummer("DPGGROOT01")
                .prestaties(1500, TestBsn.first(20)).build().getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(tempDir("pg-groot").resolve("groot.xml"), xml);

        Bericht bericht = ontvangst.ontvang(Payload.file(file), "groot.xml", "SFTP", null);
        producer.send("direct:validate", e -> e.setProperty(Bericht.PROPERTY, bericht));

        assertThat(bericht.status()).as("%s", bericht.meldingen()).isEqualTo(Bericht.Status.AFGELEVERD);
        assertThat(receiveBody("gemeente.0599", bericht.traceerId())).isEqualTo(xml);
        assertThat(payloads.open(bericht.traceerId()).map(Payload::bytes)).contains(xml);
        assertThat(jdbc.queryForObject("select count(*) from payload_deel where traceer_id = ?", Long.class,
                bericht.traceerId())).isEqualTo(2L);
    }
}
