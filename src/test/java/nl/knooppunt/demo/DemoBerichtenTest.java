package nl.knooppunt.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import nl.knooppunt.intake.BerichtType;
import nl.knooppunt.validation.XsdValidator;
import org.junit.jupiter.api.Test;

/** Every demo bericht, heen and answer, is valid against its XSD, also late in a long demo (identificaties ≤ 12). */
class DemoBerichtenTest {

    private static final XsdValidator XSD = new XsdValidator();
    private final Verkeer verkeer = Verkeer.laad();

    @Test
    void everyBerichtOfThePlanAndEveryAnswerIsSchemaValidAlsoWithTheLongestNumbers() {
        for (int eerste : new int[] {0, 99_950}) {
            DemoBerichten berichten = new DemoBerichten(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"),
                    ZoneId.of("Europe/Amsterdam")), "ZZ9", eerste);
            List<String> identificaties = new ArrayList<>();
            for (Verkeer.Geval g : verkeer.berichten()) {
                DemoBerichten.Heen heen = berichten.heen(g);
                valide(heen.xml(), "WMO" + g.bericht(), g.geval());
                Velden v = Velden.lees(heen.xml());
                identificaties.add(v.eerste("Identificatie"));
                if (g.bericht().equals("315")) {
                    for (byte[] a : berichten.antwoordOp315(g.gemeente(), v)) {
                        valide(a, naam(a), g.geval());
                        identificaties.add(Velden.lees(a).eerste("Identificatie"));
                    }
                } else if (g.bericht().equals("323")) {
                    byte[] a = berichten.antwoordOp323(g.gemeente(), v);
                    valide(a, "WMO325", g.geval());
                    identificaties.add(Velden.lees(a).eerste("Identificatie"));
                }
            }
            assertThat(identificaties).doesNotHaveDuplicates()
                    .allSatisfy(id -> assertThat(id).hasSizeLessThanOrEqualTo(12));
        }
    }

    @Test
    void faultyBsnFailsTheElfproefAndOthersPassIt() {
        assertThat(DemoBsn.elfproef(DemoBsn.nth(0))).isTrue();
        assertThat(DemoBsn.nth(0)).startsWith("99999");
        assertThat(DemoBsn.nth(123_456)).startsWith("99999").satisfies(b -> assertThat(DemoBsn.elfproef(b)).isTrue());
        assertThat(DemoBsn.elfproef(DemoBsn.ongeldig(7))).isFalse();
        assertThat(DemoBsn.ongeldig(7)).startsWith("99999");
    }

    private static String naam(byte[] xml) {
        return BerichtNamen.naam(Velden.lees(xml).eerste("BerichtCode"));
    }

    private static void valide(byte[] xml, String type, String geval) {
        assertThatCode(() -> XSD.validate(xml, BerichtType.valueOf(type))).as("%s %s", type, geval)
                .doesNotThrowAnyException();
    }
}
