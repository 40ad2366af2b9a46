package nl.knooppunt.validation.keten;

import static nl.knooppunt.validation.keten.KetenTestdata.lees;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.validation.keten.Duplicaten.Uitkomst;
import nl.knooppunt.validation.keten.KetenGeheugen.StartStop;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** The store and the duplicate claims on a real H2 file database with the real migrations. */
class KetenStoreTest {

    @TempDir
    Path dir;

    private JdbcTemplate database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return new JdbcTemplate(ds);
    }

    private static Sleutels sleutels() {
        return new Sleutels(KetenTestdata.PSEUDONYMIZER);
    }

    @Test
    void eenDeclaratieWordtOnthoudenOpSleutelsZonderDeWaarde() {
        JdbcTemplate jdbc = database();
        KetenStore store = new KetenStore(jdbc, sleutels(), KetenTestdata.LEZER);
        store.onthoud(lees(BerichtBuilder.wmo323()), "t-323");

        assertThat(store.declaratie("42420001", "DCL202610")).contains("t-323");
        assertThat(store.declaratie("42420002", "DCL202610")).isEmpty();
        assertThat(store.prestatie("42420001", "DCL202610-2")).contains("t-323");
        assertThat(store.gedeclareerdVolume("0599", 12345)).isEqualTo(12);
        assertThat(jdbc.queryForList("select nummer_sleutel from declaratie", String.class))
                .allSatisfy(s -> assertThat(s).matches("[0-9a-f]{32}").doesNotContain("DCL"));
    }

    @Test
    void toewijzingStartEnStop() {
        JdbcTemplate jdbc = database();
        KetenStore store = new KetenStore(jdbc, sleutels(), KetenTestdata.LEZER);
        store.onthoud(lees(BerichtBuilder.wmo301()), "t-301");
        var t = store.toewijzing("0599", 12345).orElseThrow();
        assertThat(t.aanbieder()).isEqualTo("42420001");
        assertThat(t.code()).isEqualTo("02A01");
        assertThat(t.volume()).isEqualTo(3);
        assertThat(t.eenheid()).isEqualTo("04");
        assertThat(t.frequentie()).isEqualTo("2");

        store.onthoud(lees(BerichtBuilder.wmo305()), "t-305");
        store.onthoud(lees(BerichtBuilder.wmo307()), "t-307");
        assertThat(store.startStops("0599", 12345)).extracting(StartStop::soort, StartStop::traceerId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(StartStop.Soort.START, "t-305"),
                        org.assertj.core.groups.Tuple.tuple(StartStop.Soort.STOP, "t-307"));
    }

    @Test
    void duplicaatEnNietUniekOokNaEenHerstart() {
        Inhoud inhoud = lees(BerichtBuilder.wmo315().identificatie("DUP-1"));
        Duplicaten eerste = new Duplicaten(database(), sleutels());
        assertThat(eerste.claim(inhoud, "aa", "t-1").soort()).isEqualTo(Uitkomst.Soort.NIEUW);
        assertThat(eerste.claim(inhoud, "aa", "t-1").soort()).as("the same bericht again (released from parking)")
                .isEqualTo(Uitkomst.Soort.NIEUW);

        // a new instance on the same database file: what a restart of the hub sees
        Duplicaten naHerstart = new Duplicaten(database(), sleutels());
        assertThat(naHerstart.claim(inhoud, "aa", "t-2")).isEqualTo(new Uitkomst(Uitkomst.Soort.DUPLICAAT, "t-1"));
        assertThat(naHerstart.claim(inhoud, "bb", "t-3")).isEqualTo(new Uitkomst(Uitkomst.Soort.NIET_UNIEK, "t-1"));
        // another berichtsoort or sender may use the same Identificatie
        assertThat(naHerstart.claim(lees(BerichtBuilder.wmo317().identificatie("DUP-1")), "cc", "t-4").soort())
                .isEqualTo(Uitkomst.Soort.NIEUW);
        assertThat(naHerstart.claim(lees(BerichtBuilder.wmo315().identificatie("DUP-1").aanbieder("42420002")), "aa",
                "t-5").soort()).isEqualTo(Uitkomst.Soort.NIEUW);
    }

    @Test
    void eenAfgekeurdBerichtGeeftZijnClaimTerug() {
        JdbcTemplate jdbc = database();
        Inhoud inhoud = lees(BerichtBuilder.wmo315().identificatie("DUP-2"));
        Duplicaten duplicaten = new Duplicaten(jdbc, sleutels());
        duplicaten.claim(inhoud, "aa", "t-1");
        // a claim left by a bericht that was rejected (status AFGEKEURD) is taken over
        jdbc.update("insert into bericht (traceer_id, ontvangen_op, kanaal, grootte, sha256, status, gewijzigd_op) "
                + "values ('t-1', current_timestamp, 'SOAP', 1, 'aa', 'AFGEKEURD', current_timestamp)");
        assertThat(duplicaten.claim(inhoud, "aa", "t-2").soort()).isEqualTo(Uitkomst.Soort.NIEUW);
        assertThat(duplicaten.claim(inhoud, "aa", "t-3")).isEqualTo(new Uitkomst(Uitkomst.Soort.DUPLICAAT, "t-2"));
    }

    @Test
    void eenOnafgemaakteClaimVanEenGestorvenProcesWordtOvergenomen() {
        JdbcTemplate jdbc = database();
        Inhoud inhoud = lees(BerichtBuilder.wmo315().identificatie("DUP-3"));
        Duplicaten duplicaten = new Duplicaten(jdbc, sleutels());
        duplicaten.claim(inhoud, "aa", "t-1");
        jdbc.update("insert into bericht (traceer_id, ontvangen_op, kanaal, grootte, sha256, status, gewijzigd_op) "
                + "values ('t-1', current_timestamp, 'SOAP', 1, 'aa', 'ONTVANGEN', current_timestamp)");
        // still being processed (claimed by this process): the second offer is told to come back later
        assertThatThrownBy(() -> duplicaten.claim(inhoud, "aa", "t-2")).isInstanceOf(Duplicaten.InBehandeling.class)
                .hasMessageContaining("t-1").hasMessageStartingWith("Tijdelijke storing");
        // claimed before this process started: its process died between claim and delivery (kill -9); taken over
        jdbc.update("update bericht_identificatie set geclaimd_op = ? where traceer_id = 't-1'",
                java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(1))));
        // the take-over names the abandoned traceerId, so that its row is closed and not recovered as well
        assertThat(duplicaten.claim(inhoud, "aa", "t-2")).isEqualTo(new Uitkomst(Uitkomst.Soort.NIEUW, null, "t-1"));
        assertThat(duplicaten.claim(inhoud, "aa", "t-3")).isEqualTo(new Uitkomst(Uitkomst.Soort.DUPLICAAT, "t-2"));
    }

    @Test
    void eenHerstelDatTijdelijkMisluktHoudtZijnClaim() {
        JdbcTemplate jdbc = database();
        Inhoud inhoud = lees(BerichtBuilder.wmo315().identificatie("DUP-4"));
        Duplicaten duplicaten = new Duplicaten(jdbc, sleutels());
        duplicaten.claim(inhoud, "aa", "t-1");
        nl.knooppunt.intake.Bericht bericht = new nl.knooppunt.intake.Bericht("t-1", "SOAP", null,
                java.time.Instant.now(), new byte[0]);
        bericht.status(nl.knooppunt.intake.Bericht.Status.GEROUTEERD);
        duplicaten.vrijgeven(bericht, Boolean.TRUE);
        assertThat(jdbc.queryForObject("select count(*) from bericht_identificatie where traceer_id = 't-1'",
                Integer.class)).as("claim kept for the next recovery run").isEqualTo(1);
        duplicaten.vrijgeven(bericht, null);
        assertThat(jdbc.queryForObject("select count(*) from bericht_identificatie where traceer_id = 't-1'",
                Integer.class)).as("an intake that failed transiently gives its claim back").isZero();
    }

    @Test
    void tweeGelijkeBerichtenTegelijkGevenEenNieuwe() throws Exception {
        Duplicaten duplicaten = new Duplicaten(database(), sleutels());
        Inhoud inhoud = lees(BerichtBuilder.wmo315().identificatie("RACE-1"));
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Uitkomst>> uitkomsten = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String traceerId = "t-" + i;
            Callable<Uitkomst> claim = () -> {
                start.await();
                return duplicaten.claim(inhoud, "aa", traceerId);
            };
            uitkomsten.add(pool.submit(claim));
        }
        start.countDown();
        List<Uitkomst.Soort> soorten = new ArrayList<>();
        for (Future<Uitkomst> f : uitkomsten) {
            soorten.add(f.get(20, TimeUnit.SECONDS).soort());
        }
        pool.shutdown();
        assertThat(soorten).containsOnlyOnce(Uitkomst.Soort.NIEUW);
        assertThat(soorten).filteredOn(s -> s == Uitkomst.Soort.DUPLICAAT).hasSize(n - 1);
    }
}
