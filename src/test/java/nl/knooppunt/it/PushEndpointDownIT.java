package nl.knooppunt.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.knooppunt.intake.soap.api.Status;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import nl.knooppunt.it.support.Batch;
import nl.knooppunt.it.support.Figures;
import nl.knooppunt.it.support.HubProcess;
import nl.knooppunt.it.support.Receiver;
import nl.knooppunt.it.support.SoapSender;
import org.junit.jupiter.api.Test;

/** Item 6: a gemeente's push endpoint (REST webhook) is down for many backoff rounds, then comes back. */
class PushEndpointDownIT extends Scenario {

    static final int BERICHTEN = 200;
    private static final Pattern BACKLOG = Pattern.compile(
            "(?m)^knooppunt_wachtrij_berichten\\{[^}]*queue=\"gemeente\\.0599\"[^}]*} ([0-9.E]+)");
    private static final Pattern DLQ = Pattern.compile(
            "(?m)^knooppunt_wachtrij_berichten\\{[^}]*queue=\"knooppunt\\.dlq\"[^}]*} ([0-9.E]+)");

    @Test
    void backlogIsVisibleWhileTheEndpointIsDownAndAllIsDeliveredOnceOnRecovery() throws Exception {
        setup("push-down");
        Figures figures = new Figures("push-endpoint-down", "Gemeente 0599 receives by REST push; its endpoint "
                + "answers 503 for many backoff rounds (short settings: first wait 200 ms, at most 1 s). All "
                + BERICHTEN + " berichten are accepted meanwhile; the backlog is visible in the queue gauge "
                + "knooppunt_wachtrij_berichten{queue=\"gemeente.0599\"} on /actuator/prometheus; when the endpoint "
                + "is back every bericht is delivered to it exactly once (one 2xx per traceerId), the backlog goes to "
                + "0, nothing in the DLQ, one AFGELEVERD_PUSH audit event per bericht.");
        AtomicBoolean down = new AtomicBoolean(true);
        AtomicInteger refused = new AtomicInteger();
        Map<String, AtomicInteger> ok = new ConcurrentHashMap<>();
        Map<String, String> idByTraceerId = new ConcurrentHashMap<>();
        HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/berichten", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String traceerId = exchange.getRequestHeaders().getFirst("Knooppunt-Traceer-Id");
            if (down.get()) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(503, -1);
            } else {
                ok.computeIfAbsent(traceerId, k -> new AtomicInteger()).incrementAndGet();
                idByTraceerId.put(traceerId, Batch.identificatie(body));
                exchange.sendResponseHeaders(200, -1);
            }
            exchange.close();
        });
        webhook.start();
        Files.writeString(registry.resolve("kanalen.yaml"), "- deelnemer: \"0599\"\n  kanaal: rest\n  instellingen:\n"
                + "    url: http://127.0.0.1:" + webhook.getAddress().getPort() + "/berichten\n");
        try (HubProcess hub = hub("push-down-hub")
                .property("knooppunt.aflevering.duur", "30m")
                .property("knooppunt.aflevering.eerste-wachttijd", "200ms")
                .property("knooppunt.aflevering.max-wachttijd", "1s")
                .property("knooppunt.aflevering.timeout", "2s")
                .property("management.metrics.export.prometheus.step", "1s")) {
            hub.start();
            Batch batch = new Batch(BERICHTEN, 0);
            SoapSender soap = new SoapSender(hub.soapUrl());
            long start = System.nanoTime();
            for (Batch.Item item : batch.items()) {
                VerstuurBerichtAntwoord a = soap.send(item.identificatie() + ".xml", item.xml());
                assertThat(a.getStatus()).as("accepted while the endpoint is down").isEqualTo(Status.GEACCEPTEERD);
                batch.accepted().put(item.identificatie(), a.getTraceerId());
            }
            long sentMs = millis(start);
            await("backlog of " + BERICHTEN + " visible").atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(500)).until(() -> gauge(hub, BACKLOG) == BERICHTEN);
            // many backoff rounds: every bericht tried and refused at least 4 times on average. Meanwhile the gauge must
            // never count a backing-off bericht twice (it once showed 230 for 200). Artemis' message count can dip for
            // a moment while a refused bericht goes back to the queue, so the highest value seen is what counts.
            AtomicLong hoogste = new AtomicLong(BERICHTEN);
            await("endpoint refused many rounds").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        hoogste.accumulateAndGet((long) gauge(hub, BACKLOG), Math::max);
                        return refused.get() >= 4 * BERICHTEN;
                    });
            long backlogSeen = hoogste.get();
            assertThat(backlogSeen).as("each waiting bericht counted once").isEqualTo(BERICHTEN);
            assertThat(ok).isEmpty();
            assertThat(gauge(hub, DLQ)).as("nothing dead-lettered while down").isZero();
            long downMs = millis(start);

            long upAt = System.nanoTime();
            down.set(false);
            await("all delivered to the endpoint").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                    .until(() -> ok.size() >= BERICHTEN);
            long drainMs = millis(upAt);
            await("backlog back to 0").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                    .until(() -> gauge(hub, BACKLOG) == 0);
            // nothing more arrives: drain what might still come, then count
            try (Receiver nothing = new Receiver(hub.brokerUrl())) {
                assertThat(nothing.drain("knooppunt.dlq", "traceerId", 1_000)).as("DLQ").isZero();
            }
            assertThat(ok.keySet()).isEqualTo(new java.util.HashSet<>(batch.accepted().values()));
            assertThat(ok.values()).as("each bericht accepted by the endpoint once").allMatch(n -> n.get() == 1);
            batch.accepted().forEach((id, traceerId) -> assertThat(idByTraceerId.get(traceerId)).isEqualTo(id));

            Audit audit = drainAudit(hub.brokerUrl(), 0, Duration.ofSeconds(30));
            assertThat(audit.count("AFGELEVERD_PUSH")).isEqualTo(BERICHTEN);
            assertThat(audit.byType().get("AFGELEVERD_PUSH").values()).allMatch(n -> n == 1);
            assertThat(audit.count("NAAR_DLQ")).isZero();

            figures.put("berichten", BERICHTEN)
                    .put("sendMs", sentMs)
                    .put("backlogGaugeWhileDown", backlogSeen)
                    .put("refusedAttempts", refused.get())
                    .put("endpointDownMs", downMs)
                    .put("upToAllDeliveredMs", drainMs)
                    .put("deliveredDistinct", ok.size())
                    .put("deliveredTwice", ok.values().stream().filter(n -> n.get() > 1).count())
                    .put("auditAfgeleverdPush", audit.count("AFGELEVERD_PUSH"))
                    .put("auditAfleverpogingen", audit.byType().getOrDefault("AFLEVERPOGING", Map.of()).values()
                            .stream().mapToInt(Integer::intValue).sum())
                    .put("hubHeapPeakMb", hub.peakHeapMb());
            figures.write();
        } finally {
            webhook.stop(0);
        }
    }

    private static double gauge(HubProcess hub, Pattern p) {
        String body = hub.get("/actuator/prometheus");
        if (body == null) {
            return -1;
        }
        Matcher m = p.matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
