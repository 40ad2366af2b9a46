package nl.knooppunt.production;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.intake.soap.api.Status;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * The log of the running hub in the prod format (ECS JSON, {@code logging.structured.format.console: ecs} in
 * application-prod.yml): the hub's own lines for accepted, rejected, parked and duplicate berichten and for a
 * transient failure, encoded as the prod console encodes them. Every line is one JSON object, and none carries a BSN.
 */
class JsonLogTest extends SharedHubTest {

    @Test
    void everyLineIsJsonAndNoneCarriesABsn() throws Exception {
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        ByteArrayOutputStream uit = new ByteArrayOutputStream();
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(logback);
        encoder.setFormat("ecs");
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(logback);
        appender.setName("json-log-test");
        appender.setEncoder(encoder);
        appender.setOutputStream(uit);
        appender.start();
        Logger root = logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);

        List<String> bsns = new ArrayList<>();
        try {
            String bsn = TestBsn.nth(320);
            bsns.add(bsn);
            String id = "JL" + System.nanoTime() % 100_000_000;
            String geldig = BerichtBuilder.wmo315().gemeente("0599").bsn(bsn).identificatie(id).build();
            assertThat(send(geldig).getStatus()).isEqualTo(Status.GEACCEPTEERD);
            assertThat(send(geldig).getStatus()).as("duplicate").isNotNull();

            String bsn2 = TestBsn.nth(321);
            bsns.add(bsn2);
            // not XSD-valid: a product code that is too long
            send(BerichtBuilder.wmo315().gemeente("0599").bsn(bsn2).productCode("1234567890")
                    .identificatie("JM" + System.nanoTime() % 100_000_000).build());

            String bsn3 = TestBsn.nth(322);
            bsns.add(bsn3);
            // a gemeente the registry does not know: parked
            // (its own Identificatie: a parked bericht keeps its claim, and other tests send the builder's default)
            send(BerichtBuilder.wmo315().gemeente("9999").bsn(bsn3).identificatie("JN" + System.nanoTime() % 100_000_000)
                    .build());

            LoggerFactory.getLogger(JsonLogTest.class).warn("controleregel van de test");
        } finally {
            root.detachAppender(appender);
            appender.stop();
        }

        String[] regels = uit.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(regels).anyMatch(r -> r.contains("controleregel van de test"));
        for (String regel : regels) {
            JsonNode node = json.readTree(regel);
            assertThat(node.isObject()).as(regel).isTrue();
            assertThat(node.path("@timestamp").asText()).as(regel).isNotBlank();
            assertThat(node.path("log").path("level").asText()).as(regel).isNotBlank();
            assertThat(node.path("service").path("name").asText()).as(regel).isEqualTo("knooppunt");
            for (String bsn : bsns) {
                assertThat(regel).as("a BSN in the log").doesNotContain(bsn);
            }
        }
    }
}
