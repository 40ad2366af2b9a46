package nl.knooppunt.rapportage;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Report-query benchmark (not a unit test; surefire never runs it): a year (2025) of a large region — 100,000
 * toewijzingen and about 2,000,000 report facts — is generated once into CSV files, then bulk-loaded into a fresh H2
 * file database migrated by Flyway ({@code insert … select from csvread}), and into PostgreSQL when
 * {@code KNOOPPUNT_TEST_POSTGRES_URL} is set ({@code COPY … FROM STDIN}); each report is then timed (median of 5 runs)
 * for the whole year, the year of one aanbieder and one month of one gemeente. docs/performance.md,
 * "Rapportage-queries", has the command and the figures.
 * <p>The data follow the shape of a real region: 10 gemeenten of very different sizes, 400 aanbieders of which a few
 * are large (Zipf), a realistic mix of productcategorieën with their own eenheid and frequentie, toewijzingen of 3–12
 * months starting from mid-2024 on, a 315 before some of them, 301/305/307 around each, some 317s, and declaraties (323)
 * per aanbieder × gemeente × month with a prestatie per week (or per month for aanbieders that declare monthly) for
 * each active toewijzing; 5% of the prestaties name a toewijzing the hub does not know, about 2% of the toewijzingen are
 * overschreden, and 2.5% of the berichten from aanbieders are rejected (0.7% duplicates).
 */
public final class RapportBenchmark {

    static final int TOEWIJZINGEN = 100_000;
    static final int AANBIEDERS = 400;
    static final String[] GEMEENTEN = {"0599", "0489", "0501", "0542", "0556", "0597", "0606", "0613", "0622", "1621"};
    /** Relative size of each gemeente (roughly its population): one big city and small neighbours. */
    static final double[] GEMEENTE_GEWICHT = {65, 6, 4, 3, 3.5, 4.6, 8, 2.6, 7.4, 6.3};
    static final int CHUNK = 100_000;
    /** The gemeenten above are one BW/MO region; most aanbieders work in it, some come from elsewhere, a few unknown. */
    static final String REGIO = "Rotterdam";
    static final String[] ANDERE_REGIOS = {"Zuid-Holland Zuid", "Haaglanden", "Zeeland", "Utrecht"};

    /** A product of the regional contract: category, code, eenheid (WJ756), frequentie (WMO757), volume, tarief. */
    record Product(String categorie, String code, String eenheid, String frequentie, int minVolume, int maxVolume,
                   long tarief, double gewicht) {
    }

