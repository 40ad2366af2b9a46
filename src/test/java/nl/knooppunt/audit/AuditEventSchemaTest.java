package nl.knooppunt.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import nl.knooppunt.intake.Bericht;
import nl.knooppunt.intake.IntakeGate;
import nl.knooppunt.registry.Registry;
import nl.knooppunt.registry.RegistryLoader;
import nl.knooppunt.routing.Router;
import nl.knooppunt.routing.RoutingProperties;
import nl.knooppunt.toewijzing.InMemoryToewijzingen;

import nl.knooppunt.system.KnooppuntProperties;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;
import nl.knooppunt.validation.AfkeurException;
import nl.knooppunt.validation.XsdValidator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

/**
 * Real audit events, built by {@link AuditTrail} from berichten that went through the real gate, validator and router,
 * serialized like Spring Boot does, against {@code schemas/audit-event.schema.json}.
 */
class AuditEventSchemaTest {

    private static final String BSN = TestBsn.nth(3);
    private static final String BSN2 = TestBsn.nth(4);

    /** Like Spring Boot's auto-configured ObjectMapper: java.time as ISO-8601 strings. */
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
            SchemaLocation.of("classpath:schemas/audit-event.schema.json"),
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

    private static final KnooppuntProperties PROPERTIES = new KnooppuntProperties(Path.of("target/unused-data-dir"), null,
            null, DataSize.ofMegabytes(25), new KnooppuntProperties.Pseudonym("k1", null),
            new KnooppuntProperties.Audit("audit.contractmanagement", Duration.ofMillis(200), 500));
    private static final Pseudonymizer PSEUDONYMIZER = new Pseudonymizer(PROPERTIES,
            new MockEnvironment().withProperty("knooppunt.pseudonym.secret", "0123456789abcdef0123456789abcdef"));
    private static final IntakeGate GATE = new IntakeGate(PROPERTIES, PSEUDONYMIZER);
    private static final XsdValidator XSD = new XsdValidator();
    private static final Registry REGISTRY = new RegistryLoader(null).load();
    private static final Router ROUTER = new Router(null, new InMemoryToewijzingen(), (client, datum) -> Optional.empty(),
            new RoutingProperties(null, null));
    private static final AuditTrail AUDIT = new AuditTrail(null, JSON, PSEUDONYMIZER);

    static Stream<String> types() {
        return BerichtBuilder.types().stream();
    }

    // ------------------------------------------------------------------ real events are valid

    @Test
    void ontvangen() throws Exception {
        JsonNode event = event(received(BerichtBuilder.wmo315().build()), "ONTVANGEN");

        assertValid(event);
        assertThat(fieldNames(event)).containsExactlyInAnyOrder("schemaVersion", "eventId", "traceerId", "eventType",
                "tijdstip", "kanaal");
    }

    @Test
    void afgeleverd315() throws Exception {
        JsonNode event = event(delivered(BerichtBuilder.wmo315().bsn(BSN).identificatie("VOT-1").build()), "AFGELEVERD");

        assertValid(event);
        assertThat(event.get("berichttype").asText()).isEqualTo("WMO315");
        assertThat(event.get("bestemming").asText()).isEqualTo("0599");
        assertThat(event.get("clientPseudoniemen")).hasSize(1);
        assertThat(event.get("pseudoniemSleutelId").asText()).isEqualTo("k1");
        assertThat(event.get("tijdstip").isTextual()).isTrue();
        assertThat(event.has("totaalIngediendBedrag")).isFalse();
        assertThat(event.toString()).doesNotContain(BSN);
    }

    @Test
    void afgeleverd323WithTotaal() throws Exception {
        JsonNode event = event(delivered(BerichtBuilder.wmo323().bsn(BSN).bsn2(BSN2).build()), "AFGELEVERD");

        assertValid(event);
        assertThat(event.get("totaalIngediendBedrag").asLong()).isEqualTo(158_200L);
        assertThat(event.get("aantalClienten").asInt()).isEqualTo(2);
        assertThat(event.get("clientPseudoniemen")).hasSize(2);
        assertThat(event.toString()).doesNotContain(BSN).doesNotContain(BSN2);
    }

