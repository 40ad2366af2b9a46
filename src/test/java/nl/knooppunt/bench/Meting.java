package nl.knooppunt.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/** Runs a pipeline: warm-up runs, then measured runs; berichten/s is the median over the measured runs. */
final class Meting {

    /**
     * @param writerBusy the share of the run's wall time the group-commit writer thread was on a CPU (NaN: none)
     * @param jitShare   the JIT's compilation time during the run, as a share of its wall time
     */
    record Run(double perSecond, double p50Millis, double p99Millis, double cpuMicrosPerBericht, double writerBusy,
               double jitShare) {
    }

    record Result(String name, int berichten, int warmups, List<Run> runs) {
        double median(ToDoubleFunction<Run> f) {
            double[] v = runs.stream().mapToDouble(f).sorted().toArray();
            return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }

        double perSecond() {
            return median(Run::perSecond);
        }

        String row() {
            double min = runs.stream().mapToDouble(Run::perSecond).min().orElse(0);
            double max = runs.stream().mapToDouble(Run::perSecond).max().orElse(0);
            return String.format(Locale.ROOT, "%-12s %10.0f %13s %9.2f %9.2f %12.0f", name, perSecond(),
                    String.format(Locale.ROOT, "%.0f–%.0f", min, max), median(Run::p50Millis), median(Run::p99Millis),
                    median(Run::cpuMicrosPerBericht));
        }
    }

    static final String HEADER = String.format(Locale.ROOT, "%-12s %10s %13s %9s %9s %12s", "pipeline", "berichten/s",
            "spread", "p50 ms", "p99 ms", "CPU µs/ber.");

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private Meting() {
    }

    /**
     * Warm-up runs until the JIT is quiet, then the measured runs. A warm-up run is repeated (at least
     * {@code minWarmups}, at most {@value #MAX_WARMUPS} or {@code -Dbench.warmup.max}) until the JIT compiled for less
     * than {@value #JIT_STIL} of its wall time: on two busy cores the compiler threads fall behind, and the hub's code
     * (much more than the other pipelines') took 10–15 runs of 2000 berichten before C2 had caught up; measured
     * earlier, it ran at three quarters of its speed with the compiler still taking a core.
     */
    static Result measure(Pipeline pipeline, int minWarmups, int runs, int perRun) throws Exception {
        int maxWarmups = Math.max(minWarmups, Integer.getInteger("bench.warmup.max", MAX_WARMUPS));
        int warmups = 0;
        boolean stil = false;
        while (warmups < minWarmups || (warmups > 0 && !stil && warmups < maxWarmups)) {
            stil = run(pipeline, perRun, "warm-up " + warmups).jitShare() < JIT_STIL;
            warmups++;
        }
        List<Run> measured = new ArrayList<>();
        // printed for a JFR recording of the whole JVM (-Dbench.jvmArgs=-XX:StartFlightRecording=…), whose samples of
        // the measured runs are the ones between these two instants (starting a recording here would make the JIT
        // recompile much of the hub, and measure that)
        Instant van = Instant.now();
        for (int i = 0; i < runs; i++) {
            measured.add(run(pipeline, perRun, "run " + i));
        }
        System.out.printf("bench %s measured from %s to %s%n", pipeline.name(), van, Instant.now());
        return new Result(pipeline.name(), perRun, warmups, measured);
    }

    static final int MAX_WARMUPS = 25;
    static final double JIT_STIL = 0.10;

    private static Run run(Pipeline pipeline, int perRun, String label) throws Exception {
        // every run has its own Identificaties (run numbers 0..), generated before the clock starts
        List<byte[]> set = BenchData.set(runNumber(), perRun);
        pipeline.reset();
        System.gc();
        long[] latencies = new long[set.size()];
        long cpu0 = OS.getProcessCpuTime();
        long writer0 = writerCpu();
        Map<String, Long> draden0 = DRADEN ? threadCpu() : null;
        long[] gc0 = gc();
        long jit0 = JIT.getTotalCompilationTime();
        long t0 = System.nanoTime();
        pipeline.run(set, latencies);
        long wall = System.nanoTime() - t0;
        long cpu = OS.getProcessCpuTime() - cpu0;
        long writer = writerCpu() - writer0;
        long jit = JIT.getTotalCompilationTime() - jit0;
        long[] gc = gc();
        Arrays.sort(latencies);
        Run run = new Run(set.size() / (wall / 1e9), latencies[(int) (latencies.length * 0.50)] / 1e6,
                latencies[(int) Math.min(latencies.length - 1, latencies.length * 0.99)] / 1e6,
                cpu / 1e3 / set.size(), writer0 < 0 ? Double.NaN : (double) writer / wall, jit * 1e6 / wall);
        System.out.printf(Locale.ROOT, "bench %s %s: %.0f berichten/s, p50 %.2f ms, p99 %.2f ms, CPU %.0f µs; "
                        + "JIT %d ms, GC %d collections %d ms%s%n", pipeline.name(), label, run.perSecond(),
                run.p50Millis(), run.p99Millis(), run.cpuMicrosPerBericht(), jit, gc[0] - gc0[0], gc[1] - gc0[1],
                Double.isNaN(run.writerBusy()) ? "" : String.format(Locale.ROOT,
                        "; group-commit writer on a CPU %.0f %% of the time", 100 * run.writerBusy()));
        if (DRADEN) {
            printThreadCpu(draden0, threadCpu(), set.size());
        }
        return run;
    }

    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU time of the hub's group-commit writer thread (system.GroepCommit), -1 when there is none. */
    static long writerCpu() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("knooppunt-groepcommit")) {
                return THREADS.getThreadCpuTime(t.getId());
            }
        }
        return -1;
    }

    /** -Dbench.draden=true: per run, the CPU per bericht of each group of threads (by name, numbers removed). */
    private static final boolean DRADEN = Boolean.getBoolean("bench.draden");

    static long[] gc() {
        long n = 0;
        long ms = 0;
        for (var b : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += b.getCollectionCount();
            ms += b.getCollectionTime();
        }
        return new long[] {n, ms};
    }

    static Map<String, Long> threadCpu() {
        Map<String, Long> cpu = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            long c = THREADS.getThreadCpuTime(t.getId());
            if (c > 0) {
                cpu.merge(t.getName() + "#" + t.getId(), c, Long::sum);
            }
        }
        return cpu;
    }

    private static void printThreadCpu(Map<String, Long> voor, Map<String, Long> na, int berichten) {
        Map<String, Long> groepen = new TreeMap<>();
        na.forEach((draad, c) -> groepen.merge(draad.replaceAll("#\\d+$", "").replaceAll("\\d+", "N"),
                c - voor.getOrDefault(draad, 0L), Long::sum));
        groepen.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .forEach(e -> System.out.printf(Locale.ROOT, "bench   %8.0f µs/bericht  %s%n",
                        e.getValue() / 1e3 / berichten, e.getKey()));
    }

    private static int counter;

    /** Distinct Identificaties across all pipelines and runs, so the hub never sees a set twice. */
    private static synchronized int runNumber() {
        return counter++;
    }
}
