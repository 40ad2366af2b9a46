package nl.knooppunt.intake;

import org.junit.jupiter.api.io.TempDir;
import nl.knooppunt.payload.Payload;
import java.nio.file.Files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import nl.knooppunt.audit.Pseudonymizer;
import nl.knooppunt.system.KnooppuntProperties;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.HostileXml;
import nl.knooppunt.testdata.TestBsn;
import nl.knooppunt.validation.AfkeurException;
import nl.knooppunt.validation.Melding;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

/** The intake gate on its own: what it reads from each iWmo 3.2 bericht, and every way it refuses one. */
class IntakeGateTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final String BSN = TestBsn.nth(3);
    private static final String GEMEENTE = "0599";
    private static final String AGB = "42420001";

    private static final Pseudonymizer PSEUDONYMIZER = pseudonymizer();
    private static final IntakeGate GATE = gate(DataSize.ofMegabytes(25));

    static Stream<String> types() {
        return BerichtBuilder.types().stream();
    }

    // ------------------------------------------------------------------ detection

    @ParameterizedTest
    @MethodSource("types")
    void detectsTypeBerichtCodeAndHeader(String type) {
        BerichtBuilder builder = BerichtBuilder.of(type).gemeente(GEMEENTE).aanbieder(AGB).bsn(BSN).identificatie("X1");

        BerichtInfo info = GATE.inspect(utf8(builder.build()));

        assertThat(info.type()).isEqualTo(BerichtType.valueOf(type));
        assertThat(info.berichtCode()).isEqualTo(builder.berichtCode()).isEqualTo(info.type().berichtCode());
        assertThat(info.identificatie()).isEqualTo("X1");
        assertThat(info.dagtekening()).isEqualTo(BerichtBuilder.DEFAULT_DAGTEKENING.toString());
        assertThat(info.gemeente()).isEqualTo(GEMEENTE);
        assertThat(info.aanbieder()).isEqualTo(AGB);
    }

    @ParameterizedTest
    @MethodSource("types")
    void afzenderAndOntvangerFollowTheHeenbericht(String type) {
        BerichtInfo info = GATE.inspect(utf8(BerichtBuilder.of(type).gemeente(GEMEENTE).aanbieder(AGB).build()));

        // 301, 319 and 325 are sent by the gemeente; their retours (302, 320) copy that header (IV028)
        boolean gemeenteIsAfzender = Set.of("WMO301", "WMO302", "WMO319", "WMO320", "WMO325").contains(type);
        assertThat(info.afzender()).isEqualTo(gemeenteIsAfzender ? GEMEENTE : AGB);
        assertThat(info.ontvanger()).isEqualTo(gemeenteIsAfzender ? AGB : GEMEENTE);
    }

    @Test
    void retour302KeepsTheGemeenteAsAfzenderButTravelsToTheGemeente() {
        BerichtInfo info = GATE.inspect(utf8(BerichtBuilder.wmo302().gemeente("0363").aanbieder("12345678").build()));

        assertThat(info.type()).isEqualTo(BerichtType.WMO302);
        assertThat(info.berichtCode()).isEqualTo("415");
        assertThat(info.afzender()).isEqualTo("0363");
        assertThat(info.ontvanger()).isEqualTo("12345678");
        assertThat(info.gemeente()).isEqualTo("0363");
        assertThat(info.aanbieder()).isEqualTo("12345678");
        assertThat(info.type().richting()).isEqualTo(BerichtType.Richting.NAAR_GEMEENTE);
    }

    @ParameterizedTest
    @MethodSource("types")
    void countsClientsAndPseudonymizesEveryBsn(String type) {
        String bsn2 = TestBsn.nth(4);
        BerichtInfo info = GATE.inspect(utf8(BerichtBuilder.of(type).bsn(BSN).bsn2(bsn2).build()));

        switch (type) {
            case "WMO319", "WMO320" -> {
                assertThat(info.aantalClienten()).isZero();
                assertThat(info.clientPseudoniemen()).isEmpty();
            }
            case "WMO323", "WMO325" -> {
                assertThat(info.aantalClienten()).isEqualTo(2);
                assertThat(info.clientPseudoniemen())
                        .containsExactly(PSEUDONYMIZER.pseudonym(BSN), PSEUDONYMIZER.pseudonym(bsn2));
            }
            default -> {
                assertThat(info.aantalClienten()).isEqualTo(1);
                assertThat(info.clientPseudoniemen()).containsExactly(PSEUDONYMIZER.pseudonym(BSN));
            }
        }
        assertThat(info.toString()).doesNotContain(BSN).doesNotContain(bsn2);
    }

    @ParameterizedTest
    @MethodSource("types")
    void readsProductCategorieen(String type) {
        BerichtInfo info = GATE.inspect(utf8(BerichtBuilder.of(type).productCategorie("04").build()));

        switch (type) {
            case "WMO319", "WMO320" -> assertThat(info.productCategorieen()).isEmpty();
            // the builder's 323 has a second prestatie in categorie 07; its 325 lists only the rejected ones
            case "WMO323" -> assertThat(info.productCategorieen()).containsExactlyInAnyOrder("04", "07");
            default -> assertThat(info.productCategorieen()).containsExactly("04");
        }
    }

    @Test
    void declaratie323CarriesItsTotalAndTwoClients() {
        BerichtInfo info = GATE.inspect(utf8(BerichtBuilder.wmo323().bsn(BSN).bsn2(TestBsn.nth(4)).build()));

        // 12 × 6250 + 8 × 4150 + 8 × 6250 eurocent, debet
        assertThat(info.totaalIngediendBedrag()).isEqualTo(158_200L);
        assertThat(info.aantalClienten()).isEqualTo(2);
        assertThat(info.clientPseudoniemen()).hasSize(2);
    }

    @Test
    void creditTotalIsNegative() {
        String xml = BerichtBuilder.wmo323().build()
                .replaceFirst("(?s)(<wmo323:TotaalIngediendBedrag>.*?<iwmo:DebetCredit>)D<", "$1C<");

        assertThat(GATE.inspect(utf8(xml)).totaalIngediendBedrag()).isEqualTo(-158_200L);
    }

    @Test
    void onlyDeclaratiesHaveATotal() {
        assertThat(GATE.inspect(utf8(BerichtBuilder.wmo315().build())).totaalIngediendBedrag()).isNull();
        assertThat(GATE.inspect(utf8(BerichtBuilder.wmo301().build())).totaalIngediendBedrag()).isNull();
    }

    @Test
    void sameBsnTwiceGivesOnePseudonym() {
        String other = TestBsn.nth(4);
        String xml = BerichtBuilder.wmo323().bsn(BSN).bsn2(other).build().replace(other, BSN);

        BerichtInfo info = GATE.inspect(utf8(xml));

        assertThat(info.aantalClienten()).isEqualTo(2);
        assertThat(info.clientPseudoniemen()).containsExactly(PSEUDONYMIZER.pseudonym(BSN));
    }

    @Test
    void nineDigitIdentificatieIsMasked() {
        BerichtInfo info = GATE.inspect(utf8(BerichtBuilder.wmo315().identificatie(BSN).build()));

        assertThat(info.identificatie()).isEqualTo("*********");
    }

    /**
     * An XSD-invalid header still reaches the journal and the AFGEKEURD audit event through BerichtInfo. Whatever the
     * gate keeps there must not be a BSN and must fit the journal columns (afzender/ontvanger varchar(8),
     * identificatie varchar(12)), or the rejection turns into a "tijdelijke storing".
     */
    @Nested
    class HeaderValuesOfAnInvalidBericht {

        @Test
        void afzenderThatIsNoPartyCodeIsNotKeptVerbatim() {
            BerichtInfo info = GATE.inspect(utf8(BerichtBuilder.wmo315().aanbieder(BSN).build()));

            assertThat(info.afzender()).satisfiesAnyOf(
                    a -> assertThat(a).isNull(),
                    a -> assertThat(a).doesNotContain(BSN).hasSizeLessThanOrEqualTo(8));
        }

        @Test
        void ontvangerThatIsNoPartyCodeIsNotKeptVerbatim() {
            BerichtInfo info = GATE.inspect(utf8(BerichtBuilder.wmo315().gemeente(BSN).build()));

            assertThat(info.ontvanger()).satisfiesAnyOf(
                    o -> assertThat(o).isNull(),
                    o -> assertThat(o).doesNotContain(BSN).hasSizeLessThanOrEqualTo(8));
        }

        @Test
        void identificatieFitsLdtIdentificatieBericht() {
            BerichtInfo info = GATE.inspect(utf8(BerichtBuilder.wmo315().identificatie("ABCDEFGHIJKLMNOP").build()));

            assertThat(info.identificatie()).satisfiesAnyOf(
                    i -> assertThat(i).isNull(),
                    i -> assertThat(i).hasSizeLessThanOrEqualTo(12));
        }

        @Test
        void bsnInsideALongIdentificatieIsMasked() {
            BerichtInfo info = GATE.inspect(utf8(BerichtBuilder.wmo315().identificatie("ID" + BSN + "X").build()));

            assertThat(info.identificatie()).doesNotContain(BSN);
        }
    }

    // ------------------------------------------------------------------ pseudonyms

    @Nested
    class Pseudonyms {

        @Test
        void are32LowercaseHexAndNeverTheBsn() {
            String p = only(GATE.inspect(utf8(BerichtBuilder.wmo315().bsn(BSN).build())));

            assertThat(p).matches("[0-9a-f]{32}").isNotEqualTo(BSN).doesNotContain(BSN);
        }

        @Test
        void areDeterministicForTheSameBsn() {
            String first = only(GATE.inspect(utf8(BerichtBuilder.wmo315().bsn(BSN).identificatie("A").build())));
            String second = only(GATE.inspect(utf8(BerichtBuilder.wmo301().bsn(BSN).identificatie("B").build())));
            String otherGate = only(gate(DataSize.ofMegabytes(25)).inspect(utf8(BerichtBuilder.wmo315().bsn(BSN).build())));

            assertThat(second).isEqualTo(first);
            assertThat(otherGate).isEqualTo(first);
        }

        @Test
        void differForDifferentBsns() {
            String a = only(GATE.inspect(utf8(BerichtBuilder.wmo315().bsn(TestBsn.nth(5)).build())));
            String b = only(GATE.inspect(utf8(BerichtBuilder.wmo315().bsn(TestBsn.nth(6)).build())));

            assertThat(a).isNotEqualTo(b);
        }

        private String only(BerichtInfo info) {
            assertThat(info.clientPseudoniemen()).hasSize(1);
            return info.clientPseudoniemen().get(0);
        }
    }

    // ------------------------------------------------------------------ rejections

    @Nested
    class KP001NotWellFormed {

        @Test
        void empty() {
            assertRejected(GATE, new byte[0], "KP001");
        }

        @Test
        void nullBytes() {
            assertRejected(GATE, null, "KP001");
        }

        @Test
        void notXml() {
            assertRejected(GATE, utf8("geen xml maar een bsn " + BSN), "KP001");
        }

        @Test
        void truncatedRightAfterTheBsn() {
            String xml = valid();
            String truncated = xml.substring(0, xml.indexOf(BSN) + BSN.length());

            Melding m = assertRejected(GATE, utf8(truncated), "KP001");
            assertThat(m.omschrijving()).contains("regel ");
        }

        @Test
        void truncatedInTheHeader() {
            assertRejected(GATE, utf8(valid().substring(0, 400)), "KP001");
        }

        @Test
        void isoLatin1EncodingDeclaration() {
            byte[] latin1 = valid().replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"")
                    .getBytes(StandardCharsets.ISO_8859_1);

            Melding m = assertRejected(GATE, latin1, "KP001");
            assertThat(m.omschrijving()).contains("ISO-8859-1").contains("UTF-8");
        }

        @Test
        void windows1252EncodingDeclaration() {
            assertRejected(GATE, utf8(valid().replace("encoding=\"UTF-8\"", "encoding=\"windows-1252\"")), "KP001");
        }

        @Test
        void lowercaseUtf8DeclarationIsAccepted() {
            BerichtInfo info = GATE.inspect(utf8(valid().replace("encoding=\"UTF-8\"", "encoding=\"utf-8\"")));

            assertThat(info.type()).isEqualTo(BerichtType.WMO315);
        }

        @Test
        void noXmlDeclarationIsAccepted() {
            String xml = valid();
            BerichtInfo info = GATE.inspect(utf8(xml.substring(xml.indexOf("?>") + 2).strip()));

            assertThat(info.type()).isEqualTo(BerichtType.WMO315);
        }

        @Test
        void onlyAnXmlDeclaration() {
            assertRejected(GATE, utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), "KP001");
        }
    }

    @Nested
    class KP002ByteOrderMark {

        @Test
        void utf8Bom() {
            assertRejected(GATE, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(valid())), "KP002");
        }

        @Test
        void utf16BigEndianBom() {
            assertRejected(GATE, utf16(valid(), StandardCharsets.UTF_16BE, (byte) 0xFE, (byte) 0xFF), "KP002");
        }

        @Test
        void utf16LittleEndianBom() {
            assertRejected(GATE, utf16(valid(), StandardCharsets.UTF_16LE, (byte) 0xFF, (byte) 0xFE), "KP002");
        }

        private byte[] utf16(String xml, java.nio.charset.Charset cs, byte b0, byte b1) {
            return concat(new byte[] {b0, b1}, xml.replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"").getBytes(cs));
        }
    }

    @Nested
    class KP007ForeignElement {

        private byte[] withInside(String inside) {
            String xml = valid();
            int at = xml.lastIndexOf("</wmo315:Bericht>");
            return utf8(xml.substring(0, at) + inside + xml.substring(at));
        }

        @Test
        void anElementWithoutNamespaceIsRefusedAtOnce() {
            Melding m = assertRejected(GATE, withInside("<extra>x</extra>"), "KP007");
            assertThat(m.omschrijving()).contains("extra").contains("wmo315");
        }

        @Test
        void anElementOfAnotherNamespaceIsForeignToo() {
            assertRejected(GATE, withInside("<x:Bsn xmlns:x=\"http://example.org/x\">" + BSN + "</x:Bsn>"), "KP007");
        }

        @Test
        void aMillionSiblingsInTheBerichtsNamespaceStopAtTheCap() {
            String xml = valid();
            int at = xml.lastIndexOf("</wmo315:Bericht>");
            Melding m = assertRejected(GATE, utf8(xml.substring(0, at) + "<wmo315:s/>".repeat(1_000_000)
                    + xml.substring(at)), "KP007");
            assertThat(m.omschrijving()).contains("meer dan " + IntakeGate.MAX_CHILDREN).contains("Bericht");
        }

        @Test
        void aMillionForeignSiblingsStopAtTheFirst() {
            long start = System.nanoTime();
            assertRejected(GATE, withInside("<s/>".repeat(1_000_000)), "KP007");
            assertThat((System.nanoTime() - start) / 1_000_000).as("ms").isLessThan(500);
        }
    }

    @Nested
    class KP003DoctypeAndEntities {

        @Test
        void doctype() {
            assertRejected(GATE, utf8(valid().replaceFirst("\\?>", "?><!DOCTYPE Bericht>")), "KP003");
        }

        @Test
        void billionLaughs() {
            assertRejected(GATE, HostileXml.billionLaughs(), "KP003");
        }

        @Test
        void externalEntity() {
            assertRejected(GATE, utf8("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                    + "<x>&xxe;</x>"), "KP003");
        }

        @Test
        void externalEntityInsideAnIwmoBericht() {
            String xml = valid()
                    .replaceFirst("\\?>", "?><!DOCTYPE wmo315:Bericht [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")
                    .replace(">Jansen<", ">&xxe;<");

            assertRejected(GATE, utf8(xml), "KP003");
        }
    }

    @Nested
    class KP004TooLarge {

        @Test
        void overTheCap() {
            Melding m = assertRejected(gate(DataSize.ofKilobytes(1)), utf8(valid()), "KP004");
            assertThat(m.omschrijving()).contains("maximaal 1024");
        }

        @Test
        void exactlyTheCapIsAllowed() {
            byte[] bytes = utf8(valid());

            assertThat(gate(DataSize.ofBytes(bytes.length)).inspect(bytes).type()).isEqualTo(BerichtType.WMO315);
            assertRejected(gate(DataSize.ofBytes(bytes.length - 1)), bytes, "KP004");
        }

        @Test
        void sizeIsCheckedBeforeTheBom() {
            byte[] bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(valid()));

            assertRejected(gate(DataSize.ofKilobytes(1)), bom, "KP004");
        }
    }

    /** A large bericht that stays in its file (payload.Payload.file) passes the same checks, streamed. */
    @Nested
    class FromAFile {

        @TempDir
        Path dir;

        @Test
        void aValidBerichtIsRead() throws Exception {
            BerichtInfo info = GATE.inspect(Payload.file(Files.write(dir.resolve("b.xml"), utf8(valid()))));

            assertThat(info.type()).isEqualTo(BerichtType.WMO315);
            assertThat(info.afzender()).isEqualTo(AGB);
        }

        @Test
        void aBomIsRefusedAndTheStreamIsReadFromItsStartAfterTheCheck() throws Exception {
            Path bom = Files.write(dir.resolve("bom.xml"), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                    utf8(valid())));
            Path doctype = Files.write(dir.resolve("doctype.xml"), utf8("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e "
                    + "\"e\">]><x>&e;</x>"));

            assertThat(catchThrowableOfType(() -> GATE.inspect(Payload.file(bom)), AfkeurException.class).meldingen())
                    .extracting(Melding::code).containsExactly("KP002");
            assertThat(catchThrowableOfType(() -> GATE.inspect(Payload.file(doctype)), AfkeurException.class)
                    .meldingen()).extracting(Melding::code).containsExactly("KP003");
        }

        @Test
        void theSizeComesFromTheFileBeforeAnyByteIsRead() throws Exception {
            Path groot = Files.write(dir.resolve("groot.xml"), new byte[2048]); // zeros: no XML at all

            assertThat(catchThrowableOfType(() -> gate(DataSize.ofKilobytes(1)).inspect(Payload.file(groot)),
                    AfkeurException.class).meldingen()).extracting(Melding::code).containsExactly("KP004");
        }
    }

    @Nested
    class KP005NamespaceOrRelease {

        @Test
        void iwmo31() {
            Melding m = assertRejected(GATE, utf8(valid().replace("/iwmo/3_2/", "/iwmo/3_1/")), "KP005");
            assertThat(m.omschrijving()).contains("3.1");
        }

        @Test
        void ijw32() {
            String ijw = valid().replace("/iwmo/3_2/", "/ijw/3_2/").replace("wmo315", "jw315");

            Melding m = assertRejected(GATE, utf8(ijw), "KP005");
            assertThat(m.omschrijving()).contains("ijw");
        }

        @Test
        void noNamespace() {
            Melding m = assertRejected(GATE, utf8("<Bericht><Header/></Bericht>"), "KP005");
            assertThat(m.omschrijving()).contains("geen namespace");
        }

        @Test
        void someOtherNamespace() {
            assertRejected(GATE, utf8("<b:Bericht xmlns:b=\"urn:example:" + BSN + "\"/>"), "KP005");
        }

        @Test
        void wrongRootElementInTheRightNamespace() {
            String xml = valid().replace("<wmo315:Bericht ", "<wmo315:Berichten ")
                    .replace("</wmo315:Bericht>", "</wmo315:Berichten>");

            Melding m = assertRejected(GATE, utf8(xml), "KP005");
            assertThat(m.omschrijving()).contains("Berichten");
        }

        @Test
        void basisschemaNamespaceAsRoot() {
            String xml = valid().replace("xmlns:wmo315=\"http://www.istandaarden.nl/iwmo/3_2/wmo315/schema\"",
                    "xmlns:wmo315=\"" + BerichtType.BASISSCHEMA_NS + "\"");

            assertRejected(GATE, utf8(xml), "KP005");
        }

        @Test
        void bsnInTheRootElementNameIsNotEchoed() {
            String xml = valid().replace("<wmo315:Bericht ", "<wmo315:B" + BSN + " ")
                    .replace("</wmo315:Bericht>", "</wmo315:B" + BSN + ">");

            assertRejected(GATE, utf8(xml), "KP005");
        }

        @Test
        void bsnAsReleaseOfAnIwmoNamespaceIsNotEchoed() {
            assertRejected(GATE, utf8(valid().replace("/iwmo/3_2/wmo315/", "/iwmo/" + BSN + "/wmo315/")), "KP005");
        }

        @Test
        void bsnAsStandaardOfAnIstandaardenNamespaceIsNotEchoed() {
            assertRejected(GATE, utf8(valid().replace("/iwmo/3_2/wmo315/", "/x" + BSN + "/3_2/wmo315/")), "KP005");
        }
    }

    @Nested
    class KP006BerichtCode {

        @Test
        void berichtCodeOfAnotherType() {
            Melding m = assertRejected(GATE, utf8(valid().replace(">444<", ">414<")), "KP006");
            assertThat(m.omschrijving()).contains("414").contains("WMO315").contains("444");
        }

        @Test
        void bsnAsBerichtCode() {
            assertRejected(GATE, utf8(valid().replace(">444<", ">" + BSN + "<")), "KP006");
        }

        @Test
        void noBerichtCode() {
            String xml = valid().replaceFirst("\\s*<wmo315:BerichtCode>444</wmo315:BerichtCode>", "");

            Melding m = assertRejected(GATE, utf8(xml), "KP006");
            assertThat(m.omschrijving()).contains("geen Header/BerichtCode");
        }

        @ParameterizedTest
        @MethodSource("nl.knooppunt.intake.IntakeGateTest#types")
        void everyTypeChecksItsOwnCode(String type) {
            BerichtBuilder builder = BerichtBuilder.of(type);
            String wrong = type.equals("WMO301") ? "415" : "414";
            String xml = builder.build().replace(">" + builder.berichtCode() + "</", ">" + wrong + "</");

            assertRejected(GATE, utf8(xml), "KP006");
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Asserts the code of the first melding and that no melding echoes the BSN; returns the first melding. */
    private static Melding assertRejected(IntakeGate gate, byte[] bytes, String code) {
        AfkeurException e = catchThrowableOfType(() -> gate.inspect(bytes), AfkeurException.class);

        assertThat(e).as("expected %s", code).isNotNull();
        assertThat(e.parkeren()).isFalse();
        assertThat(e.meldingen()).isNotEmpty();
        Melding first = e.meldingen().get(0);
        assertThat(first.code()).isEqualTo(code);
        for (Melding m : e.meldingen()) {
            assertThat(m.omschrijving()).isNotBlank().doesNotContain(BSN);
        }
        assertThat(e.getMessage()).doesNotContain(BSN);
        return first;
    }

    private static String valid() {
        return BerichtBuilder.wmo315().gemeente(GEMEENTE).aanbieder(AGB).bsn(BSN).identificatie("X1").build();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    static KnooppuntProperties properties(Path dataDir, DataSize maxSize) {
        return new KnooppuntProperties(dataDir, null, null, maxSize, new KnooppuntProperties.Pseudonym("k1", null),
                new KnooppuntProperties.Audit("audit.contractmanagement", Duration.ofMillis(200), 500));
    }

    private static Pseudonymizer pseudonymizer() {
        MockEnvironment env = new MockEnvironment().withProperty("knooppunt.pseudonym.secret", SECRET);
        return new Pseudonymizer(properties(Path.of("target/unused-data-dir"), DataSize.ofMegabytes(25)), env);
    }

    private static IntakeGate gate(DataSize maxSize) {
        return new IntakeGate(properties(Path.of("target/unused-data-dir"), maxSize), PSEUDONYMIZER);
    }
}
