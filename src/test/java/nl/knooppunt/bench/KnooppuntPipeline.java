package nl.knooppunt.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import nl.knooppunt.intake.Bericht;
import nl.knooppunt.intake.Ontvangst;
import nl.knooppunt.payload.Payload;
import nl.knooppunt.intake.soap.SoapIntake;
import org.apache.camel.Exchange;
import org.awaitility.Awaitility;
import org.apache.camel.ProducerTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The real hub, fed in-process through the intake every channel uses: {@link Ontvangst} (payload store, journal,
 * ONTVANGEN audit event) and then {@code direct:validate} (all control levels, routing, delivery on the gemeente
 * queue, audit), answered as on the SOAP channel. {@value PlainCamelPipeline#CALLERS} concurrent callers, as for the
 * plain build. A run ends when every bericht is answered AND every audit event is published from the outbox.
 */
final class KnooppuntPipeline implements Pipeline {

    private final Ontvangst ontvangst;
    private final ProducerTemplate producer;
    private final JdbcTemplate jdbc;
    private final Runnable drain;
    private final ExecutorService callers = Executors.newFixedThreadPool(PlainCamelPipeline.CALLERS);
    final AtomicInteger afgekeurd = new AtomicInteger();

    KnooppuntPipeline(Ontvangst ontvangst, ProducerTemplate producer, JdbcTemplate jdbc, Runnable drain) {
        this.ontvangst = ontvangst;
        this.producer = producer;
        this.jdbc = jdbc;
        this.drain = drain;
    }

    @Override
    public String name() {
        return "Knooppunt";
    }

    /** One bericht through the hub; returns it with its final status. */
    Bericht process(byte[] bytes) {
        return process(Payload.of(bytes), SoapIntake.KANAAL);
    }

    /** @param kanaal as it came in: a large declaratie comes by SFTP, and stays in its file */
    Bericht process(Payload inhoud, String kanaal) {
        Bericht bericht = ontvangst.ontvang(inhoud, "bench.xml", kanaal, BenchData.AANBIEDER);
        Exchange done = producer.send("direct:validate", e -> e.setProperty(Bericht.PROPERTY, bericht));
        if (done.getException() != null) {
            throw new IllegalStateException("bericht " + bericht.traceerId() + " failed", done.getException());
        }
        return bericht;
    }

    @Override
    public void run(List<byte[]> berichten, long[] latencies) throws Exception {
        int callers = PlainCamelPipeline.CALLERS;
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            int caller = c;
            futures.add(this.callers.submit(() -> {
                for (int i = caller; i < berichten.size(); i += callers) {
                    long t0 = System.nanoTime();
                    Bericht bericht = process(berichten.get(i));
                    latencies[i] = System.nanoTime() - t0;
                    if (!bericht.geaccepteerd()) {
                        afgekeurd.incrementAndGet();
                        System.out.println("bench: bericht " + bericht.traceerId() + " " + bericht.status() + " "
                                + bericht.meldingen());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        long t0 = System.nanoTime();
        long open = jdbc.queryForObject("select count(*) from audit_event where gepubliceerd = false", Long.class);
        awaitOutboxPublished();
        System.out.printf("bench: after the last answer %d audit events still to publish, %.0f ms%n", open, (System.nanoTime() - t0) / 1e6);
    }

    /** Audit is part of the work: the run is over once the outbox has published every event. */
    void awaitOutboxPublished() {
        Awaitility.await().atMost(Duration.ofMinutes(5)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                .until(() -> jdbc.queryForObject("select count(*) from audit_event where gepubliceerd = false",
                        Long.class) == 0);
    }

    @Override
    public void reset() {
        drain.run();
    }

    void close() {
        callers.shutdown();
    }
}
