package nl.knooppunt.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.knooppunt.it.support.HubProcess;
import nl.knooppunt.it.support.JvmProcess;
import nl.knooppunt.it.support.SftpSender;

/**
 * The measurements against the hub as operators run it — the packaged jar in its own JVM on the embedded defaults
 * with a fresh data dir — with this JVM as the second process that loads it: latency at a steady rate
 * ({@link OpenLoopLoad}) and the 200 MB refusal ({@link OversizeRefusal}). Knobs: {@code bench.latentie.rate} (500),
 * {@code .warmup} (10 s), {@code .duur} (30 s), {@code .afloop} (120 s: how long to wait for stragglers after the last
 * send), {@code .verbindingen} (128 concurrent calls), {@code .rate2} (the second step's rate; default 70 % of what
 * the hub answered in the first, run only when the first did not keep up).
 */
final class SecondProcessBench {

    static final String XMX = "384m";

    private SecondProcessBench() {
    }

    static List<String> run(boolean latency, boolean oversize) throws Exception {
        Path root = JvmProcess.itDir().resolve("bench-proces-" + System.currentTimeMillis());
        Path key = SftpSender.newKey(root.resolve("client"));
        Path registry = Files.createDirectories(root.resolve("registry"));
        aanbiederWithKey(registry, key);
        List<String> out = new ArrayList<>();
        try (HubProcess hub = new HubProcess("bench-hub", root.resolve("data"), registry).shippedDefaults().xmx(XMX)) {
            hub.start();
            out.add("second process: the hub jar in its own JVM (-Xmx" + XMX + ", embedded defaults, fresh data dir, "
                    + "SOAP on the loopback development port); load from the benchmark JVM");
            if (oversize) {
                OversizeRefusal refusal = new OversizeRefusal(hub, BenchData.AANBIEDER, key);
                out.add(String.format(Locale.ROOT, "200 MB file (%d bytes; max-bericht-size 25 MB), from the first byte "
                        + "sent:", OversizeRefusal.SIZE));
                out.add(refusal.soap(false));
                out.add(refusal.soap(true));
                out.add(refusal.sftp());
                out.add(refusal.openSsh(key.getParent()));
                out.add(String.format(Locale.ROOT, "  hub alive afterwards: %s", hub.isAlive()));
            }
            // after the 200 MB file, so that its heap peak is not the latency run's backlog
            if (latency) {
                out.addAll(latency(hub));
            }
            hub.stop();
        }
        return out;
    }

    private static List<String> latency(HubProcess hub) throws Exception {
        int rate = Integer.getInteger("bench.latentie.rate", 500);
        Duration warmup = Duration.ofSeconds(Long.getLong("bench.latentie.warmup", 10));
        Duration measure = Duration.ofSeconds(Long.getLong("bench.latentie.duur", 30));
        Duration drain = Duration.ofSeconds(Long.getLong("bench.latentie.afloop", 120));
        int connections = Integer.getInteger("bench.latentie.verbindingen", 128);
        OpenLoopLoad load = new OpenLoopLoad(hub, "gemeente." + BenchData.GEMEENTE, connections);
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "latency, SOAP VerstuurBericht → bericht on gemeente.%s, open loop (due "
                + "times by the clock), %d concurrent connections, %d s warm-up, figures from the due time:",
                BenchData.GEMEENTE, connections, warmup.toSeconds()));
        OpenLoopLoad.Step first = load.run(rate, warmup, measure, drain, 0);
        out.addAll(first.lines());
        if (first.keptUp()) {
            out.add(String.format(Locale.ROOT, "  the hub kept up with %d/s", rate));
            return out;
        }
        out.add(String.format(Locale.ROOT, "  the hub did NOT keep up with %d/s on this machine: it answered %.0f/s, "
                + "so the backlog and the latency grew for the whole step", rate, first.answerRate()));
        int second = Integer.getInteger("bench.latentie.rate2", Math.max(5, (int) (first.answerRate() * 0.7)));
        int nextSet = (int) ((rate * (warmup.toSeconds() + measure.toSeconds())) / 1000) + 3;
        OpenLoopLoad.Step lower = load.run(second, Duration.ofSeconds(5), measure, drain, nextSet);
        out.add(String.format(Locale.ROOT, "latency at a lower rate, %d/s (%s):", second,
                lower.keptUp() ? "sustained" : "NOT sustained either"));
        out.addAll(lower.lines());
        return out;
    }

    /** The shipped aanbieders, with an SFTP key for the benchmark's aanbieder. */
    private static void aanbiederWithKey(Path registry, Path key) throws IOException {
        String shipped = new String(SecondProcessBench.class.getResourceAsStream("/registry/aanbieders.yaml")
                .readAllBytes(), StandardCharsets.UTF_8);
        String naam = "  naam: \"Zorggroep De Linde (fictief)\"\n";
        if (!shipped.contains(naam)) {
            throw new IllegalStateException("aanbieder " + BenchData.AANBIEDER + " not found in the shipped registry");
        }
        Files.writeString(registry.resolve("aanbieders.yaml"), shipped.replace(naam,
                naam + "  sftp: { publicKeys: [\"" + SftpSender.publicKey(key) + "\"] }\n"));
    }
}
