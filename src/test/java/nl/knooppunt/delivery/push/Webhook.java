package nl.knooppunt.delivery.push;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A real HTTP server as a gemeente's webhook: answers per traceerId as told, and counts what it accepted. */
class Webhook implements AutoCloseable {

    record Verzoek(String traceerId, String idempotencyKey, String signature, byte[] body, int status) {
    }

    private final HttpServer server;
    final Map<String, AtomicInteger> geaccepteerd = new ConcurrentHashMap<>();
    final Queue<Verzoek> verzoeken = new ConcurrentLinkedQueue<>();
    volatile Function<String, Integer> antwoord = traceerId -> 200;

    Webhook() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/berichten", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String traceerId = exchange.getRequestHeaders().getFirst("Knooppunt-Traceer-Id");
            int status = antwoord.apply(traceerId);
            verzoeken.add(new Verzoek(traceerId, exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("Knooppunt-Signature"), body, status));
            if (status >= 200 && status < 300) {
                geaccepteerd.computeIfAbsent(traceerId, k -> new AtomicInteger()).incrementAndGet();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/berichten";
    }

    long pogingen(String traceerId) {
        return verzoeken.stream().filter(v -> traceerId.equals(v.traceerId())).count();
    }

    int geaccepteerd(String traceerId) {
        AtomicInteger n = geaccepteerd.get(traceerId);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