    static final Product[] PRODUCTEN = {
            new Product("01", "01A01", "04", "2", 2, 6, 3_200, 35),
            new Product("02", "02A01", "04", "2", 2, 8, 6_500, 25),
            new Product("03", "03A01", "04", "2", 1, 5, 5_800, 8),
            new Product("07", "07A01", "16", "2", 1, 5, 4_500, 12),
            new Product("08", "08A01", "82", "2", 2, 10, 2_100, 10),
            new Product("04", "04A01", "14", "4", 2, 8, 12_000, 3),
            new Product("15", "15A01", "14", "1", 1, 1, 15_000, 4),
            new Product("10", "10A01", "83", "6", 500, 5_000, 0, 3)};
    static final String[] AFKEURCODES = {"8001", "8001", "9338", "9338", "0611", "9346", "KP007", "S329"};

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("rapport-benchmark");
        long start = System.nanoTime();
        try {
            Data data = generate(dir);
            System.out.printf("generated %,d toewijzingen, %,d facts and %,d termijnen in %.1f s (CSV in %s)%n",
                    data.toewijzingen, data.feiten, data.termijnen, seconds(start), dir);
            List<String> databases = args.length == 0 ? List.of("h2", "postgresql") : List.of(args);
            if (databases.contains("h2")) {
                // QUERY_CACHE_SIZE=0: else H2 hands a repeated query its previous result (0 ms) while nothing changed
                run("H2", "jdbc:h2:file:" + dir.resolve("db") + ";QUERY_CACHE_SIZE=0", "sa", "", data);
            }
            String pg = System.getenv("KNOOPPUNT_TEST_POSTGRES_URL");
            if (databases.contains("postgresql") && pg != null && !pg.isBlank()) {
                run("PostgreSQL", pg, System.getenv("KNOOPPUNT_TEST_POSTGRES_USER"),
                        System.getenv("KNOOPPUNT_TEST_POSTGRES_PASSWORD"), data);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static void run(String naam, String url, String user, String password, Data data) throws Exception {
        // one connection for load and queries
        SingleConnectionDataSource ds = new SingleConnectionDataSource(url, user, password, true);
        Flyway.configure().dataSource(ds).cleanDisabled(false).load().clean();
        Flyway.configure().dataSource(ds).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        long start = System.nanoTime();
        boolean postgres = url.startsWith("jdbc:postgresql:");
        // the migrations' secondary indexes are built once after the load: much cheaper than row by row
        List<String> indexen = secondaryIndexes(jdbc, postgres);
        for (String index : indexen) {
            jdbc.execute("drop index " + index.split(" ")[2]);
        }
        for (Path file : data.toewijzingFiles) {
            load(jdbc, postgres, "toewijzing", TOEWIJZING_KOLOMMEN, file);
        }
        for (Path file : data.feitFiles) {
            load(jdbc, postgres, "rapport_feit", FEIT_KOLOMMEN, file);
        }
        for (Path file : data.termijnFiles) {
            load(jdbc, postgres, "termijn", TERMIJN_KOLOMMEN, file);
        }
        indexen.forEach(jdbc::execute);
        jdbc.execute("analyze");
        long toewijzingen = jdbc.queryForObject("select count(*) from toewijzing", Long.class);
        long feiten = jdbc.queryForObject("select count(*) from rapport_feit", Long.class);
        long in2025 = jdbc.queryForObject("select count(*) from rapport_feit where maand like '2025-%'", Long.class);
        long termijnen = jdbc.queryForObject("select count(*) from termijn", Long.class);
        System.out.printf("%s: loaded %,d toewijzingen, %,d facts (%,d in 2025) and %,d termijnen in %.1f s%n", naam,
                toewijzingen, feiten, in2025, termijnen, seconds(start));
        RapportQueries q = new RapportQueries(jdbc);
        Map<String, Periode> scopes = new LinkedHashMap<>();
        scopes.put("jaar", Periode.of("2025-01", "2025-12", null, null, LocalDate.now()));
        scopes.put("jaar, 1 aanbieder", Periode.of("2025-01", "2025-12", aanbieder(7), null, LocalDate.now()));
        scopes.put("1 maand, 1 gemeente", Periode.of("2025-06", "2025-06", null, "0599", LocalDate.now()));
        Map<String, java.util.function.Function<Periode, List<?>>> rapporten = new LinkedHashMap<>();
        rapporten.put("berichten", q::berichten);
        rapporten.put("afkeur", q::afkeur);
        rapporten.put("toewijzingen", q::toewijzingen);
        rapporten.put("volume", q::volume);
        rapporten.put("zonder-toewijzing", q::zonderToewijzing);
        rapporten.put("termijnen", q::termijnen);
        rapporten.put("bovenregionaal", q::bovenregionaal);
        System.out.printf("%n| %s: rapport | filter | rijen | mediaan (ms) | min–max (ms) |%n|---|---|---:|---:|---|%n",
                naam);
        rapporten.forEach((rapport, query) -> scopes.forEach((scope, periode) -> {
            Supplier<List<?>> run = () -> query.apply(periode);
            List<Long> tijden = new ArrayList<>();
            int rijen = 0;
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                rijen = run.get().size();
                tijden.add((System.nanoTime() - t0) / 1_000_000);
            }
            tijden.sort(null);
            System.out.printf("| %s | %s | %,d | %d | %d–%d |%n", rapport, scope, rijen, tijden.get(2), tijden.get(0),
                    tijden.get(4));
        }));
        System.out.println();
        ds.destroy();
    }

    static final String TOEWIJZING_KOLOMMEN = "gemeente, toewijzing_nummer, aanbieder, responsible, executing, "
            + "productcategorie, ingangsdatum, einddatum, traceer_id, bijgewerkt_op, product_code, volume, eenheid, "
            + "frequentie";
    static final String FEIT_KOLOMMEN = "event_id, regel, traceer_id, event_type, tijdstip, maand, berichttype, "
            + "aanbieder, gemeente, executing, productcategorie, productcode, soort, toewijzing_nummer, volume, eenheid, "
            + "bedrag, code, aanbieder_regio, executing_regio";
    static final String TERMIJN_KOLOMMEN = "id, regel, traceer_id, sleutel, berichttype, gemeente, aanbieder, verwacht, "
            + "vanaf, uiterlijk, voldaan_op, voldaan_door";

    /** One CSV chunk per statement (and so per transaction): H2 and PostgreSQL both load a chunk in one pass. */
    private static void load(JdbcTemplate jdbc, boolean postgres, String table, String kolommen, Path file) {
        if (postgres) {
            jdbc.execute((Connection c) -> {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    return c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " (" + kolommen
                            + ") from stdin (format csv, header true)", reader);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } else {
            // CSVREAD gives text columns; an empty field is NULL; H2 casts to the column types on insert
            jdbc.update("insert into " + table + " (" + kolommen + ") select * from csvread('"
                    + file.toString().replace("'", "''") + "', null, 'charset=UTF-8 fieldSeparator=,')");
        }
    }

    /** The create statements of the non-primary-key indexes on the two tables, as the migrations made them. */
    private static List<String> secondaryIndexes(JdbcTemplate jdbc, boolean postgres) {
        if (postgres) {
            return jdbc.queryForList("select indexdef from pg_indexes where tablename in ('rapport_feit', 'toewijzing', 'termijn') "
                    + "and indexname not like '%pkey'", String.class);
        }
        Map<String, List<String>> kolommen = new LinkedHashMap<>();
        jdbc.query("select i.index_name, i.table_name, c.column_name from information_schema.indexes i "
                + "join information_schema.index_columns c on c.index_schema = i.index_schema "
                + "and c.index_name = i.index_name where i.table_name in ('RAPPORT_FEIT', 'TOEWIJZING', 'TERMIJN') "
                + "and i.index_type_name <> 'PRIMARY KEY' order by i.index_name, c.ordinal_position", rs -> {
                    kolommen.computeIfAbsent(rs.getString(1) + " on " + rs.getString(2), k -> new ArrayList<>())
                            .add(rs.getString(3));
                });
        return kolommen.entrySet().stream().map(e -> "create index " + e.getKey() + " ("
                + String.join(", ", e.getValue()) + ")").toList();
    }

    static String aanbieder(int i) {
        return String.format("4243%04d", i);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    record Data(List<Path> toewijzingFiles, List<Path> feitFiles, List<Path> termijnFiles, long toewijzingen,
                long feiten, long termijnen) {
    }

    /** One toewijzing of the generated region. */
    record Toewijzing(int gemeente, long nummer, int aanbieder, Product product, int volume, LocalDate ingang,
                      LocalDate eind, boolean overschreden) {
    }

    /** One product line of a bericht; the month of its fact is the month of {@code begin}. */
    record Regel(String soort, long nummer, long volume, Long bedrag, LocalDate begin) {
    }

    /** Generates the region deterministically (fixed seed) into CSV chunks of {@value #CHUNK} rows. */
    static Data generate(Path dir) throws IOException {
        SplittableRandom random = new SplittableRandom(20250101);
        double[] aanbiederGewicht = new double[AANBIEDERS];
        for (int a = 0; a < AANBIEDERS; a++) {
            aanbiederGewicht[a] = 1 / Math.pow(a + 1, 0.9);
        }
        double[] productGewicht = java.util.Arrays.stream(PRODUCTEN).mapToDouble(Product::gewicht).toArray();
        boolean[] maandelijks = new boolean[AANBIEDERS];
        for (int a = 0; a < AANBIEDERS; a++) {
            maandelijks[a] = random.nextDouble() < 0.4;
        }
        LocalDate eerste = LocalDate.of(2024, 7, 1);
        List<Toewijzing> toewijzingen = new ArrayList<>(TOEWIJZINGEN);
        try (Csv csv = new Csv(dir, "toewijzing", TOEWIJZING_KOLOMMEN)) {
            for (int i = 0; i < TOEWIJZINGEN; i++) {
                int gemeente = pick(random, GEMEENTE_GEWICHT);
                Product product = PRODUCTEN[pick(random, productGewicht)];
                LocalDate ingang = eerste.plusDays(random.nextInt(548));
                LocalDate eind = ingang.plusMonths(3 + random.nextInt(10)).minusDays(1);
                int volume = product.minVolume() + random.nextInt(product.maxVolume() - product.minVolume() + 1);
                Toewijzing t = new Toewijzing(gemeente, 1_000_000L + i, pick(random, aanbiederGewicht), product,
                        volume, ingang, eind, random.nextDouble() < 0.02);
                toewijzingen.add(t);
                String g = GEMEENTEN[gemeente];
                csv.row(g, t.nummer(), aanbieder(t.aanbieder()), g, g, product.categorie(), t.ingang(), t.eind(),
                        "t" + t.nummer(), tijdstip(t.ingang().minusDays(1)), product.code(), volume, product.eenheid(),
                        product.frequentie());
            }
            csv.close();
            String[] regio = new String[AANBIEDERS];
            for (int a = 0; a < AANBIEDERS; a++) {
                double r = random.nextDouble();
                regio[a] = r < 0.8 ? REGIO : r < 0.97 ? ANDERE_REGIOS[random.nextInt(ANDERE_REGIOS.length)] : null;
            }
            Feiten feiten = new Feiten(dir, random, regio);
            for (Toewijzing t : toewijzingen) {
                feiten.rondToewijzing(t);
            }
            feiten.declaraties(toewijzingen, maandelijks);
            feiten.csv.close();
            feiten.termijnen.close();
            return new Data(csv.files, feiten.csv.files, feiten.termijnen.files, csv.rows, feiten.csv.rows,
                    feiten.termijnen.rows);
        }
    }

    /** Writes the facts of the berichten around toewijzingen and of the monthly declaraties. */
    static final class Feiten {
        final Csv csv;
        final Csv termijnen;
        final SplittableRandom random;
        final String[] regio;
        long events;
        long onbekend = 9_000_000L;

        Feiten(Path dir, SplittableRandom random, String[] regio) throws IOException {
            this.csv = new Csv(dir, "rapport_feit", FEIT_KOLOMMEN);
            this.termijnen = new Csv(dir, "termijn", TERMIJN_KOLOMMEN);
            this.random = random;
            this.regio = regio;
        }

        /**
         * The answer deadline (OP090) of an accepted heenbericht: five werkdagen, taken as a week; 92% answered in
         * time, 5% late, 3% never.
         */
        private void termijn(String traceerId, String type, String g, String a, LocalDate dag) throws IOException {
            LocalDate uiterlijk = dag.plusDays(7);
            double r = random.nextDouble();
            LocalDate voldaan = r < 0.92 ? dag.plusDays(1 + random.nextInt(7)) : r < 0.97
                    ? uiterlijk.plusDays(1 + random.nextInt(20)) : null;
            String retour = "WMO323".equals(type) ? "WMO325" : "WMO" + (Integer.parseInt(type.substring(3)) + 1);
            termijnen.row("m" + traceerId, "OP090", traceerId, "k" + traceerId, type, g, a, retour, dag, uiterlijk,
                    voldaan, voldaan == null ? null : "r" + traceerId);
        }

        /** 315 (30%) before, 301 at, 305 after the ingangsdatum; 317 for 8%; 307 at the einddatum. */
        void rondToewijzing(Toewijzing t) throws IOException {
            if (random.nextDouble() < 0.3) {
                vanAanbieder(t, "WMO315", t.ingang().minusDays(10 + random.nextInt(20)), "AangevraagdProduct");
            }
            bericht("GEROUTEERD", "WMO301", t, t.ingang().minusDays(1), List.of(new Regel("ToegewezenProduct",
                    t.nummer(), t.volume(), null, t.ingang())), null);
            vanAanbieder(t, "WMO305", t.ingang().plusDays(random.nextInt(5)), null);
            if (random.nextDouble() < 0.08) {
                vanAanbieder(t, "WMO317", t.ingang().plusDays(30 + random.nextInt(60)), "TeWijzigenProduct");
            }
            if (random.nextDouble() < 0.85) {
                vanAanbieder(t, "WMO307", t.eind().plusDays(random.nextInt(5)), null);
            }
        }

        private void vanAanbieder(Toewijzing t, String type, LocalDate dag, String soort) throws IOException {
            List<Regel> regels = soort == null ? List.of() : List.of(new Regel(soort, t.nummer(), t.volume(), null,
                    dag));
            uitkomst(t, type, dag, regels);
        }

        /** 2.5% rejected (then sent again and accepted), 0.7% also arrive a second time as duplicate. */
        private void uitkomst(Toewijzing t, String type, LocalDate dag, List<Regel> regels) throws IOException {
            if (random.nextDouble() < 0.025) {
                bericht("AFGEKEURD", type, t, dag, List.of(), AFKEURCODES[random.nextInt(AFKEURCODES.length)]);
                dag = dag.plusDays(2);
            }
            bericht("GEROUTEERD", type, t, dag, regels, null);
            if (random.nextDouble() < 0.007) {
                bericht("DUPLICAAT", type, t, dag, List.of(), "KP009");
            }
        }

        /** One event: regel 0 without product lines, else one fact per line. */
        private void bericht(String eventType, String type, Toewijzing t, LocalDate dag, List<Regel> regels,
                             String code) throws IOException {
            String eventId = "e" + (++events);
            String traceerId = "b" + events;
            String g = GEMEENTEN[t.gemeente()];
            String a = aanbieder(t.aanbieder());
            String aRegio = regio[t.aanbieder()];
            if ("GEROUTEERD".equals(eventType) && !"WMO301".equals(type)) {
                termijn(traceerId, type, g, a, dag);
            }
            if (regels.isEmpty()) {
                csv.row(eventId, 0, traceerId, eventType, tijdstip(dag), RapportFeiten.maand(dag), type, a, g, g,
                        t.product().categorie(), null, null, null, null, null, null, code, aRegio, REGIO);
                return;
            }
            int regel = 1;
            for (Regel r : regels) {
                csv.row(eventId, regel++, traceerId, eventType, tijdstip(dag), RapportFeiten.maand(r.begin()), type, a,
                        g, g, t.product().categorie(), t.product().code(), r.soort(), r.nummer(), r.volume(),
                        t.product().eenheid(), r.bedrag(), code, aRegio, REGIO);
            }
        }

        /** Per month, per aanbieder × gemeente × product: one 323 with the prestaties of every active toewijzing. */
        void declaraties(List<Toewijzing> toewijzingen, boolean[] maandelijks) throws IOException {
            Map<String, List<Toewijzing>> groepen = new LinkedHashMap<>();
            for (Toewijzing t : toewijzingen) {
                groepen.computeIfAbsent(t.aanbieder() + "/" + t.gemeente() + "/" + t.product().code(),
                        k -> new ArrayList<>()).add(t);
            }
            for (YearMonth maand = YearMonth.of(2024, 7); !maand.isAfter(YearMonth.of(2025, 12));
                    maand = maand.plusMonths(1)) {
                for (List<Toewijzing> groep : groepen.values()) {
                    List<Regel> regels = new ArrayList<>();
                    for (Toewijzing t : groep) {
                        prestaties(t, maand, maandelijks[t.aanbieder()], regels);
                    }
                    if (!regels.isEmpty()) {
                        uitkomst(groep.get(0), "WMO323", maand.plusMonths(1).atDay(3 + random.nextInt(10)), regels);
                    }
                }
            }
        }

        /** The prestaties of one toewijzing in one month: per week (or once), pro rata for partial weeks. */
        private void prestaties(Toewijzing t, YearMonth maand, boolean perMaand, List<Regel> regels) {
            LocalDate van = t.ingang().isAfter(maand.atDay(1)) ? t.ingang() : maand.atDay(1);
            LocalDate tot = t.eind().isBefore(maand.atEndOfMonth()) ? t.eind() : maand.atEndOfMonth();
            if (tot.isBefore(van)) {
                return;
            }
            Product p = t.product();
            // 5% of the prestaties on a ToewijzingNummer the hub does not know (lost or never-sent 301)
            long nummer = random.nextDouble() < 0.05 ? ++onbekend : t.nummer();
            int extra = t.overschreden() ? 1 + random.nextInt(3) : 0;
            if ("2".equals(p.frequentie()) && !perMaand) {
                for (LocalDate week = van; !week.isAfter(tot); ) {
                    LocalDate eindWeek = week.with(DayOfWeek.SUNDAY).isAfter(tot) ? tot : week.with(DayOfWeek.SUNDAY);
                    long dagen = eindWeek.toEpochDay() - week.toEpochDay() + 1;
                    long volume = t.volume() * dagen / 7 + (week.equals(van) ? extra : 0);
                    if (volume > 0) {
                        regels.add(regel(nummer, volume, p, week));
                    }
                    week = eindWeek.plusDays(1);
                }
                return;
            }
            long dagen = tot.toEpochDay() - van.toEpochDay() + 1;
            long volume = switch (p.frequentie()) {
                case "1" -> t.volume() * dagen;
                case "2" -> t.volume() * dagen / 7;
                case "6" -> t.volume() / 6;
                default -> t.volume();
            } + extra * ("6".equals(p.frequentie()) ? t.volume() / 4 : 1);
            if (volume > 0) {
                regels.add(regel(nummer, volume, p, van));
            }
        }

        private static Regel regel(long nummer, long volume, Product p, LocalDate begin) {
            long bedrag = "83".equals(p.eenheid()) ? volume * 100 : volume * p.tarief();
            return new Regel("Prestatie", nummer, volume, bedrag, begin);
        }
    }

    private static String tijdstip(LocalDate dag) {
        return dag + " 09:30:00+00:00";
    }

    private static int pick(SplittableRandom random, double[] gewichten) {
        double totaal = 0;
        for (double g : gewichten) {
            totaal += g;
        }
        double r = random.nextDouble() * totaal;
        for (int i = 0; i < gewichten.length; i++) {
            r -= gewichten[i];
            if (r < 0) {
                return i;
            }
        }
        return gewichten.length - 1;
    }

    /** CSV chunks with a header row; null is an empty field, every other value is written plainly (no commas). */
    static final class Csv implements AutoCloseable {
        final Path dir;
        final String naam;
        final String header;
        final List<Path> files = new ArrayList<>();
        long rows;
        BufferedWriter out;

        Csv(Path dir, String naam, String kolommen) {
            this.dir = dir;
            this.naam = naam;
            this.header = kolommen.replace(" ", "");
        }

        void row(Object... values) throws IOException {
            if (rows % CHUNK == 0) {
                close();
                Path file = dir.resolve(naam + "-" + files.size() + ".csv");
                files.add(file);
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                out.write(header);
                out.write('\n');
            }
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                if (values[i] != null) {
                    out.write(values[i].toString());
                }
            }
            out.write('\n');
            rows++;
        }

        @Override
        public void close() throws IOException {
            if (out != null) {
                out.close();
                out = null;
            }
        }
    }
}
