package nl.knooppunt.beheer;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server as a gemeente's own system (kanaal rest): answers with {@link #status}, counts what it accepted. */
class Doelsysteem implements AutoCloseable {

    private final HttpServer server;
    final Map<String, AtomicInteger> geaccepteerd = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> pogingen = new ConcurrentHashMap<>();
    volatile int status = 200;

    Doelsysteem() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/berichten", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String traceerId = exchange.getRequestHeaders().getFirst("Knooppunt-Traceer-Id");
            int s = status;
            pogingen.computeIfAbsent(traceerId, k -> new AtomicInteger()).incrementAndGet();
            if (s >= 200 && s < 300) {
                geaccepteerd.computeIfAbsent(traceerId, k -> new AtomicInteger()).incrementAndGet();
            }
            exchange.sendResponseHeaders(s, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/berichten";
    }

    int geaccepteerd(String traceerId) {
        AtomicInteger n = geaccepteerd.get(traceerId);
        return n == null ? 0 : n.get();
    }

    int pogingen(String traceerId) {
        AtomicInteger n = pogingen.get(traceerId);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
