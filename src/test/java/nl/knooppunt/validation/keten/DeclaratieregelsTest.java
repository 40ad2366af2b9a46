package nl.knooppunt.validation.keten;

import static nl.knooppunt.validation.keten.KetenTestdata.context;
import static nl.knooppunt.validation.keten.KetenTestdata.lees;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.validation.Bevinding;
import nl.knooppunt.validation.keten.KetenGeheugen.ToegewezenProduct;
import org.junit.jupiter.api.Test;

/**
 * The level-3 rules on a 323. The builder's declaratie (October 2026, gemeente 0599, AGB 42420001) has prestatie 1 on
 * toewijzing 12345 (02/02A01, 12 uur), prestatie 2 on 12346 (07/07A01, 8 dagdelen), prestatie 3 on 12347 (02/02A01,
 * 8 uur, second client).
 */
class DeclaratieregelsTest {

    private static final String P1 = "/Declaratie[1]/Clienten/Client[1]/Prestaties/Prestatie[1]";
    private static final String P2 = "/Declaratie[1]/Clienten/Client[1]/Prestaties/Prestatie[2]";
    private static final String P3 = "/Declaratie[1]/Clienten/Client[2]/Prestaties/Prestatie[1]";

    private final Inhoud declaratie = lees(BerichtBuilder.wmo323());

