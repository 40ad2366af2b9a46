package nl.knooppunt.delivery.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.knooppunt.audit.AuditEvent;
import nl.knooppunt.audit.AuditTrail;
import nl.knooppunt.delivery.Afleverkanaal;
import nl.knooppunt.delivery.Zending;
import nl.knooppunt.registry.Kanaal;
import nl.knooppunt.registry.Registry;
import nl.knooppunt.registry.RegistryService;
import nl.knooppunt.system.KnooppuntProperties;
import nl.knooppunt.testdata.TestBsn;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The push loop's decisions in plain Java, with an in-test channel: deliver, retry, DLQ at once, DLQ when out of time. */
class PushAfleveringTest {

    static final Instant NU = Instant.parse("2026-11-23T10:00:00Z");
    static final AfleveringProperties PROPS = new AfleveringProperties(Duration.ofHours(72), Duration.ofSeconds(30), 2.0,
            Duration.ofHours(1), Duration.ofSeconds(30));
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
            SchemaLocation.of("classpath:schemas/audit-event.schema.json"),
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

    final List<AuditEvent> events = new ArrayList<>();
    final List<Zending> geleverd = new ArrayList<>();
    Exception fout;

    final Afleverkanaal inTest = new Afleverkanaal() {
        @Override
        public Kanaal.Soort soort() {
            return Kanaal.Soort.SFTP_IN;
        }

        @Override
        public void lever(Kanaal kanaal, Zending zending) throws Exception {
            if (fout != null) {
                throw fout;
            }
            geleverd.add(zending);
        }
    };

    final PushAflevering push = new PushAflevering(registry(), List.of(inTest), PROPS, new AuditTrail(null, JSON, null) {
        @Override
        public AuditEvent record(AuditEvent event) {
            events.add(event);
            return event;
        }
    }, Clock.fixed(NU, ZoneOffset.UTC));

