package nl.knooppunt.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import nl.knooppunt.it.support.Batch;
import nl.knooppunt.it.support.Figures;
import nl.knooppunt.it.support.HubProcess;
import nl.knooppunt.it.support.Receiver;
import nl.knooppunt.it.support.TcpProxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Item 3: the database goes away under a running hub (PostgreSQL behind a TCP proxy that the test cuts), then comes
 * back. Needs {@code KNOOPPUNT_TEST_POSTGRES_URL} (.ci/run starts a throwaway cluster); skipped with the reason
 * otherwise. The H2 half of item 3 (durable on commit: WRITE_DELAY=0) is proved by HubKillIT.
 */
@EnabledIfEnvironmentVariable(named = "KNOOPPUNT_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+",
        disabledReason = "geen PostgreSQL: zet KNOOPPUNT_TEST_POSTGRES_URL (.ci/run doet dat)")
class DatabaseDownIT extends Scenario {

    static final int VOOR = 40;
    static final int TIJDENS = 10;
    static final int SFTP_TIJDENS = 10;

    @Test
    void intakeRefusesWhileTheDatabaseIsDownAndTheHubRecoversByItself() throws Exception {
        setup("database-down");
        Figures figures = new Figures("database-down", "The hub on PostgreSQL behind a TCP proxy; the test cuts "
                + "the proxy (open connections dropped, new ones refused) and later restores it. While the database "
                + "is down no bericht is accepted: SOAP senders get a SOAP fault (transient); an SFTP upload is taken into "
                + "the hub's work folder on disk but not processed (no verwerkingsverslag) until the database is back; nothing is accepted without its audit record. When the database is back the hub "
                + "recovers without a restart: resends are accepted, the SFTP files are processed, every bericht is "
                + "delivered exactly once with one AFGELEVERD audit event.");
        String admin = System.getenv("KNOOPPUNT_TEST_POSTGRES_URL");
        String database = "knooppunt_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)
                .toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        URI pg = URI.create(admin.substring("jdbc:".length()));
        String query = pg.getRawQuery() == null ? "" : "?" + pg.getRawQuery();
        String direct = "jdbc:postgresql://" + pg.getHost() + ":" + pg.getPort() + "/" + database + query;
        String user = admin.contains("user=") ? admin.replaceFirst(".*[?&]user=([^&]*).*", "$1") : "postgres";
        String password = admin.replaceFirst(".*[?&]password=([^&]*).*|.*", "$1");
        try (TcpProxy proxy = new TcpProxy(pg.getHost(), pg.getPort());
                HubProcess hub = hub("database-down-hub")
                        .property("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/"
                                + database + query)
                        .property("spring.datasource.username", user)
                        .property("spring.datasource.password", password)
                        .property("spring.datasource.hikari.connection-timeout", "1000")
                        .property("spring.datasource.hikari.validation-timeout", "500")) {
            hub.start();
            Batch voor = new Batch(VOOR + TIJDENS, SFTP_TIJDENS);
            List<Batch.Item> soapVoor = voor.items().stream().filter(Batch.Item::soap).limit(VOOR).toList();
            voor.resend(hub.soapUrl(), hub.sftpPort(), key, soapVoor);
            assertThat(voor.acceptedCount()).isEqualTo(VOOR);

            long cutAt = System.nanoTime();
            proxy.cut();
            List<Batch.Item> tijdens = Stream.concat(voor.items().stream().filter(Batch.Item::soap).skip(VOOR),
                    voor.items().stream().filter(i -> !i.soap())).toList();
            voor.resend(hub.soapUrl(), hub.sftpPort(), key, tijdens);
            int acceptedWhileDown = (int) voor.accepted().entrySet().stream()
                    .filter(e -> e.getKey().startsWith("KS") && !"sftp".equals(e.getValue())).count() - VOOR;
            int soapRefused = (int) voor.failed().stream().filter(Batch.Item::soap).count();
            assertThat(voor.faults()).as("SOAP fault while the database is down").isNotEmpty()
                    .allMatch(f -> f.startsWith("SoapFault: Tijdelijke storing"));
            String fault = voor.faults().peek();
            Path werk = hub.dataDir().resolve("sftp/werk");
            long sftpWaiting;
            try (Stream<Path> files = Files.walk(werk)) {
                sftpWaiting = files.filter(Files::isRegularFile).count();
            }
            // SFTP: the rename hands the file to the hub's work folder (on disk, outside the chroot), but it is not
            // processed: no verwerkingsverslag in in/ while the database is down
            assertThat(sftpWaiting).as("SFTP files kept in the work folder").isEqualTo(SFTP_TIJDENS);
            long verslagenWhileDown;
            Path in = hub.dataDir().resolve("sftp/home/" + Batch.SFTP_AANBIEDER + "/in");
            try (Stream<Path> files = Files.exists(in) ? Files.list(in) : Stream.empty()) {
                verslagenWhileDown = files.count();
            }
            assertThat(verslagenWhileDown).as("no verwerkingsverslag while the database is down").isZero();
            String health = hub.get("/actuator/health");

            proxy.restore();
            long restoredAt = System.nanoTime();
            await("all accepted after the database is back").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        voor.resendFailed(hub.soapUrl(), hub.sftpPort(), key);
                        return voor.failed().isEmpty();
                    });
            long recoverMs = millis(restoredAt);
            Receiver receiver = awaitAllDelivered(hub.brokerUrl(), voor, Duration.ofMinutes(3));
            assertExactlyOnce(receiver, voor);
            receiver.close();
            Audit audit = drainAudit(hub.brokerUrl(), voor.size(), Duration.ofMinutes(2));
            assertAudit(audit);

            long unpublished;
            long afgeleverd;
            try (Connection c = DriverManager.getConnection(direct, user, password); Statement s = c.createStatement()) {
                unpublished = one(s, "select count(*) from audit_event where not gepubliceerd");
                afgeleverd = one(s, "select count(distinct traceer_id) from audit_event where event_type = 'AFGELEVERD'");
            }
            assertThat(afgeleverd).isEqualTo(voor.size());
            assertThat(acceptedWhileDown).as("no SOAP bericht accepted while the database is down").isZero();

            figures.put("berichten", voor.size())
                    .put("acceptedBeforeCut", VOOR)
                    .put("offeredWhileDown", tijdens.size())
                    .put("soapAcceptedWhileDown", acceptedWhileDown)
                    .put("sftpVerslagenWhileDown", verslagenWhileDown)
                    .put("soapRefusedWhileDown", soapRefused)
                    .put("sftpFilesWaitingInWorkFolder", sftpWaiting)
                    .put("soapFaultSample", fault.length() > 160 ? fault.substring(0, 160) + "…" : fault)
                    .put("healthWhileDown", health == null ? "not 200 (DOWN)" : health)
                    .put("downMs", (restoredAt - cutAt) / 1_000_000)
                    .put("restoreToAllAcceptedMs", recoverMs)
                    .put("deliveredDistinct", receiver.counts().size())
                    .put("deliveredTwice", receiver.duplicates())
                    .put("auditAfgeleverd", audit.count("AFGELEVERD"))
                    .put("auditUnpublishedAtEnd", unpublished)
                    .put("hubHeapPeakMb", hub.peakHeapMb());
            figures.write();
        }
    }

    private static long one(Statement s, String sql) throws java.sql.SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
