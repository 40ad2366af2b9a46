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
}
