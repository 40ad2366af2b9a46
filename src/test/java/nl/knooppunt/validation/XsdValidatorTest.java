package nl.knooppunt.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import nl.knooppunt.intake.BerichtType;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Control level 1 on its own: our iWmo 3.2 XSDs from the classpath, and what a violation tells the sender. */
class XsdValidatorTest {

    private static final XsdValidator VALIDATOR = new XsdValidator();
    private static final String BSN = TestBsn.nth(3);

    static Stream<String> types() {
        return BerichtBuilder.types().stream();
    }

    @ParameterizedTest
    @MethodSource("types")
    void builderDefaultPasses(String type) {
        byte[] bytes = utf8(BerichtBuilder.of(type).build());

        assertThatCode(() -> VALIDATOR.validate(bytes, BerichtType.valueOf(type))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @MethodSource("types")
    void builderVariantsPass(String type) {
        BerichtType t = BerichtType.valueOf(type);

        assertThatCode(() -> VALIDATOR.validate(utf8(BerichtBuilder.of(type).akkoord().build()), t))
                .doesNotThrowAnyException();
        assertThatCode(() -> VALIDATOR.validate(utf8(BerichtBuilder.of(type).retourCode("0001").build()), t))
                .doesNotThrowAnyException();
    }

    @Test
    void aBerichtAgainstTheSchemaOfAnotherTypeFails() {
        List<Melding> meldingen = rejected(BerichtBuilder.wmo315().build(), BerichtType.WMO301);

        assertThat(meldingen).allSatisfy(m -> assertThat(m.code()).isEqualTo("KP007"));
    }

    @Test
    void aPooledValidatorJudgesEachBerichtAfresh() {
        // one thread, one type: after the first call, every call takes the same Validator back from the pool
        XsdValidator validator = new XsdValidator();
        String goed = BerichtBuilder.wmo315().build();
        String fout = goed.replace(">02<", ">19<");
        String afgebroken = goed.substring(0, goed.length() / 2);
        List<Melding> foutVers = meldingen(new XsdValidator(), fout);
        List<Melding> afgebrokenVers = meldingen(new XsdValidator(), afgebroken);
        assertThat(foutVers).isNotEmpty();
        assertThat(afgebrokenVers).isNotEmpty();

        for (int i = 0; i < 2; i++) {
            assertThat(meldingen(validator, goed)).isEmpty();
            assertThat(meldingen(validator, fout)).isEqualTo(foutVers);
            assertThat(meldingen(validator, afgebroken)).isEqualTo(afgebrokenVers);
        }
        assertThat(meldingen(validator, goed)).isEmpty();
    }

    @Test
    void thePoolDoesNotHoldOnToALargeBericht() {
        // a pooled Validator that kept its last input would keep a 25 MB SOAP bericht in the heap until its next use
        XsdValidator validator = new XsdValidator();
        validator.validate(utf8(BerichtBuilder.wmo323().build()), BerichtType.WMO323);
        byte[] groot = utf8(BerichtBuilder.wmo323().prestaties(1500, List.of(BSN, TestBsn.nth(4))).build());
        assertThat((long) groot.length).isGreaterThan(nl.knooppunt.payload.Payload.STREAM_VANAF);
        java.lang.ref.WeakReference<byte[]> ref = new java.lang.ref.WeakReference<>(groot);

        validator.validate(groot, BerichtType.WMO323);
        groot = null;

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> {
            System.gc();
            return ref.get() == null;
        });
        assertThat(validator.bewaard(BerichtType.WMO323)).isEqualTo(1);
    }

    private static List<Melding> meldingen(XsdValidator validator, String xml) {
        try {
            validator.validate(utf8(xml), BerichtType.WMO315);
            return List.of();
        } catch (AfkeurException e) {
            return e.meldingen();
        }
    }

    @Test
    void violationNamesLineAndColumn() {
        String xml = BerichtBuilder.wmo315().build().replace(">02<", ">19<"); // Categorie 19 is not in WMO020

        List<Melding> meldingen = rejected(xml, BerichtType.WMO315);

        int line = lineOf(xml, ">19<");
        assertThat(meldingen.get(0).code()).isEqualTo("KP007");
        assertThat(meldingen.get(0).omschrijving())
                .startsWith(Afkeurcode.KP007.omschrijving() + ": regel " + line + ", kolom ")
                .containsPattern("regel \\d+, kolom \\d+: cvc-");
    }

    @Test
    void everyMeldingNamesLineAndColumn() {
        String xml = BerichtBuilder.wmo315().build().replace(">02<", ">19<").replace(">2<", ">9<");

        assertThat(rejected(xml, BerichtType.WMO315)).hasSizeGreaterThan(1)
                .allSatisfy(m -> assertThat(m.omschrijving()).containsPattern("regel \\d+, kolom \\d+: "));
    }

    @Test
    void missingElementIsReported() {
        String xml = BerichtBuilder.wmo315().build().replaceFirst("\\s*<wmo315:Geslacht>2</wmo315:Geslacht>", "");

        assertThat(rejected(xml, BerichtType.WMO315).get(0).omschrijving()).contains("Geslacht");
    }

    @Test
    void tooShortBsnIsNotEchoed() {
        String shortBsn = BSN.substring(0, 8);
        String xml = BerichtBuilder.wmo315().bsn(shortBsn).build();

        List<Melding> meldingen = rejected(xml, BerichtType.WMO315);

        assertThat(meldingen).isNotEmpty().allSatisfy(m -> assertThat(m.omschrijving())
                .doesNotContain(shortBsn).doesNotContain(BSN.substring(0, 6)));
    }

    @Test
    void tooLongBsnIsNotEchoed() {
        String longBsn = BSN + "0";

        assertThat(rejected(BerichtBuilder.wmo315().bsn(longBsn).build(), BerichtType.WMO315))
                .allSatisfy(m -> assertThat(m.omschrijving()).doesNotContain(BSN));
    }

    @Test
    void bsnInADateFieldIsNotEchoed() {
        String xml = BerichtBuilder.wmo315().build()
                .replaceFirst("(<wmo315:Geboortedatum>\\s*<iwmo:Datum>)[^<]*", "$1" + BSN);

        List<Melding> meldingen = rejected(xml, BerichtType.WMO315);

        assertThat(meldingen).isNotEmpty().allSatisfy(m -> assertThat(m.omschrijving()).doesNotContain(BSN));
        assertThat(meldingen.get(0).omschrijving()).contains("'***'");
    }

    @Test
    void bsnAsAnElementNameIsNotEchoed() {
        String xml = BerichtBuilder.wmo315().build().replace("</wmo315:Bericht>", "<B" + BSN + "/></wmo315:Bericht>");

        assertThat(rejected(xml, BerichtType.WMO315))
                .allSatisfy(m -> assertThat(m.omschrijving()).doesNotContain(BSN));
    }

    @Test
    void nameOverItsMaxLengthIsNotEchoed() {
        String name = "Vanderbiltenhovenmeijer".repeat(10); // 230 letters, LDT_Naam allows 200
        String xml = BerichtBuilder.wmo315().build().replace(">Jansen<", ">" + name + "<");

        assertThat(rejected(xml, BerichtType.WMO315))
                .allSatisfy(m -> assertThat(m.omschrijving()).doesNotContain("Vanderbilt"));
    }

    @Test
    void nameWithAnApostropheOverItsMaxLengthIsNotEchoed() {
        String name = "van 't Hofstede" + "x".repeat(200);
        String xml = BerichtBuilder.wmo315().build().replace(">Jansen<", ">" + name + "<");

        assertThat(rejected(xml, BerichtType.WMO315))
                .allSatisfy(m -> assertThat(m.omschrijving()).doesNotContain("Hofstede"));
    }

    @Test
    void atMostTenMeldingen() {
        // every date of a 323 made invalid: far more than ten errors
        String xml = BerichtBuilder.wmo323().build().replaceAll(">\\d{4}-\\d{2}-\\d{2}<", ">geen-datum<");

        List<Melding> meldingen = rejected(xml, BerichtType.WMO323);

        assertThat(meldingen).hasSize(10).allSatisfy(m -> assertThat(m.code()).isEqualTo("KP007"));
    }

    @Test
    void rejectionIsNeverParked() {
        AfkeurException e = catchThrowableOfType(
                () -> VALIDATOR.validate(utf8(BerichtBuilder.wmo315().bsn("1").build()), BerichtType.WMO315),
                AfkeurException.class);

        assertThat(e).isNotNull();
        assertThat(e.parkeren()).isFalse();
        assertThat(e.getMessage()).startsWith("KP007 ");
    }

    @Test
    void doctypeIsNotFollowed() {
        String xml = BerichtBuilder.wmo315().build()
                .replaceFirst("\\?>", "?><!DOCTYPE wmo315:Bericht SYSTEM \"http://localhost:1/evil.dtd\">");

        assertThat(rejected(xml, BerichtType.WMO315).get(0).code()).isEqualTo("KP007");
    }

    private static List<Melding> rejected(String xml, BerichtType type) {
        AfkeurException e = catchThrowableOfType(() -> VALIDATOR.validate(utf8(xml), type), AfkeurException.class);
        assertThat(e).as("expected a KP007 rejection").isNotNull();
        return e.meldingen();
    }

    private static int lineOf(String xml, String needle) {
        String before = xml.substring(0, xml.indexOf(needle));
        return (int) before.chars().filter(c -> c == '\n').count() + 1;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
