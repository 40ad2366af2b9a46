package nl.knooppunt.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;
import org.junit.jupiter.api.Test;

/**
 * Label values on the scrape come from allow-lists: for the hub's own metrics one closed pattern per label (codes,
 * enum names, queue and route ids), for all others short identifiers. So neither a BSN nor free text (a name, a
 * melding, a file name) can become a label, also not through a bericht built to try it.
 */
class MetricLabelsTest extends SharedHubTest {

    private static final Map<String, Pattern> KNOOPPUNT = Map.of(
            "kanaal", Pattern.compile("[A-Z]{1,16}|onbekend"),
            "berichttype", Pattern.compile("WMO[0-9]{3}|onbekend"),
            "afzender", Pattern.compile("[0-9]{4}|[0-9]{8}|onbekend"),
            "ontvanger", Pattern.compile("[0-9]{4}|[0-9]{8}|onbekend"),
            "uitkomst", Pattern.compile("[A-Z_]{1,20}"),
            "queue", Pattern.compile("((gemeente\\.[0-9]{4}|aanbieder\\.[0-9]{8})(\\.[a-z]+)?|zorgkantoor\\.ZK[0-9]+|knooppunt\\.[a-z]+|audit\\.[a-z]+|DLQ|ExpiryQueue)"),
            "soort", Pattern.compile("[a-z_]{1,20}"),
            "route", Pattern.compile("[a-z0-9-]{1,40}"),
            "application", Pattern.compile("knooppunt"));
    // JVM, Tomcat and Camel labels: identifiers, route ids and endpoint URIs from routes/*.yaml, never from a bericht
    private static final Pattern ANDERS = Pattern.compile("[A-Za-z0-9_.:/{}\\-\\[\\] ,$#*=<>()'%?&|@+!~;]{0,200}");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{(.*)}\\s");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void everyLabelValueIsFromItsAllowList() {
        String bsn = TestBsn.nth(340);
        send(BerichtBuilder.wmo315().gemeente("0599").bsn(bsn).identificatie("LB" + System.nanoTime() % 100_000_000).build());
        // rejected, with a BSN where a code belongs
        // each its own Identificatie: a parked bericht keeps its claim, and other tests send the builder's default
        send(BerichtBuilder.wmo315().gemeente(bsn.substring(0, 4)).aanbieder(bsn.substring(1)).bsn(bsn)
                .identificatie("LC" + System.nanoTime() % 100_000_000).build());
        send(BerichtBuilder.wmo315().gemeente("9999").bsn(TestBsn.nth(341))
                .identificatie("LD" + System.nanoTime() % 100_000_000).build());

        String scrape = api("LEZER").get().uri("/actuator/prometheus").retrieve().body(String.class);
        int knooppunt = 0;
        for (String regel : scrape.split("\n")) {
            Matcher sample = SAMPLE.matcher(regel);
            if (regel.startsWith("#") || !sample.find()) {
                continue;
            }
            boolean eigen = sample.group(1).startsWith("knooppunt_");
            Matcher label = LABEL.matcher(sample.group(2));
            while (label.find()) {
                String naam = label.group(1);
                String waarde = label.group(2);
                assertThat(waarde).as("%s in %s", naam, regel).doesNotContain(bsn);
                if (eigen) {
                    knooppunt++;
                    assertThat(KNOOPPUNT).as("label %s of %s has an allow-list", naam, sample.group(1)).containsKey(naam);
                    assertThat(waarde).as("%s in %s", naam, regel).matches(KNOOPPUNT.get(naam));
                } else {
                    assertThat(waarde).as("%s in %s", naam, regel).matches(ANDERS);
                }
            }
        }
        assertThat(knooppunt).isPositive();
    }
}
