package nl.knooppunt.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.intake.soap.api.Status;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.client.RestClient;

/** Metrics on /actuator/prometheus: berichten by outcome, backlog per queue, and never a BSN in a label. */
class MetricsTest extends SharedHubTest {

    @Autowired
    MeterRegistry registry;

    @Autowired
    WachtrijMetrics wachtrijMetrics;

    @Test
    void everyAnsweredBerichtIsCountedOnceByOutcome() {
        double afgeleverd = count("WMO315", "AFGELEVERD");
        double afgekeurd = count("WMO315", "AFGEKEURD");

        assertThat(send(BerichtBuilder.wmo315().bsn(TestBsn.nth(320)).identificatie("MET315-01").build()).getStatus())
                .isEqualTo(Status.GEACCEPTEERD);
        assertThat(send(BerichtBuilder.wmo315().bsn(TestBsn.nth(321)).identificatie("MET315-02").build()
                .replace("<iwmo:Dagtekening>", "<iwmo:Dagtekening>x")).getStatus()).isEqualTo(Status.AFGEKEURD);

        assertThat(count("WMO315", "AFGELEVERD")).isEqualTo(afgeleverd + 1);
        assertThat(count("WMO315", "AFGEKEURD")).isEqualTo(afgekeurd + 1);
    }

    @Test
    void theBacklogOfAParticipantQueueIsAGauge() {
        send(BerichtBuilder.wmo315().gemeente("0599").bsn(TestBsn.nth(322)).identificatie("MET315-03").build());
        wachtrijMetrics.ververs();

        assertThat(registry.get("knooppunt.wachtrij.berichten").tag("queue", "gemeente.0599").gauge().value())
                .isPositive();
        assertThat(registry.get("knooppunt.wachtrij.oudste.seconden").tag("queue", "gemeente.0599").gauge().value())
                .isNotNegative();
    }

    @Test
    void theScrapeHasTheHubsMetricsAndNoBsn() {
        send(BerichtBuilder.wmo315().bsn(TestBsn.nth(323)).identificatie("MET315-04").build());
        wachtrijMetrics.ververs();

        String scrape = RestClient.create("http://localhost:" + port).get().uri("/actuator/prometheus").retrieve()
                .body(String.class);

        assertThat(scrape).contains("knooppunt_berichten_total{", "knooppunt_wachtrij_berichten{",
                "queue=\"gemeente.0599\"");
        // the embedded H2 file this hub runs on (retention.H2Compactie)
        Matcher h2 = Pattern.compile("(?m)^knooppunt_h2_bestand_bytes (\\S+)$").matcher(scrape);
        assertThat(h2.find()).as("knooppunt_h2_bestand_bytes in the scrape").isTrue();
        assertThat(Double.parseDouble(h2.group(1))).isPositive();
        assertThat(scrape).contains("knooppunt_h2_vulgraad_percent ");
        // no label value is BSN-like, and no test BSN appears anywhere (gauge values may be 9-digit numbers)
        Matcher labels = Pattern.compile("=\"([^\"]*)\"").matcher(scrape);
        while (labels.find()) {
            assertThat(labels.group(1).matches("[0-9]{9}") && TestBsn.isValid(labels.group(1)))
                    .as("label value %s is BSN-like", labels.group(1)).isFalse();
        }
        assertThat(TestBsn.first(900)).noneMatch(scrape::contains);
    }

    private double count(String type, String uitkomst) {
        return registry.find("knooppunt.berichten").tag("berichttype", type).tag("uitkomst", uitkomst)
                .counters().stream().mapToDouble(Counter::count).sum();
    }
}
