package nl.knooppunt.bench;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import nl.knooppunt.intake.BerichtType;
import org.springframework.core.io.ClassPathResource;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The least work the task needs: one hardened streaming SAX parse that is also the XSD validation (cached Schema, one
 * Validator per thread and type), and a persistent Artemis send, committed in JMS transactions of {@value #BATCH}.
 * One worker per core, no Camel, nothing else.
 */
final class LimitPipeline implements Pipeline {

    static final String QUEUE = "bench.limit";
    private static final int BATCH = 100;

    private final ConnectionFactory connectionFactory;
    private final Map<BerichtType, Schema> schemas = new EnumMap<>(BerichtType.class);
    private final int threads = Runtime.getRuntime().availableProcessors();
    private final ExecutorService pool = Executors.newFixedThreadPool(threads);
    private final ThreadLocal<Worker> workers = ThreadLocal.withInitial(this::worker);
    private final List<Worker> all = new ArrayList<>();

    LimitPipeline(ConnectionFactory connectionFactory) throws Exception {
        this.connectionFactory = connectionFactory;
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");  // our own schemas only
        for (BerichtType type : BerichtType.values()) {
            schemas.put(type, factory.newSchema(new ClassPathResource("schemas/" + type.xsd()).getURL()));
        }
    }

    @Override
    public String name() {
        return "limit";
    }

    @Override
    public void run(List<byte[]> berichten, long[] latencies) throws Exception {
        int slice = (berichten.size() + threads - 1) / threads;
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int from = t * slice;
            int to = Math.min(berichten.size(), from + slice);
            futures.add(pool.submit(() -> {
                workers.get().process(berichten, from, to, latencies);
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
    }

    void close() throws Exception {
        pool.shutdown();
        synchronized (all) {
            for (Worker w : all) {
                w.connection.close();
            }
        }
    }

    private Worker worker() {
        try {
            Worker w = new Worker();
            synchronized (all) {
                all.add(w);
            }
            return w;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private final class Worker {
        final Connection connection = connectionFactory.createConnection();
        final Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        final MessageProducer producer = session.createProducer(session.createQueue(QUEUE));
        final Map<BerichtType, Validator> validators = new EnumMap<>(BerichtType.class);
        final XMLReader reader;

        Worker() throws Exception {
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            SAXParserFactory spf = SAXParserFactory.newInstance();
            spf.setNamespaceAware(true);
            spf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            spf.setFeature("http://xml.org/sax/features/external-general-entities", false);
            spf.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            spf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            reader = spf.newSAXParser().getXMLReader();
            schemas.forEach((type, schema) -> validators.put(type, schema.newValidator()));
        }

        void process(List<byte[]> berichten, int from, int to, long[] latencies) throws Exception {
            long[] started = new long[BATCH];
            int inBatch = 0;
            for (int i = from; i < to; i++) {
                started[inBatch++] = System.nanoTime();
                byte[] bytes = berichten.get(i);
                validators.get(type(bytes)).validate(new SAXSource(reader, new InputSource(new ByteArrayInputStream(bytes))));
                BytesMessage m = session.createBytesMessage();
                m.writeBytes(bytes);
                producer.send(m);
                if (inBatch == BATCH || i == to - 1) {
                    session.commit();
                    long done = System.nanoTime();
                    for (int k = 0; k < inBatch; k++) {
                        latencies[i - inBatch + 1 + k] = done - started[k];
                    }
                    inBatch = 0;
                }
            }
        }
    }

    /** The namespace in the first bytes names the schema (wmoNNN); the validation itself checks the rest. */
    static BerichtType type(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 300), java.nio.charset.StandardCharsets.US_ASCII);
        int at = head.indexOf("/3_2/wmo");
        return BerichtType.valueOf("WMO" + head.substring(at + 8, at + 11));
    }
}