    @Test
    void theScheduleGivesTheAttemptsThatFitInTheDuration() {
        // 30s, 1m, 2m, 4m, 8m, 16m, 32m (63.5 min), then 71 waits of 1h reach 72 h: 78 waits, 79 attempts
        assertThat(PROPS.wachttijdNa(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(PROPS.wachttijdNa(7)).isEqualTo(Duration.ofMinutes(32));
        assertThat(PROPS.wachttijdNa(8)).isEqualTo(Duration.ofHours(1));
        assertThat(PROPS.maxPogingen()).isEqualTo(79);
    }

    @Test
    void aDeliveredBerichtIsOneAuditedAttemptWithTheOriginalBytes() throws Exception {
        Exchange exchange = exchange(1, NU);

        push.lever(exchange);

        assertThat(geleverd).singleElement().satisfies(z -> {
            assertThat(z.deelnemer()).isEqualTo("42420001");
            assertThat(z.bestandsnaam()).isEqualTo(z.traceerId() + ".xml");
            assertThat(new String(z.inhoud().bytes(), StandardCharsets.UTF_8)).isEqualTo("<bericht/>");
            assertThat(z.headers()).containsEntry("berichtCode", "444").doesNotContainKey("_AMQ_DUPL_ID");
        });
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.eventType()).isEqualTo("AFGELEVERD_PUSH");
            assertThat(e.afleverkanaal()).isEqualTo("SFTP_IN");
            assertThat(e.poging()).isEqualTo(1);
        });
        assertValid(events.get(0));
    }

    @Test
    void aTemporaryFailureIsRethrownSoTheBrokerRedelivers() {
        fout = Afleverfout.tijdelijk("HTTP_503", "ontvanger antwoordde 503");
        Exchange exchange = exchange(3, NU.minus(Duration.ofHours(2)));

        assertThatThrownBy(() -> push.lever(exchange)).isSameAs(fout);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, fout);
        push.pogingMislukt(exchange);

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.eventType()).isEqualTo("AFLEVERPOGING");
            assertThat(e.poging()).isEqualTo(3);
            assertThat(e.reden()).isEqualTo("HTTP_503: ontvanger antwoordde 503");
        });
        assertValid(events.get(0));
    }

    @Test
    void aRefusalGoesToTheDlqAtOnceWithItsReasonAndNoBsn() throws Exception {
        String bsn = TestBsn.nth(5);
        fout = Afleverfout.permanent("HTTP_400", "ontvanger weigert bsn " + bsn);
        Exchange exchange = exchange(1, NU);

        assertThatThrownBy(() -> push.lever(exchange)).isInstanceOf(NaarDlq.class)
                .satisfies(e -> exchange.setProperty(Exchange.EXCEPTION_CAUGHT, e));
        push.naarDlq(exchange);

        String reden = exchange.getMessage().getHeader(PushAflevering.REDEN, String.class);
        assertThat(reden).startsWith("geweigerd door ontvanger: HTTP_400").doesNotContain(bsn);
        assertThat(exchange.getMessage().getHeader(PushAflevering.QUEUE)).isEqualTo("aanbieder.42420001");
        assertThat(exchange.getMessage().getHeader("_AMQ_DUPL_ID", String.class)).startsWith("dlq/");
        assertThat(events).extracting(AuditEvent::eventType).containsExactly("AFLEVERPOGING", "NAAR_DLQ");
        events.forEach(PushAfleveringTest::assertValid);
    }

    @Test
    void aTemporaryFailureAfterTheDurationGoesToTheDlq() {
        fout = Afleverfout.tijdelijk("SFTP_VERBINDING", "Connection refused");
        Exchange laat = exchange(5, NU.minus(Duration.ofHours(72)));
        assertThatThrownBy(() -> push.lever(laat)).isInstanceOf(NaarDlq.class).hasMessageContaining("SFTP_VERBINDING");

        Exchange veelPogingen = exchange(PROPS.maxPogingen(), NU.minus(Duration.ofHours(1)));
        assertThatThrownBy(() -> push.lever(veelPogingen)).isInstanceOf(NaarDlq.class);

        Exchange vroeg = exchange(PROPS.maxPogingen() - 1, NU.minus(Duration.ofHours(71)));
        assertThatThrownBy(() -> push.lever(vroeg)).isSameAs(fout);
    }

    private Exchange exchange(int poging, Instant verzonden) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(PushAflevering.QUEUE, "aanbieder.42420001");
        exchange.getMessage().setBody("<bericht/>".getBytes(StandardCharsets.UTF_8));
        exchange.getMessage().setHeaders(Map.of("traceerId", UUID.randomUUID().toString(), "kanaal", "SOAP",
                "berichtCode", "444", "afzender", "0599", "ontvanger", "42420001", "_AMQ_DUPL_ID", "x",
                "JMSXDeliveryCount", poging, "JMSTimestamp", verzonden.toEpochMilli()));
        return exchange;
    }

    private static RegistryService registry() {
        KnooppuntProperties props = new KnooppuntProperties(Path.of("target/unused"), null, null, DataSize.ofMegabytes(1),
                new KnooppuntProperties.Pseudonym("k1", null), new KnooppuntProperties.Audit("a", Duration.ofSeconds(1), 1));
        return new RegistryService(props, event -> { }) {
            @Override
            public Registry current() {
                Registry shipped = super.current();
                return new Registry(shipped.gemeenten(), shipped.aanbieders(), shipped.herindelingen(), shipped.mandaten(),
                        shipped.zorgkantoren(), Map.of("42420001", new Kanaal("42420001", Kanaal.Soort.SFTP_IN, false,
                        Map.of())), shipped.identiteiten());
            }
        };
    }

    private static void assertValid(AuditEvent event) {
        try {
            assertThat(SCHEMA.validate(JSON.readTree(JSON.writeValueAsString(event)))).as("schema errors").isEmpty();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
