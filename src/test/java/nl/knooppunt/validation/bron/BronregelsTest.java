package nl.knooppunt.validation.bron;

import static nl.knooppunt.validation.keten.KetenTestdata.lees;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.knooppunt.registry.Productcode;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.validation.Bevinding;
import nl.knooppunt.validation.keten.Controlecontext;
import nl.knooppunt.validation.keten.Inhoud;
import nl.knooppunt.validation.keten.KetenTestdata;
import org.junit.jupiter.api.Test;

class BronregelsTest {

    private static Controlecontext context(LocalDate vandaag, Productcodes codes) {
        return new Controlecontext(null, KetenTestdata.REGISTRY, codes, vandaag);
    }

    @Test
    void tr135DagtekeningInDeToekomst() {
        Inhoud inhoud = lees(BerichtBuilder.wmo315().dagtekening(LocalDate.of(2026, 11, 2)));
        assertThat(new Bronregels.Tr135().controleer(inhoud, context(LocalDate.of(2026, 11, 2), KetenTestdata.PRODUCTCODES)))
                .isEmpty();
        assertThat(new Bronregels.Tr135().controleer(inhoud, context(LocalDate.of(2026, 11, 1), KetenTestdata.PRODUCTCODES)))
                .extracting(Bevinding::retourcode, Bevinding::pad)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("8848", "/Header[1]/BerichtIdentificatie/Dagtekening"));
    }

    @Test
    void tr378GemeenteNietInDeCbsLijstOpDePeildatum() {
        // 1978 Molenlanden exists from 2019-01-01; 0689 Giessenlanden ended then
        Controlecontext ctx = context(LocalDate.of(2026, 11, 3), KetenTestdata.PRODUCTCODES);
        assertThat(new Bronregels.Tr378().controleer(lees(BerichtBuilder.wmo305().gemeente("1978")), ctx)).isEmpty();
        assertThat(new Bronregels.Tr378().controleer(lees(BerichtBuilder.wmo305().gemeente("0689")), ctx))
                .extracting(Bevinding::retourcode, Bevinding::pad)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("S300", "/Header[1]/Ontvanger"));
        assertThat(new Bronregels.Tr378().controleer(lees(BerichtBuilder.wmo301().gemeente("0689")), ctx))
                .extracting(Bevinding::pad).containsExactly("/Header[1]/Afzender");
        assertThat(new Bronregels.Tr378().controleer(lees(BerichtBuilder.wmo305().gemeente("1978")
                .dagtekening(LocalDate.of(2018, 6, 4))), ctx)).hasSize(1);
    }

    @Test
    void tr381ProductcodeHoortBijDeCategorie() {
        Controlecontext ctx = context(LocalDate.of(2026, 11, 3), KetenTestdata.PRODUCTCODES);
        assertThat(new Bronregels.Tr381().controleer(lees(BerichtBuilder.wmo301()), ctx)).isEmpty();
        assertThat(new Bronregels.Tr381().controleer(lees(BerichtBuilder.wmo301().productCode("07A01")), ctx))
                .extracting(Bevinding::retourcode, Bevinding::berichtklasse)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("S329", "ToegewezenProduct"));
        // unknown code: S329 too, unless the gemeente agreed it bilaterally
        assertThat(new Bronregels.Tr381().controleer(lees(BerichtBuilder.wmo301().productCode("X9")), ctx)).hasSize(1);
        Productcodes bilateraal = new Productcodes(List.of(new Productcode("02", "X9", "0599", "eigen code")));
        assertThat(new Bronregels.Tr381().controleer(lees(BerichtBuilder.wmo301().productCode("X9")),
                context(LocalDate.of(2026, 11, 3), bilateraal))).isEmpty();
        assertThat(new Bronregels.Tr381().controleer(lees(BerichtBuilder.wmo301().productCode("X9").gemeente("0363")),
                context(LocalDate.of(2026, 11, 3), bilateraal))).hasSize(1);
    }

    @Test
    void tr381OpElkePrestatie() {
        Controlecontext ctx = context(LocalDate.of(2026, 11, 3), KetenTestdata.PRODUCTCODES);
        assertThat(new Bronregels.Tr381().controleer(lees(BerichtBuilder.wmo323().productCode("03A01")), ctx))
                .extracting(Bevinding::pad).containsExactly("/Declaratie[1]/Clienten/Client[1]/Prestaties/Prestatie[1]",
                        "/Declaratie[1]/Clienten/Client[2]/Prestaties/Prestatie[1]");
    }
}
