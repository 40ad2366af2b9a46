package nl.knooppunt.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.HostileXml;
import nl.knooppunt.testdata.TestBsn;
import org.junit.jupiter.api.Test;

class BsnMaskerTest {

    @Test
    void everyBsnOfADeclaratieIsMaskedAndTheRestStays() {
        String xml = BerichtBuilder.wmo323().bsn(TestBsn.nth(30)).bsn2(TestBsn.nth(31)).declaratieNummer("DCL-MASK-1").build();
        assertThat(xml).contains(TestBsn.nth(30)).contains(TestBsn.nth(31));

        String gemaskeerd = BsnMasker.maskeer(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(gemaskeerd).doesNotContain(TestBsn.nth(30)).doesNotContain(TestBsn.nth(31))
                .contains("Bsn>*********</").contains("DCL-MASK-1");
        assertThat(gemaskeerd.split("\\*\\*\\*\\*\\*\\*\\*\\*\\*", -1).length - 1)
                .as("one mask per Bsn element").isEqualTo(xml.split("Bsn>", -1).length / 2);
    }

    @Test
    void aBsnSplitOverCdataAndCommentsOrWithNestedMarkupIsMaskedWhole() {
        String bsn = TestBsn.nth(32);
        String xml = "<a xmlns:x=\"urn:x\"><x:Bsn>" + bsn.substring(0, 4) + "<!-- c --><![CDATA[" + bsn.substring(4)
                + "]]></x:Bsn><Bsn><b>" + bsn + "</b></Bsn><Bsn/><Naam>" + "Jansen</Naam></a>";

        String gemaskeerd = BsnMasker.maskeer(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(gemaskeerd).doesNotContain(bsn).doesNotContain(bsn.substring(4)).doesNotContain(bsn.substring(0, 4))
                .contains("Jansen").contains("<x:Bsn>*********</x:Bsn>");
    }

    @Test
    void hostileOrBrokenXmlIsNeverShown() {
        assertThatThrownBy(() -> BsnMasker.maskeer(HostileXml.billionLaughs())).isInstanceOf(BsnMasker.NietLeesbaar.class);
        assertThatThrownBy(() -> BsnMasker.maskeer(("<a><Bsn>" + TestBsn.nth(33) + "</Bsn>").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BsnMasker.NietLeesbaar.class).hasMessageNotContaining(TestBsn.nth(33));
    }

    /** A large declaratie is shown in part: masked, cut off with a note, never whole in memory. */
    @Test
    void aLargeBerichtIsShownInPartAndStillMasked() {
        String xml = BerichtBuilder.wmo323().declaratieNummer("DCL-MASK-2").prestaties(200, TestBsn.first(20)).build();
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);

        String deel = BsnMasker.maskeer(new java.io.ByteArrayInputStream(bytes), bytes.length, 10_000);

        assertThat(deel.length()).isBetween(10_000, 12_000);
        assertThat(deel).contains("DCL-MASK-2").contains("*********")
                .endsWith("<!-- Knooppunt: alleen de eerste 10.000 tekens getoond; het hele bericht is "
                        + String.format(java.util.Locale.forLanguageTag("nl"), "%,d", bytes.length) + " bytes -->");
        assertThat(TestBsn.first(20)).noneMatch(deel::contains);
        // under the limit: the whole text, as before
        assertThat(BsnMasker.maskeer(new java.io.ByteArrayInputStream(bytes), bytes.length, Integer.MAX_VALUE - 1))
                .isEqualTo(BsnMasker.maskeer(bytes));
    }

    @Test
    void xmlThatBreaksAfterTheShownPartIsNotShownEither() {
        String xml = BerichtBuilder.wmo323().prestaties(200, TestBsn.first(20)).build();
        byte[] kapot = (xml.substring(0, xml.length() - 20)).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> BsnMasker.maskeer(new java.io.ByteArrayInputStream(kapot), kapot.length, 10_000))
                .isInstanceOf(BsnMasker.NietLeesbaar.class);
    }
}
