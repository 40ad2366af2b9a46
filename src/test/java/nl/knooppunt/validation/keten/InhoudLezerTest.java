package nl.knooppunt.validation.keten;

import static nl.knooppunt.validation.keten.KetenTestdata.lees;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import nl.knooppunt.intake.BerichtType;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;
import org.junit.jupiter.api.Test;

class InhoudLezerTest {

    @Test
    void declaratie() {
        Inhoud i = lees(BerichtBuilder.wmo323());
        assertThat(i.type()).isEqualTo(BerichtType.WMO323);
        assertThat(i.verzender()).isEqualTo("42420001");
        assertThat(i.gemeente()).isEqualTo("0599");
        assertThat(i.declaratieNummer()).isEqualTo("DCL202610");
        assertThat(i.prestaties()).hasSize(3);
        Inhoud.Prestatie p = i.prestaties().get(2);
        assertThat(p.pad()).isEqualTo("/Declaratie[1]/Clienten/Client[2]/Prestaties/Prestatie[1]");
        assertThat(p.toewijzingNummer()).isEqualTo(12347);
        assertThat(p.categorie()).isEqualTo("02");
        assertThat(p.code()).isEqualTo("02A01");
        assertThat(p.begindatum()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(p.einddatum()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(p.volume()).isEqualTo(8);
        assertThat(p.eenheid()).isEqualTo("04");
        assertThat(p.clientPseudoniem()).isEqualTo(KetenTestdata.PSEUDONYMIZER.pseudonym(TestBsn.nth(1)));
        assertThat(i.toString()).doesNotContain(TestBsn.nth(0)).doesNotContain(TestBsn.nth(1));
    }

    @Test
    void retourGebruiktIdentificatieRetour() {
        Inhoud i = lees(BerichtBuilder.wmo302().identificatieRetour("R-302"));
        assertThat(i.identificatie()).isEqualTo("R-302");
        assertThat(i.heenIdentificatie()).isEqualTo("WMO301-0001");
        assertThat(i.verzender()).as("a 302 travels from the aanbieder").isEqualTo("42420001");
    }

    @Test
    void toewijzing() {
        Inhoud i = lees(BerichtBuilder.wmo301());
        Inhoud.Regel r = i.regels().get(0);
        assertThat(r.berichtklasse()).isEqualTo("ToegewezenProduct");
        assertThat(r.toewijzingNummer()).isEqualTo(12345);
        assertThat(r.volume()).isEqualTo(3);
        assertThat(r.frequentie()).isEqualTo("2");
        assertThat(i.verzender()).isEqualTo("0599");
        assertThat(i.clientPseudoniem()).isEqualTo(KetenTestdata.PSEUDONYMIZER.pseudonym(TestBsn.nth(0)));
    }
}
