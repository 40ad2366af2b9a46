package nl.knooppunt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.knooppunt.it.support.Figures;
import nl.knooppunt.lekscan.Lekscan;
import org.junit.jupiter.api.Test;

/**
 * Item 10: the BSN leak scan over what the whole suite produced, run by its own failsafe execution after every other
 * test: every log line of the surefire tests and of the ITs (the hub and broker processes' logs), and what each test
 * hub held outside its payload store after each test class (audit events, status rows with meldingen, signals and
 * rule trails, operator and access logs, report facts, and the headers of every message on every queue, dead-letter
 * queues included: {@code lekscan.Lekscan}). A hit is a 9-digit number of the 99999xxxx test range that passes the
 * 11-proef, the form of every BSN in the test data.
 */
class BsnLekscanIT {

    @Test
    void noBsnInAnyLogLineAuditEventHeaderOrDeadLetter() throws IOException {
        Figures figures = new Figures("bsn-lekscan", "After all other tests: no test BSN in any log line of the suite "
                + "(surefire and failsafe output, the IT hub and broker logs), any audit event, status row (meldingen, "
                + "signals, rule trail), operator or access log row, report fact, or header of any message on any queue "
                + "including the dead-letter queues. Message bodies and the payload table, where a BSN belongs, are not "
                + "scanned. The scanner itself is tested on planted BSNs (LekscanTest).");
        Path target = Path.of("target");
        List<Path> logs = bestanden(target.resolve("surefire-reports"), "-output.txt");
        logs.addAll(bestanden(target.resolve("failsafe-reports"), "-output.txt"));
        logs.addAll(bestanden(target.resolve("it"), ".log"));
        List<Path> hubs = bestanden(target.resolve("lekscan"), ".txt");

        Map<String, List<String>> treffers = new TreeMap<>();
        long regels = 0;
        long bytes = 0;
        for (Path bestand : Stream.concat(logs.stream(), hubs.stream()).toList()) {
            String tekst = Lekscan.lees(bestand);
            bytes += tekst.length();
            regels += tekst.lines().count();
            List<String> gevonden = Lekscan.bsns(tekst);
            if (!gevonden.isEmpty()) {
                treffers.put(bestand.toString(), gevonden.stream().distinct().limit(5).toList());
            }
        }
        long auditEvents = hubs.stream().mapToLong(f -> Lekscan.lees(f).lines().filter(l -> l.startsWith("audit_event ")).count()).sum();
        long headers = hubs.stream().mapToLong(f -> Lekscan.lees(f).lines().filter(l -> l.startsWith("queue ")).count()).sum();

        // the scan must have had something to read, or it proves nothing
        assertThat(logs).as("log files of the suite").isNotEmpty();
        assertThat(hubs).as("captures of the test hubs (run the surefire tests first)").isNotEmpty();
        assertThat(auditEvents).as("audit events captured").isPositive();
        assertThat(treffers).as("files with a test BSN (file -> BSNs)").isEmpty();

        figures.put("logFiles", logs.size()).put("hubCaptures", hubs.size()).put("auditEvents", auditEvents)
                .put("queueMessageHeaders", headers).put("linesScanned", regels).put("megabytesScanned", bytes / 1_000_000)
                .put("hits", 0).write();
    }

    private static List<Path> bestanden(Path map, String einde) throws IOException {
        if (!Files.isDirectory(map)) {
            return new ArrayList<>();
        }
        try (Stream<Path> s = Files.walk(map)) {
            // the ITs' data folders hold payloads and journals (where a BSN belongs); only their logs are scanned
            return new ArrayList<>(s.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(einde))
                    .filter(f -> !f.toString().contains("/data/")).toList());
        }
    }
}
