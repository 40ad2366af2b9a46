package nl.knooppunt.rapportage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Report-query benchmark (not a unit test): bulk-loads a year of a large region — 100,000 toewijzingen and 2,000,000
 * report facts (one per audit event that counts) — into a fresh H2 file database migrated by Flyway, and into
 * PostgreSQL when {@code KNOOPPUNT_TEST_POSTGRES_URL} (jdbc URL; user/password in KNOOPPUNT_TEST_POSTGRES_USER/_PASSWORD)
 * is set; then times each report (median of 5 runs) for the whole year and for one aanbieder. Run:
 * <pre>mvn -o -q test-compile exec:java -Dexec.mainClass=nl.knooppunt.rapportage.RapportBenchmark -Dexec.classpathScope=test</pre>
 */
public final class RapportBenchmark {

    static final int TOEWIJZINGEN = 100_000;
    static final int FEITEN = 2_000_000;
    static final int AANBIEDERS = 400;
    static final String[] GEMEENTEN = {"0599", "0489", "0501", "0542", "0556", "0597", "0606", "0613", "0622", "1621"};
    static final String[] TYPES = {"WMO301", "WMO305", "WMO307", "WMO315", "WMO317", "WMO323"};

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("rapport-benchmark");
        run("H2", "jdbc:h2:file:" + dir.resolve("db") + "", "sa", "");
        String pg = System.getenv("KNOOPPUNT_TEST_POSTGRES_URL");
        if (pg != null && !pg.isBlank()) {
            run("PostgreSQL", pg, System.getenv("KNOOPPUNT_TEST_POSTGRES_USER"),
                    System.getenv("KNOOPPUNT_TEST_POSTGRES_PASSWORD"));
        }
    }

    static void run(String naam, String url, String user, String password) {
        // one connection for load and queries: a connection per batch makes the bulk load crawl
        SingleConnectionDataSource ds = new SingleConnectionDataSource(url, user, password, true);
        Flyway.configure().dataSource(ds).cleanDisabled(false).load().clean();
        Flyway.configure().dataSource(ds).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        long start = System.nanoTime();
        load(jdbc);
        System.out.printf("%s: loaded %,d toewijzingen and %,d facts in %.1f s%n", naam, TOEWIJZINGEN, FEITEN,
                (System.nanoTime() - start) / 1e9);
        RapportQueries q = new RapportQueries(jdbc);
        Periode jaar = Periode.of("2025-01", "2025-12", null, null, LocalDate.now());
        Periode eenAanbieder = Periode.of("2025-01", "2025-12", aanbieder(7), null, LocalDate.now());
        Periode maandGemeente = Periode.of("2025-06", "2025-06", null, "0599", LocalDate.now());
        Map<String, Supplier<List<?>>> rapporten = new java.util.LinkedHashMap<>();
        for (var p : Map.of("jaar", jaar, "jaar, 1 aanbieder", eenAanbieder, "1 maand, 1 gemeente", maandGemeente)
                .entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            rapporten.put("berichten (" + p.getKey() + ")", () -> q.berichten(p.getValue()));
            rapporten.put("afkeur (" + p.getKey() + ")", () -> q.afkeur(p.getValue()));
            rapporten.put("toewijzingen (" + p.getKey() + ")", () -> q.toewijzingen(p.getValue()));
            rapporten.put("volume (" + p.getKey() + ")", () -> q.volume(p.getValue()));
            rapporten.put("zonder-toewijzing (" + p.getKey() + ")", () -> q.zonderToewijzing(p.getValue()));
        }
        System.out.printf("%n| %s: rapport (filter) | rijen | mediaan (ms) |%n|---|---:|---:|%n", naam);
        rapporten.forEach((rapport, query) -> {
            List<Long> tijden = new ArrayList<>();
            int rijen = 0;
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                rijen = query.get().size();
                tijden.add((System.nanoTime() - t0) / 1_000_000);
            }
            tijden.sort(null);
            System.out.printf("| %s | %,d | %d |%n", rapport, rijen, tijden.get(2));
        });
    }

    static String aanbieder(int i) {
        return String.format("4243%04d", i % AANBIEDERS);
    }

    static void load(JdbcTemplate jdbc) {
        LocalDate jaar = LocalDate.of(2025, 1, 1);
        List<Object[]> rows = new ArrayList<>();
        Timestamp nu = Timestamp.from(Instant.now());
        for (int i = 0; i < TOEWIJZINGEN; i++) {
            LocalDate ingang = jaar.plusDays(i % 300);
            rows.add(new Object[] {GEMEENTEN[i % GEMEENTEN.length], (long) i, aanbieder(i), "02",
                    Date.valueOf(ingang), Date.valueOf(ingang.plusDays(90 + i % 200)), UUID.randomUUID().toString(),
                    nu, "02A0" + (i % 5), 3L + i % 5, "04", i % 3 == 0 ? "4" : "2"});
            if (rows.size() == 5_000) {
                toewijzingen(jdbc, rows);
            }
        }
        toewijzingen(jdbc, rows);
        for (int i = 0; i < FEITEN; i++) {
            long toewijzing = (i * 7919L) % (TOEWIJZINGEN + TOEWIJZINGEN / 20); // 5% on unknown toewijzingen
            String type = i % 20 == 0 ? "WMO323" : TYPES[i % TYPES.length];
            String eventType = i % 25 == 0 ? "AFGEKEURD" : i % 97 == 0 ? "DUPLICAAT" : "GEROUTEERD";
            boolean prestatie = "WMO323".equals(type);
            LocalDate dag = jaar.plusDays(i % 365);
            rows.add(new Object[] {UUID.randomUUID().toString(), 1, UUID.randomUUID().toString(), eventType,
                    Timestamp.valueOf(dag.atTime(10, 0)), RapportFeiten.maand(dag), type,
                    aanbieder((int) toewijzing), GEMEENTEN[(int) (toewijzing % GEMEENTEN.length)], "02",
                    "02A0" + (toewijzing % 5), prestatie ? "Prestatie" : "ToegewezenProduct", toewijzing,
                    prestatie ? 4L + i % 9 : 3L, "04", prestatie ? (4L + i % 9) * 6250 : null,
                    "AFGEKEURD".equals(eventType) ? (i % 2 == 0 ? "8001" : "KP007") : null});
            if (rows.size() == 10_000) {
                feiten(jdbc, rows);
            }
        }
        feiten(jdbc, rows);
        jdbc.execute("analyze");
    }

    private static void toewijzingen(JdbcTemplate jdbc, List<Object[]> rows) {
        jdbc.batchUpdate("insert into toewijzing (gemeente, toewijzing_nummer, aanbieder, productcategorie, ingangsdatum, "
                + "einddatum, traceer_id, bijgewerkt_op, product_code, volume, eenheid, frequentie) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        rows.clear();
    }

    private static void feiten(JdbcTemplate jdbc, List<Object[]> rows) {
        jdbc.batchUpdate("insert into rapport_feit (event_id, regel, traceer_id, event_type, tijdstip, maand, berichttype, "
                + "aanbieder, gemeente, productcategorie, productcode, soort, toewijzing_nummer, volume, eenheid, bedrag, "
                + "code) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        rows.clear();
    }
}
