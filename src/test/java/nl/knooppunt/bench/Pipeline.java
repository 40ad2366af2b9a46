package nl.knooppunt.bench;

import java.util.List;

/** One way to take berichten in, validate them and put them durably on a queue. */
interface Pipeline {

    String name();

    /**
     * Processes every bericht and returns when each is durably done; the latency of each (nanoseconds from the
     * moment its processing started to the moment it was durable) goes into {@code latencies}, one per bericht.
     */
    void run(List<byte[]> berichten, long[] latencies) throws Exception;

    /** Clears what a run left behind (queues, tables), outside the measured time. */
    default void reset() throws Exception {
    }
}