    @Test
    void credit323HasANegativeTotaal() throws Exception {
        String xml = BerichtBuilder.wmo323().build()
                .replaceFirst("(?s)(<wmo323:TotaalIngediendBedrag>.*?<iwmo:DebetCredit>)D<", "$1C<");
        Bericht bericht = received(xml);
        bericht.info(GATE.inspect(bericht.inhoud()));

        JsonNode event = event(bericht, "GEROUTEERD");

        assertValid(event);
        assertThat(event.get("totaalIngediendBedrag").asLong()).isNegative();
    }

    @ParameterizedTest
    @MethodSource("types")
    void gerouteerdAndAfgeleverdEveryType(String type) throws Exception {
        Bericht bericht = delivered(BerichtBuilder.of(type).bsn(BSN).bsn2(BSN2).build());
        for (String eventType : List.of("GEROUTEERD", "AFGELEVERD")) {
            JsonNode event = event(bericht, eventType);

            assertValid(event);
            assertThat(event.get("berichttype").asText()).isEqualTo(type);
            assertThat(event.toString()).doesNotContain(BSN).doesNotContain(BSN2);
        }
    }

    @Test
    void productLinesOnTheRoutedEventAndNotAgainOnTheEventsThatFollowIt() throws Exception {
        Bericht bericht = delivered(BerichtBuilder.wmo323().bsn(BSN).bsn2(BSN2).build());

        assertThat(event(bericht, "GEROUTEERD").get("producten")).as("GEROUTEERD lists the prestaties").hasSize(3);
        for (String volgt : List.of("AFGELEVERD", "IN_TRIAGE", "HERSTELD", "RETOUR_VERZONDEN")) {
            JsonNode event = event(bericht, volgt);
            assertValid(event);
            assertThat(event.has("producten")).as("%s repeats no product lines", volgt).isFalse();
            assertThat(event.get("totaalIngediendBedrag").asLong()).as("%s keeps the figures", volgt).isEqualTo(158_200L);
        }
        for (String beslist : List.of("AFGEKEURD", "GEPARKEERD", "DUPLICAAT")) {
            assertThat(event(bericht, beslist).get("producten")).as("%s lists the prestaties", beslist).hasSize(3);
        }
    }

    @Test
    void antwoordbericht319HasNoPseudonymsAndNoKeyId() throws Exception {
        JsonNode event = event(delivered(BerichtBuilder.wmo319().build()), "AFGELEVERD");

        assertValid(event);
        assertThat(event.get("clientPseudoniemen")).isEmpty();
        assertThat(event.has("pseudoniemSleutelId")).isFalse();
    }

    @Test
    void afgekeurdByTheXsdWithMeldingen() throws Exception {
        String xml = BerichtBuilder.wmo315().bsn(BSN.substring(0, 8)).build(); // BSN of 8 digits
        Bericht bericht = received(xml);
        bericht.info(GATE.inspect(bericht.inhoud()));
        AfkeurException afkeur = catchThrowableOfType(
                () -> XSD.validate(bericht.inhoud(), bericht.info().type()), AfkeurException.class);
        bericht.meldingen().addAll(afkeur.meldingen());
        bericht.status(Bericht.Status.AFGEKEURD);

        JsonNode event = event(bericht, "AFGEKEURD");

        assertValid(event);
        assertThat(event.get("meldingen").get(0).get("code").asText()).isEqualTo("KP007");
        assertThat(event.has("bestemming")).isFalse();
        assertThat(event.toString()).doesNotContain(BSN.substring(0, 8));
    }

    @Test
    void afgekeurdByTheGateHasNoBerichtFields() throws Exception {
        Bericht bericht = received("geen xml " + BSN);
        AfkeurException afkeur = catchThrowableOfType(() -> GATE.inspect(bericht.inhoud()), AfkeurException.class);
        bericht.meldingen().addAll(afkeur.meldingen());

        JsonNode event = event(bericht, "AFGEKEURD");

        assertValid(event);
        assertThat(event.has("berichttype")).isFalse();
        assertThat(event.get("meldingen").get(0).get("code").asText()).isEqualTo("KP001");
    }

