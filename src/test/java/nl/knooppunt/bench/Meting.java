package nl.knooppunt.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Runs a pipeline: warm-up runs, then measured runs; berichten/s is the median over the measured runs. */
final class Meting {

    record Run(double perSecond, double p50Millis, double p99Millis, double cpuMicrosPerBericht) {
    }

    record Result(String name, int berichten, List<Run> runs) {
        double median(java.util.function.ToDoubleFunction<Run> f) {
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

    static Result measure(Pipeline pipeline, int warmups, int runs, int perRun) throws Exception {
        List<Run> measured = new ArrayList<>();
        for (int i = 0; i < warmups + runs; i++) {
            // every run has its own Identificaties (run numbers 0..), generated before the clock starts
            List<byte[]> set = BenchData.set(runNumber(pipeline, i), perRun);
            pipeline.reset();
            System.gc();
            long[] latencies = new long[set.size()];
            long cpu0 = OS.getProcessCpuTime();
            long t0 = System.nanoTime();
            pipeline.run(set, latencies);
            long wall = System.nanoTime() - t0;
            long cpu = OS.getProcessCpuTime() - cpu0;
            Arrays.sort(latencies);
            Run run = new Run(set.size() / (wall / 1e9), latencies[(int) (latencies.length * 0.50)] / 1e6,
                    latencies[(int) Math.min(latencies.length - 1, latencies.length * 0.99)] / 1e6,
                    cpu / 1e3 / set.size());
            System.out.printf(Locale.ROOT, "bench %s %s %d: %.0f berichten/s, p50 %.2f ms, p99 %.2f ms, CPU %.0f µs%n",
                    pipeline.name(), i < warmups ? "warm-up" : "run", i, run.perSecond(), run.p50Millis(),
                    run.p99Millis(), run.cpuMicrosPerBericht());
            if (i >= warmups) {
                measured.add(run);
            }
        }
        return new Result(pipeline.name(), perRun, measured);
    }

    private static int counter;

    /** Distinct Identificaties across all pipelines and runs, so the hub never sees a set twice. */
    private static synchronized int runNumber(Pipeline pipeline, int i) {
        return counter++;
    }
}
