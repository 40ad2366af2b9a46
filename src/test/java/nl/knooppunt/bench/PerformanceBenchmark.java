package nl.knooppunt.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import nl.knooppunt.HubTestSupport;
import nl.knooppunt.intake.Bericht;
import nl.knooppunt.intake.Ontvangst;
import nl.knooppunt.intake.sftp.SftpIntake;
import nl.knooppunt.payload.Payload;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisProperties;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The benchmark (docs/performance.md): limit, plain Camel and Knooppunt on the same generated berichten, one after
 * the other in this JVM, against the hub's one embedded broker and database; then a 25 MB declaratie through the hub,
 * and another over SOAP with MTOM.
 * Runs only with {@code mvn -Pbench verify} or {@code bench/run}; prints the table and writes it to
 * {@code target/bench/resultaat.txt}. Knobs: {@code -Dbench.berichten} (per run), {@code -Dbench.runs},
 * {@code -Dbench.warmup} (at least; then until the JIT is quiet, at most {@code -Dbench.warmup.max}),
 * {@code -Dbench.draden=true} (CPU per group of threads, per run), {@code -Dbench.groot} (bytes of the large declaratie), {@code -Dbench.alleen=tabel} (only the
 * three pipelines and the ratios), {@code -Dbench.alleen=knooppunt} (only the hub's row), {@code -Dbench.alleen=groot} (only the
 * large declaratie; {@code -Dbench.groot.na=N} puts N berichten through the hub before it), {@code -Dbench.alleen=latentie,200mb}
 * (only the measurements against the hub as its own process, {@link SecondProcessBench}).
 */
class PerformanceBenchmark extends HubTestSupport {

    // a run's data dir (broker journal, H2 file, the large declaratie) grows to several GB; the ones that earlier runs
    // left behind go first, so that the disk does not fill up (Artemis blocks every producer at 90 %)
    static final Path DATA_DIR = opgeruimd(tempDir("knooppunt-bench-data"));