    @Test
    void geparkeerdForAnUnknownGemeente() throws Exception {
        Bericht bericht = received(BerichtBuilder.wmo315().gemeente("9999").build());
        bericht.info(GATE.inspect(bericht.inhoud()));
        AfkeurException afkeur = catchThrowableOfType(() -> ROUTER.decide(bericht.info(), REGISTRY), AfkeurException.class);
        bericht.meldingen().addAll(afkeur.meldingen());

        JsonNode event = event(bericht, "GEPARKEERD");

        assertValid(event);
        assertThat(event.get("meldingen").get(0).get("code").asText()).isEqualTo("KP010");
    }

    @Test
    void afgekeurdWithABsnAsAfzenderStillFitsTheContract() throws Exception {
        Bericht bericht = received(BerichtBuilder.wmo315().aanbieder(BSN).build());
        bericht.info(GATE.inspect(bericht.inhoud()));
        AfkeurException afkeur = catchThrowableOfType(
                () -> XSD.validate(bericht.inhoud(), bericht.info().type()), AfkeurException.class);
        bericht.meldingen().addAll(afkeur.meldingen());

        JsonNode event = event(bericht, "AFGEKEURD");

        assertValid(event);
        assertThat(event.toString()).doesNotContain(BSN);
    }

    @Test
    void afgeleverdWithLevel3SignalsAndDeadlines() throws Exception {
        Bericht bericht = delivered(BerichtBuilder.wmo323().build());
        bericht.signalen().add(new nl.knooppunt.validation.Bevinding("TR338", "9338", "Prestatie",
                "/Declaratie[1]/Clienten/Client[1]/Prestaties/Prestatie[2]", "Prestatie is niet te koppelen"));
        bericht.termijnen().add(new nl.knooppunt.validation.termijn.Termijn("OP090x4", bericht.traceerId(), "WMO323",
                "0599", "42420001", "WMO325", java.time.LocalDate.of(2026, 11, 2), java.time.LocalDate.of(2026, 11, 16),
                null, null));
        JsonNode event = event(bericht, "AFGELEVERD");
        assertValid(event);
        assertThat(event.get("signalen").findValuesAsText("code")).contains("TR338");
        assertThat(event.get("termijnen").get(0).get("uiterlijk").asText()).isEqualTo("2026-11-16");
        assertThat(event.get("termijnen").get(0).get("stand").asText()).isIn("OPEN", "VERLOPEN");
    }

