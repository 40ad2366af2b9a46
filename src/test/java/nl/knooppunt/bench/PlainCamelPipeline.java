package nl.knooppunt.bench;

import jakarta.jms.ConnectionFactory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.springframework.jdbc.core.JdbcTemplate;
import nl.knooppunt.broker.CachingDestinationResolver;

/**
 * The obvious Camel build a competent developer writes in a day: {@code validator:} with the message's schema,
 * {@code jms:} (persistent, synchronous: the same guarantee as the hub) to the same embedded broker over a cached
 * connection, and a JDBC audit row per bericht on the hub's pooled DataSource (HikariCP, autocommit). Fed by
 * {@value #CALLERS} concurrent callers, like concurrent SOAP requests.
 * <p>
 * One deliberate kindness (stack.md P12): the JMS component uses a caching destination resolver, without which every
 * send pays a broker round trip for {@code createQueue}.
 */
final class PlainCamelPipeline implements Pipeline {

    static final String QUEUE = "bench.plain";
    static final int CALLERS = 8;

    private final CamelContext camel = new DefaultCamelContext();
    private final ProducerTemplate producer;
    private final JdbcTemplate jdbc;
    private final ExecutorService callers = Executors.newFixedThreadPool(CALLERS);

    PlainCamelPipeline(ConnectionFactory connectionFactory, DataSource dataSource) throws Exception {
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table if not exists bench_audit (id varchar(36) primary key, berichttype varchar(8), "
                + "tijdstip timestamp, grootte int, status varchar(16))");
        JmsComponent jms = JmsComponent.jmsComponent(connectionFactory);
        jms.setDestinationResolver(new CachingDestinationResolver());
        camel.addComponent("jms", jms);
        camel.getRegistry().bind("audit", new Audit());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:bericht").routeId("plain")
                        .setHeader("berichttype", method(PlainCamelPipeline.class, "berichttype"))
                        .toD("validator:schemas/${header.berichttype}.xsd")
                        .to("jms:queue:" + QUEUE)
                        .bean("audit", "insert");
            }
        });
        camel.start();
        producer = camel.createProducerTemplate();
    }

    public static String berichttype(byte[] body) {
        return LimitPipeline.type(body).xsd().replace(".xsd", "");
    }

    public final class Audit {
        public void insert(Exchange exchange) {
            byte[] body = exchange.getMessage().getBody(byte[].class);
            jdbc.update("insert into bench_audit values (?, ?, ?, ?, ?)", UUID.randomUUID().toString(),
                    exchange.getMessage().getHeader("berichttype", String.class), Timestamp.from(Instant.now()),
                    body.length, "AFGELEVERD");
        }
    }

    @Override
    public String name() {
        return "plain Camel";
    }

    @Override
    public void run(List<byte[]> berichten, long[] latencies) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < CALLERS; c++) {
            int caller = c;
            futures.add(callers.submit(() -> {
                for (int i = caller; i < berichten.size(); i += CALLERS) {
                    long t0 = System.nanoTime();
                    producer.sendBody("direct:bericht", berichten.get(i));
                    latencies[i] = System.nanoTime() - t0;
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
    }

    @Override
    public void reset() {
        jdbc.update("delete from bench_audit");
    }

    void close() throws Exception {
        callers.shutdown();
        camel.close();
    }
}