    /** A toewijzing that fits the builder's prestaties on it: weekly 3 uur (≤ 15 in October), a year long. */
    static ToegewezenProduct toewijzing(long nummer, String categorie, String code, long volume, String eenheid) {
        return new ToegewezenProduct("0599", nummer, "42420001", null, categorie, code, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), volume, eenheid, "2", null, null);
    }

    private GeheugenInMemory allesKlopt() {
        return new GeheugenInMemory()
                .toewijzing(toewijzing(12345, "02", "02A01", 3, "04"))
                .toewijzing(toewijzing(12346, "07", "07A01", 2, "16"))
                .toewijzing(toewijzing(12347, "02", "02A01", 2, "04"));
    }

    private List<Bevinding> check(Ketencheck regel, KetenGeheugen geheugen) {
        return regel.controleer(declaratie, context(geheugen));
    }

    @Test
    void eenDeclaratieDieBijDeToewijzingenPastGeeftGeenBevindingen() {
        for (Ketencheck regel : List.of(new Declaratieregels.Tr338(), new Declaratieregels.Tr339(),
                new Declaratieregels.Tr340(), new Declaratieregels.Tr341(), new Declaratieregels.Tr307(),
                new Declaratieregels.Tr308(), new Declaratieregels.Tr321(), new Declaratieregels.Tr322())) {
            assertThat(check(regel, allesKlopt())).as(regel.id()).isEmpty();
        }
    }

    @Test
    void tr338PrestatieZonderToewijzing() {
        GeheugenInMemory geheugen = allesKlopt();
        geheugen.toewijzingen.remove("0599/12346");
        assertThat(check(new Declaratieregels.Tr338(), geheugen))
                .containsExactly(new Bevinding("TR338", "9338", "Prestatie", P2,
                        "Prestatie is niet te koppelen aan een toewijzing van deze aanbieder"));
    }

    @Test
    void tr338ToewijzingVanEenAndereAanbieder() {
        GeheugenInMemory geheugen = allesKlopt().toewijzing(new ToegewezenProduct("0599", 12345, "42420002", null,
                "02", "02A01", LocalDate.of(2026, 1, 1), null, 3L, "04", "2", null, null));
        assertThat(check(new Declaratieregels.Tr338(), geheugen)).extracting(Bevinding::pad).containsExactly(P1);
    }

    @Test
    void tr339Tr340Tr341CategorieCodeEenheid() {
        GeheugenInMemory geheugen = allesKlopt()
                .toewijzing(toewijzing(12345, "03", "03A01", 3, "04"))
                .toewijzing(toewijzing(12346, "07", "07A02", 2, "14"));
        assertThat(check(new Declaratieregels.Tr339(), geheugen)).extracting(Bevinding::pad).containsExactly(P1);
        assertThat(check(new Declaratieregels.Tr340(), geheugen)).extracting(Bevinding::pad).containsExactly(P1, P2);
        assertThat(check(new Declaratieregels.Tr341(), geheugen)).extracting(Bevinding::retourcode, Bevinding::pad)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("9341", P2));
    }

    @Test
    void tr340GeldtNietVoorEenAspecifiekeToewijzing() {
        GeheugenInMemory geheugen = allesKlopt().toewijzing(toewijzing(12345, "02", null, 3, "04"));
        assertThat(check(new Declaratieregels.Tr340(), geheugen)).isEmpty();
    }

    @Test
    void tr307Tr308ProductPeriodeBuitenDeToewijzing() {
        GeheugenInMemory geheugen = allesKlopt()
                .toewijzing(new ToegewezenProduct("0599", 12345, "42420001", null, "02", "02A01",
                        LocalDate.of(2026, 10, 15), LocalDate.of(2026, 12, 31), 3L, "04", "2", null, null))
                .toewijzing(new ToegewezenProduct("0599", 12346, "42420001", null, "07", "07A01",
                        LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 20), 2L, "16", "2", null, null));
        assertThat(check(new Declaratieregels.Tr307(), geheugen)).extracting(Bevinding::pad).containsExactly(P1);
        assertThat(check(new Declaratieregels.Tr308(), geheugen)).extracting(Bevinding::pad).containsExactly(P2);
    }

    @Test
    void tr321VolumeBovenHetToegewezenVolumeInDePeriode() {
        // 12 uur in October (31 days = 5 started weeks): 2 per week allows 10, 3 per week allows 15
        GeheugenInMemory geheugen = allesKlopt().toewijzing(toewijzing(12345, "02", "02A01", 2, "04"));
        assertThat(check(new Declaratieregels.Tr321(), geheugen)).extracting(Bevinding::pad).containsExactly(P1);
        assertThat(check(new Declaratieregels.Tr321(), allesKlopt())).isEmpty();
    }

    @Test
    void tr322SomVanDeVolumesOverDeHeleToewijzing() {
        // totaal 20 uur binnen de geldigheidsduur (Frequentie 6): 12 now + 9 earlier = 21 > 20
        GeheugenInMemory geheugen = allesKlopt().toewijzing(new ToegewezenProduct("0599", 12345, "42420001", null,
                "02", "02A01", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 20L, "04", "6", null, null));
        assertThat(check(new Declaratieregels.Tr322(), geheugen)).isEmpty();
        geheugen.volumes.put("0599/12345", 9L);
        assertThat(check(new Declaratieregels.Tr322(), geheugen)).extracting(Bevinding::regel, Bevinding::pad)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("TR322", P1));
    }

    @Test
    void tr333DeclaratieNummerEerderGebruikt() {
        GeheugenInMemory geheugen = allesKlopt();
        assertThat(check(new Declaratieregels.Tr333(), geheugen)).isEmpty();
        geheugen.declaraties.put("42420001/DCL202610", "t-eerder");
        List<Bevinding> b = check(new Declaratieregels.Tr333(), geheugen);
        assertThat(b).extracting(Bevinding::retourcode, Bevinding::berichtklasse)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("9333", "Declaratie"));
        assertThat(b.get(0).omschrijving()).contains("t-eerder").doesNotContain("DCL202610");
    }

    @Test
    void tr314ProductReferentieEerderAangeleverd() {
        GeheugenInMemory geheugen = allesKlopt();
        assertThat(check(new Declaratieregels.Tr314(), geheugen)).isEmpty();
        geheugen.prestaties.put("42420001/DCL202610-3", "t-eerder");
        assertThat(check(new Declaratieregels.Tr314(), geheugen)).extracting(Bevinding::retourcode, Bevinding::pad)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("8021", P3));
    }

    @Test
    void tr322RekentMetFrequentieEnPeriode() {
        ToegewezenProduct perDag = new ToegewezenProduct("0599", 1, null, null, "02", null, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 31), 2L, "04", "1", null, null);
        assertThat(Declaratieregels.toegestaan(perDag, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31))).isEqualTo(62);
        ToegewezenProduct perMaand = new ToegewezenProduct("0599", 1, null, null, "02", null, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 3, 31), 5L, "04", "4", null, null);
        assertThat(Declaratieregels.toegestaan(perMaand, perMaand.ingangsdatum(), perMaand.einddatum())).isEqualTo(15);
    }
}