    @Test
    void schemaNamesEveryFieldOfTheRecordAndNoOther() {
        JsonNode properties = schemaJson().get("properties");
        Set<String> recordFields = new TreeSet<>(Arrays.stream(AuditEvent.class.getRecordComponents())
                .map(c -> c.getName()).toList());

        assertThat(new TreeSet<>(fieldNames(properties))).isEqualTo(recordFields);
        assertThat(schemaJson().get("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schemaJson().get("properties").get("schemaVersion").get("const").asInt())
                .isEqualTo(AuditEvent.SCHEMA_VERSION);
    }

    // ------------------------------------------------------------------ the schema refuses what does not belong

    @Nested
    class Refuses {

        @Test
        void anExtraBsnField() throws Exception {
            ObjectNode event = valid315();
            event.put("bsn", BSN);

            assertThat(errors(event)).anySatisfy(m -> assertThat(m.getMessage()).contains("bsn"));
        }

        @Test
        void anExtraFieldInAMelding() throws Exception {
            ObjectNode event = valid315();
            event.putArray("meldingen").addObject().put("code", "KP007").put("omschrijving", "x").put("waarde", BSN);

            assertThat(errors(event)).isNotEmpty();
        }

        @Test
        void aBsnAsPseudonym() throws Exception {
            ObjectNode event = valid315();
            ((ArrayNode) event.get("clientPseudoniemen")).removeAll().add(BSN);

            assertThat(errors(event)).isNotEmpty();
        }

        @Test
        void anUppercasePseudonym() throws Exception {
            ObjectNode event = valid315();
            ArrayNode pseudoniemen = (ArrayNode) event.get("clientPseudoniemen");
            String p = pseudoniemen.get(0).asText();
            pseudoniemen.removeAll().add(p.toUpperCase());

            assertThat(errors(event)).isNotEmpty();
        }

        @Test
        void pseudonymsWithoutAKeyId() throws Exception {
            ObjectNode event = valid315();
            event.remove("pseudoniemSleutelId");

            assertThat(errors(event)).isNotEmpty();
        }

        @Test
        void aBsnAsAfzender() throws Exception {
            ObjectNode event = valid315();
            event.put("afzender", BSN);

            assertThat(errors(event)).isNotEmpty();
        }

        @Test
        void anAgbAsResponsibleGemeente() throws Exception {
            ObjectNode event = valid315();
            event.put("responsible", "42420001");

            assertThat(errors(event)).isNotEmpty();
        }

        @Test
        void aNineDigitRunInTheIdentificatie() throws Exception {
            ObjectNode event = valid315();
            event.put("identificatie", "X" + BSN);

            assertThat(errors(event)).isNotEmpty();
        }

        @Test
        void aMissingTraceerId() throws Exception {
            ObjectNode event = valid315();
            event.remove("traceerId");

            assertThat(errors(event)).isNotEmpty();
        }

        @Test
        void anUnknownEventType() throws Exception {
            ObjectNode event = valid315();
            event.put("eventType", "VERWIJDERD");

            assertThat(errors(event)).isNotEmpty();
        }

        @Test
        void anotherSchemaVersion() throws Exception {
            ObjectNode event = valid315();
            event.put("schemaVersion", 2);

            assertThat(errors(event)).isNotEmpty();
        }

        @Test
        void aTijdstipThatIsNoDateTime() throws Exception {
            ObjectNode event = valid315();
            event.put("tijdstip", "gisteren");

            assertThat(errors(event)).isNotEmpty();
        }

        @Test
        void aTijdstipWrittenAsNumberByAMisconfiguredMapper() throws Exception {
            ObjectMapper timestamps = new ObjectMapper().findAndRegisterModules();
            Bericht bericht = delivered(BerichtBuilder.wmo315().build());
            JsonNode event = JSON.readTree(timestamps.writeValueAsString(
                    new AuditTrail(null, timestamps, PSEUDONYMIZER).event(bericht, "AFGELEVERD", Instant.now())));

            assertThat(event.get("tijdstip").isNumber()).isTrue();
            assertThat(errors(event)).isNotEmpty();
        }

        @Test
        void aTwoDigitBerichtCode() throws Exception {
            ObjectNode event = valid315();
            event.put("berichtCode", "44");

            assertThat(errors(event)).isNotEmpty();
        }

        @Test
        void aThreeDigitProductcategorie() throws Exception {
            ObjectNode event = valid315();
            ((ArrayNode) event.get("productcategorieen")).add("123");

            assertThat(errors(event)).isNotEmpty();
        }

        private ObjectNode valid315() throws Exception {
            JsonNode event = event(delivered(BerichtBuilder.wmo315().bsn(BSN).build()), "AFGELEVERD");
            assertValid(event);
            return (ObjectNode) event;
        }
    }

    // ------------------------------------------------------------------ helpers

    private static Bericht received(String xml) {
        return new Bericht(UUID.randomUUID().toString(), "SOAP", "test.xml", Instant.now(),
                xml.getBytes(StandardCharsets.UTF_8));
    }

    /** Through the gate, the XSD and the router, as the validate and route routes do. */
    private static Bericht delivered(String xml) {
        Bericht bericht = received(xml);
        bericht.info(GATE.inspect(bericht.inhoud()));
        XSD.validate(bericht.inhoud(), bericht.info().type());
        bericht.besluit(ROUTER.decide(bericht.info(), REGISTRY));
        bericht.status(Bericht.Status.AFGELEVERD);
        return bericht;
    }

    /** Serialized and read back, exactly what goes into audit_event.inhoud and onto the queue. */
    private static JsonNode event(Bericht bericht, String eventType) throws Exception {
        return JSON.readTree(JSON.writeValueAsString(AUDIT.event(bericht, eventType, Instant.now())));
    }

    private static Set<ValidationMessage> errors(JsonNode event) {
        return SCHEMA.validate(event);
    }

    private static void assertValid(JsonNode event) {
        assertThat(errors(event)).as("schema errors for %s", event).isEmpty();
    }

    private static JsonNode schemaJson() {
        try (var in = AuditEventSchemaTest.class.getResourceAsStream("/schemas/audit-event.schema.json")) {
            return JSON.readTree(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
