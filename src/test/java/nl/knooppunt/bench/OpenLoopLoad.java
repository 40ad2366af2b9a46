package nl.knooppunt.bench;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import nl.knooppunt.intake.soap.api.Status;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import nl.knooppunt.it.support.HubProcess;
import nl.knooppunt.it.support.SoapSender;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.awaitility.Awaitility;

/**
 * Latency from a second process: this JVM sends SOAP {@code VerstuurBericht} calls (a real CXF client, one shared
 * proxy, a pool of concurrent connections) to the hub running as its own JVM, at an <b>open-loop</b> constant rate —
 * bericht i is due at {@code start + i / rate} whatever happened to the ones before, and its latency counts from that
 * due time, so a hub that falls behind shows it as latency instead of as a slower sender (no coordinated omission). A
 * JMS consumer on the hub's broker reads {@code gemeente.<code>} and stamps each bericht's arrival, matched by the
 * {@code traceerId} header to the traceerId of the SOAP answer.
 */
final class OpenLoopLoad {

    /**
     * Figures of one step (one offered rate). Times in nanoseconds of this JVM's clock. The rates count what went out
     * and what came back GEACCEPTEERD during the measured window, whichever bericht it was (after an overload the
     * window also serves the warm-up's backlog).
     */
    record Step(int offered, int sent, double sendRate, double answerRate, long[] roundTrips, long[] onQueue,
                int failed, int notArrived, double seconds, Duration drainLimit, boolean drained) {

        List<String> lines() {
            List<String> out = new ArrayList<>();
            out.add(String.format(Locale.ROOT, "  offered %d/s for %.0f s (%d berichten due): achieved send rate %.0f/s, answered "
                    + "GEACCEPTEERD %.0f/s", offered, seconds, sent, sendRate, answerRate));
            out.add("  SOAP round trip " + percentiles(roundTrips));
            out.add("  send→on queue  " + percentiles(onQueue));
            out.add(String.format(Locale.ROOT, "  not answered GEACCEPTEERD: %d; not on the queue within %d s after the "
                    + "last send: %d%s", failed, drainLimit.toSeconds(), notArrived, drained ? "" : " (still in flight "
                    + "when the wait ended)"));
            return out;
        }

        boolean keptUp() {
            return sendRate >= 0.95 * offered && answerRate >= 0.95 * offered && notArrived == 0 && failed == 0;
        }
    }

    private final HubProcess hub;
    private final String queue;
    private final int connections;

    OpenLoopLoad(HubProcess hub, String queue, int connections) {
        this.hub = hub;
        this.queue = queue;
        this.connections = connections;
    }

