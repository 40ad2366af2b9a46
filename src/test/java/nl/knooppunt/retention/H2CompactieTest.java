package nl.knooppunt.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * The embedded H2 file reuses its space when {@link H2Compactie} runs. The workload has the hub's shape: many small
 * commits, each adding rows that stay (an event with an index, report facts) and changing rows added before (an
 * outbox mark). Without compaction every commit leaves a chunk of which only a little stays live, and the file
 * grows by all of them. H2's retention time is 0 here, so freed space is reused at once (in the hub: after 45 s).
 */
class H2CompactieTest {

    private static final H2CompactieProperties PROPERTIES =
            new H2CompactieProperties(Duration.ofSeconds(10), 50, DataSize.ofMegabytes(16));

    @TempDir
    Path dir;

    @Test
    void theFileStaysSmallWhenCompactedAndGrowsWithEveryCommitWithout() throws Exception {
        long zonder = workload("zonder", false);
        long met = workload("met", true);

        assertThat(met).as("file with compaction (%d KB) against without (%d KB)", met >> 10, zonder >> 10)
                .isLessThan(zonder / 2);
    }

    @Test
    void aRunDoesNothingOnAnotherDatabaseOrInMemory() throws Exception {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:compactie;DB_CLOSE_DELAY=-1");
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        H2Compactie compactie = new H2Compactie(memory, PROPERTIES, Optional.of(metrics));

        assertThat(compactie.compacteer()).isFalse();
        assertThat(metrics.get("knooppunt.h2.bestand").gauge().value()).isNaN();
    }

    @Test
    void onPostgresItNeverTakesAConnectionNotEvenWhileTheDatabaseIsDown() throws Exception {
        try (com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource()) {
            // nothing listens there: a connection attempt would fail this test
            pool.setJdbcUrl("jdbc:postgresql://127.0.0.1:9/knooppunt");
            pool.setConnectionTimeout(250);
            SimpleMeterRegistry metrics = new SimpleMeterRegistry();
            H2Compactie compactie = new H2Compactie(pool, PROPERTIES, Optional.of(metrics));

            assertThat(compactie.compacteer()).isFalse();
            assertThat(metrics.get("knooppunt.h2.vulgraad").gauge().value()).isNaN();
            assertThat(pool.getHikariPoolMXBean()).as("the pool was never started").isNull();
        }
    }

    @Test
    void theGaugesShowTheFileAndHowMuchOfItIsLive() throws Exception {
        JdbcDataSource file = dataSource("meting");
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        new H2Compactie(file, PROPERTIES, Optional.of(metrics));
        try (Connection c = file.getConnection()) {
            c.createStatement().execute("create table t (id int primary key)");
            assertThat(metrics.get("knooppunt.h2.bestand").gauge().value()).isPositive();
            assertThat(metrics.get("knooppunt.h2.vulgraad").gauge().value()).isBetween(0.0, 100.0);
        }
    }

    @Test
    void badSettingsFailAtStartUpWithTheKeyInTheMessage() {
        assertThatThrownBy(() -> new H2CompactieProperties(Duration.ofMillis(10), 50, DataSize.ofMegabytes(16)))
                .hasMessageContaining("knooppunt.h2-compactie.interval");
        assertThatThrownBy(() -> new H2CompactieProperties(Duration.ofSeconds(10), 50, DataSize.ofKilobytes(10)))
                .hasMessageContaining("knooppunt.h2-compactie.per-run");
    }

    /** 4,000 commits of the hub's shape; the file's size at the end (H2 still open, as in a running hub). */
    private long workload(String naam, boolean compacteren) throws Exception {
        JdbcDataSource ds = dataSource(naam);
        H2Compactie compactie = new H2Compactie(ds, PROPERTIES, Optional.empty());
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute("create table ev (id varchar(36) primary key, t timestamp, inhoud varchar(4000), "
                    + "pub boolean)");
            c.createStatement().execute("create index ev_pub on ev (pub, t)");
            c.createStatement().execute("create table feit (id bigint auto_increment primary key, a varchar(10), "
                    + "b varchar(10), n int)");
            c.createStatement().execute("create index feit_a on feit (a, b)");
            c.setAutoCommit(false);
            PreparedStatement ev = c.prepareStatement("insert into ev values (?, current_timestamp, ?, false)");
            PreparedStatement feit = c.prepareStatement("insert into feit (a, b, n) values (?, ?, ?)");
            PreparedStatement pub = c.prepareStatement("update ev set pub = true where id = ?");
            String inhoud = "x".repeat(1500);
            String vorige = null;
            for (int i = 1; i <= 4000; i++) {
                String id = UUID.randomUUID().toString();
                ev.setString(1, id);
                ev.setString(2, inhoud);
                ev.executeUpdate();
                for (int k = 0; k < 3; k++) {
                    feit.setString(1, "a" + i % 97);
                    feit.setString(2, "b" + k);
                    feit.setInt(3, i);
                    feit.executeUpdate();
                }
                if (vorige != null) {
                    pub.setString(1, vorige);
                    pub.executeUpdate();
                }
                c.commit();
                vorige = id;
                if (compacteren && i % 200 == 0) {
                    compactie.compacteer();
                }
            }
            return Files.size(dir.resolve(naam + ".mv.db"));
        }
    }

    private JdbcDataSource dataSource(String naam) {
        JdbcDataSource ds = new JdbcDataSource();
        // the hub's settings (application.yml), with H2's retention time 0 so that freed space is reused at once
        ds.setURL("jdbc:h2:file:" + dir.resolve(naam) + ";WRITE_DELAY=0;RETENTION_TIME=0");
        ds.setUser("sa");
        return ds;
    }
}
