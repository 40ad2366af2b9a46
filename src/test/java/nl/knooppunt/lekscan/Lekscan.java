package nl.knooppunt.lekscan;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.knooppunt.validation.Elfproef;
import org.apache.activemq.artemis.api.core.management.QueueControl;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The BSN leak scan (issue #6 and #8): what the hub wrote outside its payload store during the test suite, and the scan
 * over it. Every hub test context registers itself ({@link #bron}); after each test class its audit events, status rows
 * (meldingen, signals, rule trails), operator log, access log, report facts and the properties (headers) of every
 * message on every queue, dead-letter queues included, are written to {@code target/lekscan/}. {@code BsnLekscanIT}
 * then scans those files, every log line of the suite and the IT processes' logs. Message bodies and the payload table
 * are left out: that is where a BSN belongs.
 */
public final class Lekscan {

    static final Path MAP = Path.of("target", "lekscan");

    /**
     * A test BSN: a 9-digit number of the 99999xxxx test range (all test data uses it) that passes the 11-proef. Not
     * right after an {@code @}: that is an object's identity hash as Artemis prints it in its message audit log
     * ({@code CoreMessage[…]@999992995}); one in 11 of those in the range passes the 11-proef, and a busy IT broker log
     * holds hundreds of thousands of them (a CI run failed on one).
     */
    private static final Pattern KANDIDAAT = Pattern.compile("(?<![0-9@])99999[0-9]{4}(?![0-9])");

    private static final List<String> TABELLEN = List.of("audit_event", "bericht", "operator_log", "inzage", "rapport_feit");

    private static final Map<JdbcTemplate, EmbeddedActiveMQ> BRONNEN = Collections.synchronizedMap(new IdentityHashMap<>());

    private Lekscan() {
    }

    public static void bron(JdbcTemplate jdbc, EmbeddedActiveMQ broker) {
        BRONNEN.put(jdbc, broker);
    }

    /** Writes what every registered hub holds now; a context that was closed meanwhile keeps its earlier file. */
    public static void vastleggen() {
        if (!Boolean.parseBoolean(System.getProperty("lekscan.vastleggen", "true"))) {
            return; // the benchmark: no leak scan follows, and its tables do not fit in its heap (-Xmx256m)
        }
        List<Map.Entry<JdbcTemplate, EmbeddedActiveMQ>> bronnen;
        synchronized (BRONNEN) {
            bronnen = new ArrayList<>(BRONNEN.entrySet());
        }
        for (Map.Entry<JdbcTemplate, EmbeddedActiveMQ> bron : bronnen) {
            String naam = ProcessHandle.current().pid() + "-" + System.identityHashCode(bron.getKey());
            Path tijdelijk = MAP.resolve(naam + ".tmp");
            try {
                Files.createDirectories(MAP);
                try (BufferedWriter uit = Files.newBufferedWriter(tijdelijk, StandardCharsets.UTF_8)) {
                    for (String tabel : TABELLEN) {
                        for (Map<String, Object> rij : bron.getKey().queryForList("select * from " + tabel)) {
                            uit.write(tabel + " " + rij);
                            uit.newLine();
                        }
                    }
                    schrijfHeaders(bron.getValue(), uit);
                }
                Files.move(tijdelijk, MAP.resolve(naam + ".txt"), StandardCopyOption.REPLACE_EXISTING);
            } catch (Exception e) {
                BRONNEN.remove(bron.getKey()); // closed: what it held was written after an earlier class
            }
        }
    }

    private static void schrijfHeaders(EmbeddedActiveMQ broker, BufferedWriter uit) throws Exception {
        ActiveMQServer server = broker == null ? null : broker.getActiveMQServer();
        if (server == null || !server.isActive()) {
            return;
        }
        for (String queue : server.getActiveMQServerControl().getQueueNames()) {
            QueueControl control = (QueueControl) server.getManagementService().getResource(ResourceNames.QUEUE + queue);
            if (control == null) {
                continue;
            }
            for (Map<String, Object> bericht : control.listMessages("")) {
                uit.write("queue " + queue + " " + bericht);
                uit.newLine();
            }
        }
    }

    /** The test BSNs in this text. */
    public static List<String> bsns(String tekst) {
        List<String> gevonden = new ArrayList<>();
        Matcher m = KANDIDAAT.matcher(tekst);
        while (m.find()) {
            if (Elfproef.geldig(m.group())) {
                gevonden.add(m.group());
            }
        }
        return gevonden;
    }

    public static String lees(Path bestand) {
        try {
            return new String(Files.readAllBytes(bestand), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