    /**
     * Warm-up at {@code rate}, then {@code measure} at the same rate; only the berichten due in the measured window
     * count. Waits at most {@code drainLimit} after the last send for answers and arrivals.
     */
    Step run(int rate, Duration warmup, Duration measure, Duration drainLimit, int firstSet) throws Exception {
        int warm = (int) (rate * warmup.toMillis() / 1000);
        int total = warm + (int) (rate * measure.toMillis() / 1000);
        long[] due = new long[total];
        long[] started = new long[total];
        long[] answered = new long[total];
        String[] traceerIds = new String[total];
        boolean[] accepted = new boolean[total];
        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        SoapSender soap = new SoapSender(hub.soapUrl());
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        Generator generator = new Generator(firstSet);
        generator.start();
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(hub.brokerUrl());
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            connection.start();
            settle(session);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            consumer.setMessageListener(m -> {
                long now = System.nanoTime();
                try {
                    arrivals.putIfAbsent(m.getStringProperty("traceerId"), now);
                } catch (JMSException e) {
                    throw new IllegalStateException(e);
                }
            });

            long interval = 1_000_000_000L / rate;
            long start = System.nanoTime() + 200_000_000L;
            for (int i = 0; i < total; i++) {
                long at = start + i * interval;
                due[i] = at;
                long wait;
                while ((wait = at - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait); // pacing by the clock; a late dispatcher only queues more work
                }
                int n = i;
                pool.execute(() -> {
                    started[n] = System.nanoTime();
                    try {
                        VerstuurBerichtAntwoord a = soap.send("latentie-" + n + ".xml", generator.next());
                        answered[n] = System.nanoTime();
                        traceerIds[n] = a.getTraceerId();
                        accepted[n] = a.getStatus() == Status.GEACCEPTEERD;
                    } catch (RuntimeException e) {
                        answered[n] = System.nanoTime(); // a fault or a timeout: counted as not accepted
                    }
                });
            }
            long lastDue = due[total - 1];
            pool.shutdown();
            boolean drained = pool.awaitTermination(drainLimit.toMillis(), TimeUnit.MILLISECONDS);
            long left = Math.max(1_000, drainLimit.toMillis() - (System.nanoTime() - lastDue) / 1_000_000);
            List<String> ids = Arrays.stream(traceerIds, warm, total).filter(id -> id != null).toList();
            try {
                Awaitility.await().atMost(Duration.ofMillis(left)).pollInterval(Duration.ofMillis(100))
                        .until(() -> arrivals.keySet().containsAll(ids));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                drained = false;
            }
            pool.shutdownNow();
            consumer.close();

            // rates over the measured window: calls that went out, and answers that came back, in it (any bericht)
            long from = due[warm];
            long to = due[total - 1];
            int startedIn = 0;
            int answeredIn = 0;
            for (int i = 0; i < total; i++) {
                startedIn += started[i] >= from && started[i] <= to ? 1 : 0;
                answeredIn += accepted[i] && answered[i] >= from && answered[i] <= to ? 1 : 0;
            }
            List<Long> rt = new ArrayList<>();
            List<Long> q = new ArrayList<>();
            int notArrived = 0;
            int failed = 0;
            for (int i = warm; i < total; i++) {
                if (!accepted[i]) {
                    failed++;
                }
                if (traceerIds[i] != null) {
                    rt.add(answered[i] - due[i]);
                }
                Long arrived = traceerIds[i] == null ? null : arrivals.get(traceerIds[i]);
                if (arrived == null) {
                    notArrived++;
                } else {
                    q.add(arrived - due[i]);
                }
            }
            int measured = total - warm;
            double seconds = (to - from) / 1e9;
            double sendRate = startedIn / seconds;
            double answerRate = answeredIn / seconds;
            return new Step(rate, measured, sendRate, answerRate, sorted(rt), sorted(q), failed, notArrived, seconds, drainLimit, drained);
        } finally {
            generator.interrupt();
            pool.shutdownNow();
            factory.close();
        }
    }

    /** Empties the queue of what an earlier step left in flight, until it stays quiet for 3 s (at most 5 min). */
    private void settle(Session session) throws JMSException {
        long end = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        try (MessageConsumer c = session.createConsumer(session.createQueue(queue))) {
            while (c.receive(3_000) != null && System.nanoTime() < end) {
                // an earlier step's bericht
            }
        }
    }

    private static long[] sorted(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    static String percentiles(long[] sortedNanos) {
        if (sortedNanos.length == 0) {
            return "no values";
        }
        return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)",
                sortedNanos[(int) (sortedNanos.length * 0.50)] / 1e6,
                sortedNanos[(int) Math.min(sortedNanos.length - 1, sortedNanos.length * 0.99)] / 1e6,
                sortedNanos[sortedNanos.length - 1] / 1e6, sortedNanos.length);
    }

    /**
     * The benchmark's mix, generated ahead of the senders in sets of {@link #SET} (each set its own Identificaties),
     * so neither the pacing nor the heap holds the whole run: at most two sets wait here.
     */
    private static final class Generator extends Thread {
        static final int SET = 1000;
        private final BlockingQueue<byte[]> ready = new ArrayBlockingQueue<>(2 * SET);
        private int set;

        Generator(int firstSet) {
            super("bench-generator");
            setDaemon(true);
            this.set = firstSet;
        }

        @Override
        public void run() {
            try {
                while (!isInterrupted()) {
                    for (byte[] b : BenchData.set(set++, SET)) {
                        ready.put(b);
                    }
                }
            } catch (InterruptedException e) {
                // the step is over
            }
        }

        byte[] next() {
            try {
                return ready.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("generator stopped", e);
            }
        }
    }
}