    private static Path opgeruimd(Path nieuw) {
        try (var oud = Files.list(nieuw.getParent())) {
            oud.filter(p -> !p.equals(nieuw) && (p.getFileName().toString().startsWith("knooppunt-bench-data")
                    || p.getFileName().toString().startsWith("bench-groot"))).forEach(PerformanceBenchmark::verwijder);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return nieuw;
    }

    private static void verwijder(Path map) {
        try (var paden = Files.walk(map)) {
            paden.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        registry.add("knooppunt.data-dir", DATA_DIR::toString);
        registry.add("knooppunt.broker.port", HubTestSupport::freePort);
        registry.add("logging.level.root", () -> "WARN");
    }

    @Autowired
    Ontvangst ontvangst;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    DataSource dataSource;
    @Autowired
    EmbeddedActiveMQ broker;
    @Autowired
    ArtemisProperties artemis;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry metrics;
    @Autowired
    nl.knooppunt.retention.H2CompactieProperties compactie;

    @Test
    void benchmark() throws Exception {
        // -Dbench.alleen=latentie and/or 200mb: only the measurements against the hub as its own process
        String alleen = System.getProperty("bench.alleen", "");
        if (alleen.contains("knooppunt")) {
            // only the hub's row: for a quick look at a change (or a profile), not for the ratios
            KnooppuntPipeline hub = new KnooppuntPipeline(ontvangst, producer, jdbc, this::drainQueues);
            Meting.Result r = Meting.measure(hub, Integer.getInteger("bench.warmup", 2),
                    Integer.getInteger("bench.runs", 5), Integer.getInteger("bench.berichten", 2000));
            assertThat(hub.afgekeurd).as("every bericht of the mix is accepted by the hub").hasValue(0);
            hub.close();
            write(List.of(String.format(Locale.ROOT, "warm-up: %d runs", r.warmups()), Meting.HEADER, r.row(),
                    groepCommit(r), h2Bestand()));
            return;
        }
        if (alleen.contains("groot")) {
            // only the 25 MB declaratie: for a look at memory (-Dbench.jvmArgs=-Xmx… to try another heap)
            KnooppuntPipeline hub = new KnooppuntPipeline(ontvangst, producer, jdbc, this::drainQueues);
            // the hub's code paths loaded, as after the table; -Dbench.groot.na=N puts N berichten through it first,
            // as the table does (about 140,000 in a full run)
            int na = Integer.getInteger("bench.groot.na", 50);
            Meting.measure(hub, 0, Math.max(1, na / 2000), Math.min(na, 2000));
            write(large(hub));
            hub.close();
            return;
        }
        boolean tabel = alleen.contains("tabel");
        if (!alleen.isBlank() && !tabel) {
            write(SecondProcessBench.run(alleen.contains("latentie"), alleen.contains("200mb")));
            return;
        }
        int perRun = Integer.getInteger("bench.berichten", 2000);
        int runs = Integer.getInteger("bench.runs", 5);
        int warmup = Integer.getInteger("bench.warmup", 2);
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "machine: %d cores, %s %s; JVM %s %s, -Xmx%dm", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        out.add(String.format(Locale.ROOT, "%d berichten per run (WMO305/307/315/317/323 with 1–50 prestaties, %.1f KB average), "
                + "median of %d runs after warm-up", perRun, averageKb(perRun), runs));

        String vm = "vm://" + artemis.getEmbedded().getServerId();
        ActiveMQConnectionFactory raw = new ActiveMQConnectionFactory(vm);
        CachingConnectionFactory cached = new CachingConnectionFactory(new ActiveMQConnectionFactory(vm));
        cached.setSessionCacheSize(PlainCamelPipeline.CALLERS);

        LimitPipeline limit = new LimitPipeline(raw);
        PlainCamelPipeline plain = new PlainCamelPipeline(cached, dataSource);
        KnooppuntPipeline knooppunt = new KnooppuntPipeline(ontvangst, producer, jdbc, this::drainQueues);

        Meting.Result rLimit = Meting.measure(withDrain(limit), warmup, runs, perRun);
        Meting.Result rPlain = Meting.measure(withDrain(plain), warmup, runs, perRun);
        Meting.Result rHub = Meting.measure(knooppunt, warmup, runs, perRun);
        assertThat(knooppunt.afgekeurd).as("every bericht of the mix is accepted by the hub").hasValue(0);
        limit.close();
        plain.close();

        out.add(String.format(Locale.ROOT, "warm-up: at least %d runs, then until the JIT compiled for less than %.0f %% "
                + "of a run's time: limit %d runs, plain Camel %d, Knooppunt %d", warmup, 100 * Meting.JIT_STIL,
                rLimit.warmups(), rPlain.warmups(), rHub.warmups()));
        out.add("");
        out.add(Meting.HEADER);
        for (Meting.Result r : List.of(rLimit, rPlain, rHub)) {
            out.add(r.row());
        }
        out.add(groepCommit(rHub));
        out.add(h2Bestand());
        if (!tabel) {
            // -Dbench.alleen=tabel: only the three pipelines and the ratios (a before/after pair, side by side)
            out.add("");
            out.addAll(large(knooppunt));
            out.add(startUp());
            out.addAll(SecondProcessBench.run(true, true));
        }
        out.add("");
        out.add(String.format(Locale.ROOT, "ratio knooppunt/limit=%.2f knooppunt/plain=%.2f",
                rHub.perSecond() / rLimit.perSecond(), rHub.perSecond() / rPlain.perSecond()));
        knooppunt.close();
        write(out);
    }

    /** How many units of database work shared a commit (system.GroepCommit), over all runs of the hub. */
    private String groepCommit(Meting.Result hub) {
        io.micrometer.core.instrument.DistributionSummary s = metrics.find("knooppunt.groepcommit.werk").summary();
        return s == null ? "group commit: no figures" : String.format(Locale.ROOT,
                "group commit: %d commits, %.1f units of database work per commit on average, at most %.0f; "
                        + "the writer thread was on a CPU %.0f %% of the hub's run time (median)",
                s.count(), s.mean(), s.max(), 100 * hub.median(Meting.Run::writerBusy));
    }

    /** The embedded H2 file (retention.H2Compactie's gauges): how large, and how much of it is live. */
    private String h2Bestand() {
        io.micrometer.core.instrument.Gauge bestand = metrics.find("knooppunt.h2.bestand").gauge();
        io.micrometer.core.instrument.Gauge vulgraad = metrics.find("knooppunt.h2.vulgraad").gauge();
        return bestand == null || vulgraad == null ? "H2 file: no figures" : String.format(Locale.ROOT,
                "H2 file: %.0f MB, %.0f %% of its chunks live (all pipelines' rows; compacted every %s)",
                bestand.value() / 1e6, vulgraad.value(), compactie.interval());
    }

    private static void write(List<String> out) throws java.io.IOException {
        Path result = Path.of("target/bench/resultaat.txt");
        Files.createDirectories(result.getParent());
        Files.write(result, out);
        System.out.println();
        out.forEach(System.out::println);
    }

    /**
     * A 25 MB WMO323 through the hub as a large SFTP upload arrives: a file the hub streams (payload.Payload) to every
     * reader, the payload store and the broker. MB/s and the heap (HeapMeter: the most in use, and the largest single
     * allocation, which would be the document if it were ever whole in one array); the file is written, and its generator's memory collected, before the meter starts.
     */
    private List<String> large(KnooppuntPipeline knooppunt) throws Exception {
        long size = Long.getLong("bench.groot", 25L * 1000 * 1000);
        Path groot = tempDir("bench-groot").resolve("wmo323-groot.xml");
        Files.write(groot, BenchData.largeDeclaratie(size));
        long lengte = Files.size(groot);
        drainQueues();
        System.gc();
        long xmx = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        long t0 = System.nanoTime();
        Bericht bericht;
        try (HeapMeter heap = new HeapMeter()) {
            try {
                bericht = knooppunt.process(Payload.file(groot), SftpIntake.KANAAL);
                knooppunt.awaitOutboxPublished();
            } catch (RuntimeException e) {
                // printed, not hidden: the table says the hub could not take it in this heap, and why
                Throwable root = e;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                heap.close();
                heap.largeAllocations(8).forEach(System.out::println);
                return List.of(String.format(Locale.ROOT, "large WMO323: %.1f MB NOT PROCESSED at -Xmx%d MB after %.2f s, "
                        + "heap %s, largest allocation %s: %s", lengte / 1e6, xmx,
                        (System.nanoTime() - t0) / 1e9, heap.inUse(), heap.largestAllocation(),
                        String.valueOf(root).lines().findFirst().orElse("").replaceAll("\\s+", " ")));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            heap.close();
            assertThat(bericht.status()).as("the large declaratie is delivered: %s", bericht.meldingen())
                    .isEqualTo(Bericht.Status.AFGELEVERD);
            jakarta.jms.Message opQueue = receive("gemeente." + BenchData.GEMEENTE, bericht.traceerId(), 30_000);
            assertThat(opQueue).isNotNull();
            assertThat(((jakarta.jms.BytesMessage) opQueue).getBodyLength()).as("the whole declaratie on the queue")
                    .isEqualTo(lengte);
            List<String> out = new ArrayList<>();
            out.add(String.format(Locale.ROOT,
                    "large WMO323: %.1f MB, ~%d prestaties: %.2f s, %.1f MB/s; heap (-Xmx %d MB) %s; "
                            + "largest allocation %s", lengte / 1e6, lengte / 1000, seconds,
                    lengte / 1e6 / seconds, xmx, heap.inUse(), heap.largestAllocation()));
            out.add("  allocations of 1 MB or more, most bytes first:");
            out.addAll(heap.largeAllocations(8));
            out.addAll(largeOverSoap(size));
            return out;
        } finally {
            Files.deleteIfExists(groot);
        }
    }

    /**
     * Another 25 MB WMO323 (its own Identificatie), now over SOAP with MTOM as an aanbieder's generated client sends it:
     * the CXF client in this JVM streams it from a file, the hub copies the attachment into its work file
     * (intake.soap.SoapIntake) and streams it from there. Seconds to the answer, and the heap of the one JVM.
     */
    private List<String> largeOverSoap(long size) throws Exception {
        Path groot = tempDir("bench-groot").resolve("wmo323-groot-soap.xml");
        Files.write(groot, BenchData.largeDeclaratie(size, 2));
        long lengte = Files.size(groot);
        try {
            nl.knooppunt.intake.soap.api.VerstuurBericht request = new nl.knooppunt.intake.soap.api.VerstuurBericht();
            request.setBestandsnaam("wmo323-groot.xml");
            request.setBericht(new jakarta.activation.DataHandler(new jakarta.activation.FileDataSource(groot.toFile())));
            nl.knooppunt.intake.soap.api.BerichtenPortType client = soapClient();
            drainQueues();
            System.gc();
            long t0 = System.nanoTime();
            nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord antwoord;
            double seconds;
            HeapMeter heap = new HeapMeter();
            try {
                antwoord = client.verstuurBericht(request);
                seconds = (System.nanoTime() - t0) / 1e9;
            } catch (RuntimeException e) {
                // printed, not hidden, as for the large declaratie before it
                heap.close();
                return List.of(String.format(Locale.ROOT, "large WMO323 over SOAP: %.1f MB NOT PROCESSED after %.2f s, "
                        + "heap %s, largest allocation %s: %s", lengte / 1e6,
                        (System.nanoTime() - t0) / 1e9, heap.inUse(), heap.largestAllocation(),
                        String.valueOf(e).lines().findFirst().orElse("")));
            } finally {
                heap.close();
            }
            List<String> out = new ArrayList<>();
            out.add(String.format(Locale.ROOT, "large WMO323 over SOAP (MTOM, client in this JVM streaming from a file): "
                            + "%.1f MB: %s after %.2f s, %.1f MB/s; heap %s; largest allocation %s",
                    lengte / 1e6, antwoord.getStatus(), seconds, lengte / 1e6 / seconds, heap.inUse(),
                    heap.largestAllocation()));
            out.add("  allocations of 1 MB or more, most bytes first:");
            out.addAll(heap.largeAllocations(6));
            assertThat(antwoord.getStatus()).as("the large declaratie over SOAP: %s", antwoord.getMeldingen().stream()
                    .map(m -> m.getCode() + " " + m.getOmschrijving()).toList())
                    .isEqualTo(nl.knooppunt.intake.soap.api.Status.GEACCEPTEERD);
            return out;
        } finally {
            Files.deleteIfExists(groot);
        }
    }

    /**
     * Time to ready of the packaged jar on the embedded defaults (fresh data dir, own free ports): from process start
     * to /actuator/health answering UP. Skipped when the jar is not built.
     */
    private String startUp() throws Exception {
        Path jar;
        try (var files = Files.list(Path.of("target"))) {
            jar = files.filter(f -> f.getFileName().toString().matches("knooppunt-.*\\.jar")).findFirst().orElse(null);
        }
        if (jar == null) {
            return "start-up: not measured (no jar in target/)";
        }
        int http = freePort();
        Path data = tempDir("knooppunt-bench-start");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("java", "-Xmx256m", "-jar", jar.toString(), "--knooppunt.data-dir=" + data,
                "--server.port=" + http, "--knooppunt.broker.port=" + freePort(), "--knooppunt.sftp.port=0")
                .redirectErrorStream(true).redirectOutput(data.resolve("start.log").toFile()).start();
        try {
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            java.net.URI health = java.net.URI.create("http://127.0.0.1:" + http + "/actuator/health");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2)).pollDelay(java.time.Duration.ZERO)
                    .pollInterval(java.time.Duration.ofMillis(20)).ignoreExceptions().until(() -> client.send(
                            java.net.http.HttpRequest.newBuilder(health).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString()).body().contains("\"UP\""));
            return String.format(Locale.ROOT, "start-up: %.1f s from process start to /actuator/health UP (jar, embedded "
                    + "defaults, fresh data dir)", (System.nanoTime() - t0) / 1e9);
        } finally {
            p.destroy();
            p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private double averageKb(int n) {
        return BenchData.set(99, Math.min(n, 500)).stream().mapToInt(b -> b.length).average().orElse(0) / 1024;
    }

    /** Empties every queue the runs filled (never the DLQ), outside the measured time. */
    void drainQueues() {
        ActiveMQServer server = broker.getActiveMQServer();
        for (String name : server.getActiveMQServerControl().getQueueNames()) {
            Queue q = server.locateQueue(SimpleString.of(name));
            if (q != null && !name.equals("knooppunt.dlq")) {
                try {
                    q.deleteAllReferences();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private Pipeline withDrain(Pipeline p) {
        return new Pipeline() {
            public String name() {
                return p.name();
            }

            public void run(List<byte[]> berichten, long[] latencies) throws Exception {
                p.run(berichten, latencies);
            }

            public void reset() throws Exception {
                p.reset();
                drainQueues();
            }
        };
    }
}
