package nl.knooppunt.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child JVM with its output in a log file under target/it/, killed with SIGKILL or stopped with SIGTERM, and
 * started again with the same command (same ports, same data dir). Base of {@link HubProcess} and
 * {@link ArtemisProcess}.
 */
public abstract class JvmProcess implements AutoCloseable {

    private static final Pattern GC_BEFORE = Pattern.compile("\\) (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    protected final String name;
    protected final Path logDir;
    private Process process;
    private int starts;
    private Path log;

    protected JvmProcess(String name) {
        this.name = name;
        this.logDir = itDir();
    }

    /** target/it of this build (failsafe passes it), or a temp dir when run from an IDE. */
    public static Path itDir() {
        String dir = System.getProperty("knooppunt.it.dir");
        try {
            Path p = dir != null ? Path.of(dir) : Path.of("target", "it");
            return Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected abstract List<String> command();

    /** Waits until the process can do its work; throws with the log tail when it does not within the timeout. */
    protected abstract void awaitReady(Duration timeout);

    public final JvmProcess start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        starts++;
        log = logDir.resolve(name + "-" + starts + ".log");
        List<String> cmd = new ArrayList<>(command());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + cmd, e);
        }
        awaitReady(Duration.ofSeconds(180));
        return this;
    }

    /** SIGKILL: no shutdown hook, no flush; exit code 137 proves it was SIGKILL. */
    public final int kill9() {
        process.destroyForcibly();
        int exit = waitForExit(Duration.ofSeconds(30));
        if (exit != 137) {
            throw new IllegalStateException(name + " did not end by SIGKILL (exit " + exit + ")");
        }
        return exit;
    }

    /** SIGTERM: the JVM runs its shutdown hooks (Spring's graceful shutdown, Artemis stop); exit 143. */
    public final int stop() {
        if (process == null || !process.isAlive()) {
            return process == null ? -1 : process.exitValue();
        }
        process.destroy();
        return waitForExit(Duration.ofSeconds(90));
    }

    private int waitForExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                throw new IllegalStateException(name + " did not end within " + timeout + "\n" + logTail(40));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** All logs of all starts of this process, for scans over everything it wrote. */
    public List<Path> logs() {
        List<Path> all = new ArrayList<>();
        for (int i = 1; i <= starts; i++) {
            all.add(logDir.resolve(name + "-" + i + ".log"));
        }
        return all;
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e + ")";
        }
    }

    protected boolean logContains(String text) {
        try {
            return Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    protected void poll(Duration timeout, String what, BooleanSupplier ready) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended (exit " + process.exitValue() + ") before " + what
                        + "; log " + log + ":\n" + logTail(60));
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException(name + " not " + what + " within " + timeout + "; log " + log + ":\n"
                        + logTail(60));
            }
            try {
                process.waitFor(500, TimeUnit.MILLISECONDS); // a wait that ends early when the process dies
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Gc log of a start (-Xlog:gc), for {@link #peakHeapMb()}. */
    protected Path gcLog(int start) {
        return logDir.resolve(name + "-" + start + "-gc.log");
    }

    /** Gc log of the start being made now (called from {@link #command()}). */
    protected Path currentGcLog() {
        return gcLog(starts);
    }

    /** Highest heap occupancy before any GC in all starts so far (MB, from the -Xlog:gc lines), -1 if none ran. */
    public long peakHeapMb() {
        long peak = -1;
        for (int i = 1; i <= starts; i++) {
            Path gc = gcLog(i);
            if (!Files.exists(gc)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(gc, StandardCharsets.ISO_8859_1)) {
                    Matcher m = GC_BEFORE.matcher(line);
                    if (m.find()) {
                        peak = Math.max(peak, Long.parseLong(m.group(1)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return peak;
    }

    protected static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
