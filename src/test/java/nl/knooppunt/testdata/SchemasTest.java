package nl.knooppunt.testdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Our iWmo 3.2 XSDs against the test-data builder, the example berichten and known-bad variants. */
class SchemasTest {

    private static final Path SCHEMAS = Path.of("schemas");
    private static final Path EXAMPLES = Path.of("examples");
    private static final String BASIS_NS = BerichtBuilder.BASIS_NAMESPACE;
    private static final Map<String, Schema> SCHEMA_CACHE = new ConcurrentHashMap<>();

    static Stream<String> types() {
        return BerichtBuilder.types().stream();
    }

    static Stream<String> retourTypes() {
        return Stream.of("WMO302", "WMO306", "WMO308", "WMO316", "WMO318", "WMO320");
    }

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList().stream();
        }
    }

    @Test
    void thereIsOneSchemaAndOneExamplePerType() {
        assertThat(BerichtBuilder.types()).hasSize(14);
        for (String type : BerichtBuilder.types()) {
            String name = type.toLowerCase();
            assertThat(SCHEMAS.resolve(name + ".xsd")).isRegularFile();
            assertThat(EXAMPLES.resolve(name + ".xml")).isRegularFile();
        }
        assertThat(SCHEMAS.resolve("basisschema.xsd")).isRegularFile();
    }

    @ParameterizedTest
    @MethodSource("types")
    void builderDefaultIsValid(String type) throws Exception {
        BerichtBuilder builder = BerichtBuilder.of(type);
        String xml = builder.build();

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n");
        assertThat(xml).contains("xmlns:" + type.toLowerCase() + "=\"" + builder.namespace() + "\"");
        assertThat(xml).contains(":BerichtCode>" + builder.berichtCode() + "</");
        assertThat(errors(type, xml)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("types")
    void builderVariantsAreValid(String type) throws Exception {
        assertThat(errors(type, BerichtBuilder.of(type).akkoord().build())).isEmpty();
        assertThat(errors(type, BerichtBuilder.of(type).retourCode("0001").build())).isEmpty();
        String custom = BerichtBuilder.of(type)
                .gemeente("0363")
                .aanbieder("12345678")
                .bsn(TestBsn.nth(10))
                .bsn2(TestBsn.nth(11))
                .identificatie("A&B<12>")
                .dagtekening(LocalDate.of(2026, 1, 31))
                .productCategorie("15")
                .productCode(null)
                .toewijzingNummer(999_999_999L)
                .build();
        assertThat(errors(type, custom)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void exampleIsValid(Path example) throws Exception {
        byte[] bytes = Files.readAllBytes(example);
        String type = example.getFileName().toString().replace(".xml", "");

        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).as("no BOM (OP192)").doesNotStartWith("\uFEFF");
        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        assertThat(errors(type, bytes)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("retourTypes")
    void retourHeaderIsTheHeenHeaderCopied(String retourType) {
        String retourNr = retourType.substring(3);
        String heenNr = Integer.toString(Integer.parseInt(retourNr) - 1);
        BerichtBuilder heen = BerichtBuilder.of("WMO" + heenNr);
        BerichtBuilder retour = BerichtBuilder.of(retourType);

        String heenHeader = between(heen.build(), "<wmo" + heenNr + ":Header>", "</wmo" + heenNr + ":XsdVersie>")
                .replace("wmo" + heenNr + ":", "wmo" + retourNr + ":")
                .replace(">" + heen.berichtCode() + "<", ">" + retour.berichtCode() + "<");
        assertThat(retour.build()).contains(heenHeader);
    }

    @Test
    void builderDeclaratieTotalsAreConsistent() throws Exception {
        assertTotalsConsistent(BerichtBuilder.wmo323().build().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void exampleDeclaratieTotalsAreConsistent() throws Exception {
        assertTotalsConsistent(Files.readAllBytes(EXAMPLES.resolve("wmo323.xml")));
    }

    @Nested
    class Rejects {

        private final String valid = BerichtBuilder.wmo301().build();

        @Test
        void bsnOfEightDigits() throws Exception {
            assertThat(errors("WMO301", valid)).isEmpty();
            assertThat(errors("WMO301", BerichtBuilder.wmo301().bsn("99999001").build())).isNotEmpty();
        }

        @Test
        void berichtCodeOfAnotherBericht() throws Exception {
            String wrong = valid.replace("<wmo301:BerichtCode>414<", "<wmo301:BerichtCode>444<");
            assertThat(wrong).isNotEqualTo(valid);
            assertThat(errors("WMO301", wrong)).isNotEmpty();
        }

        @Test
        void emptyElement() throws Exception {
            String empty = BerichtBuilder.wmo301().identificatie("").build();
            assertThat(empty).contains("<iwmo:Identificatie></iwmo:Identificatie>");
            assertThat(errors("WMO301", empty)).isNotEmpty();
            assertThat(errors("WMO301", BerichtBuilder.wmo301().identificatie("   ").build())).isNotEmpty();
        }

        @Test
        void dateWithTimezone() throws Exception {
            String zoned = valid.replace("<iwmo:Dagtekening>2026-11-02<", "<iwmo:Dagtekening>2026-11-02Z<");
            assertThat(zoned).isNotEqualTo(valid);
            assertThat(errors("WMO301", zoned)).isNotEmpty();
        }

        @Test
        void productcategorieOutsideTheList() throws Exception {
            assertThat(errors("WMO301", BerichtBuilder.wmo301().productCategorie("19").build())).isNotEmpty();
            assertThat(errors("WMO323", BerichtBuilder.wmo323().productCategorie("19").build())).isNotEmpty();
        }

        @Test
        void berichtInTheWrongSchema() throws Exception {
            assertThat(errors("WMO302", valid)).isNotEmpty();
        }
    }

    @Nested
    class Bsns {

        @Test
        void generatedBsnsPassTheElfproefAndAreInTheTestRange() {
            List<String> bsns = TestBsn.first(100);
            assertThat(bsns).hasSize(100).doesNotHaveDuplicates().isSorted();
            assertThat(bsns).allSatisfy(bsn -> {
                assertThat(bsn).hasSize(9).startsWith("99999");
                assertThat(TestBsn.isValid(bsn)).as(bsn).isTrue();
            });
            assertThat(TestBsn.nth(0)).isEqualTo(bsns.get(0));
            assertThat(TestBsn.nth(42)).isEqualTo(bsns.get(42));
        }

        @Test
        void knownValuesAreChecked() {
            assertThat(TestBsn.isValid("999990019")).isTrue();
            assertThat(TestBsn.isValid("999990018")).isFalse();
            assertThat(TestBsn.isValid("99999001")).isFalse();
            assertThat(TestBsn.isValid("9999900190")).isFalse();
            assertThat(TestBsn.isValid("99999001a")).isFalse();
            assertThat(TestBsn.isValid(null)).isFalse();
            assertThatThrownBy(() -> TestBsn.nth(-1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static List<String> errors(String type, String xml) throws Exception {
        return errors(type, xml.getBytes(StandardCharsets.UTF_8));
    }

    /** All XSD errors of the document against schemas/&lt;type&gt;.xsd; empty when valid. */
    private static List<String> errors(String type, byte[] xml) throws Exception {
        Validator validator = schema(type.toLowerCase()).newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        List<String> errors = new ArrayList<>();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
                throw e;
            }
        });
        try {
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXParseException fatal) {
            // already recorded by the error handler
        }
        return errors;
    }

    private static Schema schema(String name) {
        return SCHEMA_CACHE.computeIfAbsent(name, n -> {
            try {
                SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
                return factory.newSchema(new StreamSource(SCHEMAS.resolve(n + ".xsd").toFile()));
            } catch (SAXException e) {
                throw new IllegalStateException("cannot load schema " + n, e);
            }
        });
    }

    private static String between(String s, String from, String to) {
        int start = s.indexOf(from);
        int end = s.indexOf(to, start);
        assertThat(start).as(from).isNotNegative();
        assertThat(end).as(to).isNotNegative();
        return s.substring(start, end + to.length());
    }

    // TR358: TotaalIngediendBedrag = Σ IngediendBedrag (all debet here); TR346: Bedrag = GeleverdVolume × ProductTarief.
    private static void assertTotalsConsistent(byte[] xml) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        String ns = doc.getDocumentElement().getNamespaceURI();

        long sum = 0;
        NodeList prestaties = doc.getElementsByTagNameNS(ns, "Prestatie");
        assertThat(prestaties.getLength()).isEqualTo(3);
        for (int i = 0; i < prestaties.getLength(); i++) {
            Element p = (Element) prestaties.item(i);
            long volume = Long.parseLong(text(p, ns, "GeleverdVolume"));
            long tarief = Long.parseLong(text(p, ns, "ProductTarief"));
            long bedrag = Long.parseLong(text(p, BASIS_NS, "Bedrag"));
            assertThat(text(p, BASIS_NS, "DebetCredit")).isEqualTo("D");
            assertThat(bedrag).isEqualTo(volume * tarief);
            sum += bedrag;
        }
        assertThat(doc.getElementsByTagNameNS(ns, "Client").getLength()).isEqualTo(2);
        assertThat(Long.parseLong(text(doc.getDocumentElement(), BASIS_NS, "TotaalBedrag"))).isEqualTo(sum);

        Element periode = (Element) doc.getElementsByTagNameNS(ns, "DeclaratiePeriode").item(0);
        LocalDate begin = LocalDate.parse(text(periode, BASIS_NS, "Begindatum"));
        LocalDate eind = LocalDate.parse(text(periode, BASIS_NS, "Einddatum"));
        assertThat(begin.getDayOfMonth()).isEqualTo(1);
        assertThat(eind).isEqualTo(begin.plusMonths(1).minusDays(1));
    }

    private static String text(Element parent, String ns, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS(ns, localName);
        assertThat(nodes.getLength()).as(localName).isPositive();
        return nodes.item(0).getTextContent().trim();
    }
}
