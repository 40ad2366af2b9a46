package nl.knooppunt.bench;

import java.io.IOException;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap while something runs: the most in use (sampled every 5 ms; garbage not yet collected included, so it
 * mostly shows how far the collector let the heap fill), the most in use right after a collection (closer to what
 * was live), and the largest single allocation with its stack (JFR's
 * {@code jdk.ObjectAllocationOutsideTLAB}: every array too big for a thread's buffer is one), in the hub, Camel and
 * the broker, and apart from that in the database. The first says whether a document was ever whole in one array:
 * a 25 MB byte[] or char[] would be it.
 */
final class HeapMeter implements AutoCloseable {

    private final AtomicLong maxInUse = new AtomicLong();
    private static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
            .collect(java.util.stream.Collectors.toSet());
    private final AtomicLong maxAfterCollection = new AtomicLong();
    private final List<NotificationEmitter> collectors = new java.util.ArrayList<>();
    private final NotificationListener afterCollection = (notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            long used = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo()
                    .getMemoryUsageAfterGc().entrySet().stream().filter(e -> HEAP_POOLS.contains(e.getKey()))
                    .mapToLong(e -> e.getValue().getUsed()).sum();
            maxAfterCollection.accumulateAndGet(used, Math::max);
        }
    };
    private final Recording jfr = new Recording();
    private final Grootste elders = new Grootste();
    private final Grootste inDatabase = new Grootste();
    /** Allocations of at least 1 MB, per place: count and bytes. */
    private final java.util.Map<String, long[]> groot = new java.util.HashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "heap-meter");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running = true;

    HeapMeter() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(afterCollection, null, null);
                collectors.add(emitter);
            }
        }
        jfr.enable("jdk.ObjectAllocationOutsideTLAB").withStackTrace();
        jfr.start();
        sampler.scheduleAtFixedRate(() -> maxInUse.accumulateAndGet(
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max), 0, 5, TimeUnit.MILLISECONDS);
    }

    private void allocation(RecordedEvent e) {
        long size = e.getLong("allocationSize");
        List<RecordedFrame> frames = e.getStackTrace() == null ? List.of() : e.getStackTrace().getFrames();
        boolean database = frames.stream().anyMatch(f -> f.getMethod().getType().getName().startsWith("org.h2."));
        Grootste grootste = database ? inDatabase : elders;
        if (size > grootste.bytes || size >= 1 << 20) {
            RecordedClass type = e.getClass("objectClass");
            // the allocating frames, and the hub's own frame that led to it
            String hub = frames.stream().filter(f -> f.getMethod().getType().getName().startsWith("nl.knooppunt."))
                    .findFirst().map(f -> " … " + naam(f)).orElse("");
            String waar = (type == null ? "?" : type.getName()) + " in " + frames.stream()
                    .filter(RecordedFrame::isJavaFrame).limit(3).map(HeapMeter::naam)
                    .reduce((x, y) -> x + " < " + y).orElse("?") + hub;
            if (size > grootste.bytes) {
                grootste.bytes = size;
                grootste.waar = waar;
            }
            if (size >= 1 << 20) {
                long[] sum = groot.computeIfAbsent(waar, k -> new long[2]);
                sum[0]++;
                sum[1] += size;
            }
        }
    }

    private static final class Grootste {
        long bytes;
        String waar = "";

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%.1f MB %s", bytes / 1e6, waar);
        }
    }

    private static String naam(RecordedFrame f) {
        return f.getMethod().getType().getName().replaceAll(".*\\.", "") + "." + f.getMethod().getName();
    }

    long maxInUseMb() {
        return maxInUse.get() / (1024 * 1024);
    }

    /** For the benchmark's lines, e.g. "251 MB in use at most, 120 MB right after a collection at most". */
    String inUse() {
        return maxInUseMb() + " MB in use at most, " + maxAfterCollectionMb() + " MB right after a collection at most";
    }

    /**
     * The most in use right after a collection (the heap's pools, young collections included): an upper bound of what was
     * live, which the sampled figure is not. 0 when nothing was collected.
     */
    long maxAfterCollectionMb() {
        return maxAfterCollection.get() / (1024 * 1024);
    }

    /**
     * The largest single allocation outside the database, e.g. "1.0 MB [B in InputStream.readNBytes … PayloadStore.…",
     * and the largest inside it (H2 writes the pages a commit changed from one buffer); after {@link #close()}.
     */
    String largestAllocation() {
        return elders + "; in H2 " + inDatabase;
    }

    /**
     * The places that allocated arrays of 1 MB or more, most bytes first: on a heap of 256 MB each is a humongous
     * object for G1, which needs that many free regions side by side.
     */
    List<String> largeAllocations(int max) {
        return groot.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(max)
                .map(e -> String.format(java.util.Locale.ROOT, "  %3d× %6.1f MB %s", e.getValue()[0],
                        e.getValue()[1] / 1e6, e.getKey())).toList();
    }

    /** Stops measuring (again is a no-op) and reads the allocations JFR recorded. */
    @Override
    public void close() throws InterruptedException, IOException {
        if (!running) {
            return;
        }
        running = false;
        sampler.shutdown();
        sampler.awaitTermination(1, TimeUnit.SECONDS);
        for (NotificationEmitter emitter : collectors) {
            try {
                emitter.removeNotificationListener(afterCollection);
            } catch (ListenerNotFoundException e) {
                // not there: nothing to remove
            }
        }
        jfr.stop();
        Path file = Files.createTempFile(Path.of("target"), "heap-meter", ".jfr");
        try {
            jfr.dump(file);
            for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                allocation(e);
            }
        } finally {
            jfr.close();
            Files.deleteIfExists(file);
        }
    }
}
