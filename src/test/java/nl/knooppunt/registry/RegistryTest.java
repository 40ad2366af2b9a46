package nl.knooppunt.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.knooppunt.registry.Opvolging.Geldig;
import nl.knooppunt.registry.Opvolging.Gesplitst;
import nl.knooppunt.registry.Opvolging.Onbekend;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The query logic ({@link Registry#opvolging}, {@link Registry#mandaten}) against the SHIPPED registry. */
class RegistryTest {

    private static final Registry REGISTRY = new RegistryLoader(null).load();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Nested
    class Opvolgingen {

        @Test
        void giessenlandenAfterTheHerindelingIsMolenlanden() {
            Opvolging o = REGISTRY.opvolging("0689", d("2023-06-01"));

            assertThat(o).isInstanceOf(Geldig.class);
            Geldig g = (Geldig) o;
            assertThat(g.gemeente().code()).isEqualTo("1978");
            assertThat(g.keten()).extracting(Herindeling::oudeCode, Herindeling::nieuweCode)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("0689", "1978"));
        }

        @Test
        void giessenlandenBeforeTheHerindelingIsItself() {
            assertThat(REGISTRY.opvolging("0689", d("2018-06-01")))
                    .isEqualTo(new Geldig(REGISTRY.gemeente("0689").orElseThrow(), List.of()));
        }

        @Test
        void onTheDayOfTheHerindeling() {
            assertThat(((Geldig) REGISTRY.opvolging("0689", d("2019-01-01"))).gemeente().code()).isEqualTo("1978");
            assertThat(((Geldig) REGISTRY.opvolging("0689", d("2018-12-31"))).gemeente().code()).isEqualTo("0689");
        }

        @Test
        void aChainOfTwo() {
            Geldig g = (Geldig) REGISTRY.opvolging("0265", d("2020-01-01"));

            assertThat(g.gemeente().code()).isEqualTo("1945");
            assertThat(g.keten()).extracting(Herindeling::nieuweCode).containsExactly("0241", "1945");
        }

        @Test
        void halfwayTheChain() {
            assertThat(((Geldig) REGISTRY.opvolging("0265", d("2015-06-01"))).gemeente().code()).isEqualTo("0241");
        }

        @Test
        void haarenAfterTheSplit() {
            assertThat(REGISTRY.opvolging("0788", d("2022-01-01")))
                    .isEqualTo(new Gesplitst("0788", "Haaren", d("2021-01-01"), List.of("0757", "0824", "0855", "0865")));
        }

        @Test
        void haarenBeforeTheSplit() {
            assertThat(REGISTRY.opvolging("0788", d("2020-06-01")))
                    .isEqualTo(new Geldig(REGISTRY.gemeente("0788").orElseThrow(), List.of()));
        }

        @Test
        void theOtherSplits() {
            assertThat(REGISTRY.opvolging("1671", d("2016-01-01")))
                    .isEqualTo(new Gesplitst("1671", "Maasdonk", d("2015-01-01"), List.of("0796", "0828")));
            assertThat(REGISTRY.opvolging("0140", d("2018-01-01")))
                    .isEqualTo(new Gesplitst("0140", "Littenseradiel", d("2018-01-01"), List.of("0080", "1900", "1949")));
            assertThat(REGISTRY.opvolging("0053", d("2024-01-01")))
                    .isEqualTo(new Gesplitst("0053", "Winsum", d("2019-01-01"), List.of("1966", "1969")));
        }

        @Test
        void weespEndedOnTheTwentyFourthOfMarch() {
            assertThat(((Geldig) REGISTRY.opvolging("0457", d("2022-03-23"))).gemeente().code()).isEqualTo("0457");
            assertThat(((Geldig) REGISTRY.opvolging("0457", d("2022-03-24"))).gemeente().code()).isEqualTo("0363");
        }

        @Test
        void aCurrentGemeente() {
            assertThat(REGISTRY.opvolging("0599", d("2024-01-01")))
                    .isEqualTo(new Geldig(REGISTRY.gemeente("0599").orElseThrow(), List.of()));
        }

        @Test
        void unknown() {
            assertThat(REGISTRY.opvolging("9999", d("2024-01-01"))).isEqualTo(new Onbekend("9999"));
        }

        @Test
        void everyHistoricalGemeenteResolvesAfterItsEnd() {
            REGISTRY.gemeenten().values().stream().filter(g -> g.opgeheven() != null).forEach(g -> {
                Opvolging o = REGISTRY.opvolging(g.code(), d("2026-01-01"));
                assertThat(o).as(g.code()).isNotInstanceOf(Onbekend.class);
                if (o instanceof Geldig geldig) {
                    assertThat(geldig.gemeente().opgeheven()).as(g.code()).isNull();
                }
            });
        }
    }

    @Nested
    class Mandaten {

        @Test
        void albrandswaardToRotterdam() {
            List<Mandaat> m = REGISTRY.mandaten("0613", Domein.BW, d("2024-01-01"));

            assertThat(m).singleElement().satisfies(x -> {
                assertThat(x.executing()).isEqualTo("0599");
                assertThat(x.clientScope()).isEqualTo(ClientScope.ALL);
            });
            assertThat(REGISTRY.mandaten("0613", Domein.vanProductcategorie("16").orElseThrow(), d("2024-01-01")))
                    .extracting(Mandaat::executing).containsExactly("0599");
        }

        @Test
        void noDomeinForOtherWmoCare() {
            assertThat(Domein.vanProductcategorie("02")).isEmpty();
        }

        @Test
        void vijfheerenlandenIn2019() {
            assertThat(REGISTRY.mandaten("1961", Domein.BW, d("2019-06-01")))
                    .extracting(Mandaat::clientScope, Mandaat::executing)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(ClientScope.ALL, "0505"));
        }

        @Test
        void vijfheerenlandenIn2020() {
            assertThat(REGISTRY.mandaten("1961", Domein.BW, d("2020-06-01")))
                    .extracting(Mandaat::clientScope, Mandaat::executing)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(ClientScope.NEW, "0344"),
                            org.assertj.core.groups.Tuple.tuple(ClientScope.EXISTING, "0505"));
        }

        @Test
        void vijfheerenlandenIn2021() {
            assertThat(REGISTRY.mandaten("1961", Domein.BW, d("2021-06-01")))
                    .extracting(Mandaat::clientScope, Mandaat::executing)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(ClientScope.NEW, "0344"),
                            org.assertj.core.groups.Tuple.tuple(ClientScope.EXISTING, "0344"));
        }

        @Test
        void vijfheerenlandenAtTheBoundaries() {
            assertThat(REGISTRY.mandaten("1961", Domein.MO, d("2019-12-31"))).extracting(Mandaat::executing)
                    .containsExactly("0505");
            assertThat(REGISTRY.mandaten("1961", Domein.MO, d("2020-12-31"))).extracting(Mandaat::executing)
                    .containsExactly("0344", "0505");
            assertThat(REGISTRY.mandaten("1961", Domein.MO, d("2021-01-01"))).extracting(Mandaat::executing)
                    .containsExactly("0344", "0344");
        }

        @Test
        void centrumgemeenteHasNone() {
            assertThat(REGISTRY.mandaten("0718", Domein.BW, d("2024-01-01"))).isEmpty();
            assertThat(REGISTRY.mandaten("0599", Domein.MO, d("2024-01-01"))).isEmpty();
        }

        @Test
        void historicalGemeentenUntilTheirEnd() {
            assertThat(REGISTRY.mandaten("0689", Domein.BW, d("2018-12-31"))).extracting(Mandaat::executing)
                    .containsExactly("0505");
            assertThat(REGISTRY.mandaten("0689", Domein.BW, d("2019-01-01"))).isEmpty();
            assertThat(REGISTRY.mandaten("1978", Domein.BW, d("2019-01-01"))).extracting(Mandaat::executing)
                    .containsExactly("0505");
            assertThat(REGISTRY.mandaten("1978", Domein.BW, d("2018-12-31"))).isEmpty();
            assertThat(REGISTRY.mandaten("0196", Domein.OVERIG, d("2017-12-31"))).extracting(Mandaat::executing)
                    .containsExactly("0202");
            assertThat(REGISTRY.mandaten("0620", Domein.BW, d("2018-06-01"))).extracting(Mandaat::executing)
                    .containsExactly("0344");
        }

        @Test
        void weespHasNone() {
            assertThat(REGISTRY.mandaten("0457", Domein.BW, d("2021-06-01"))).isEmpty();
        }

        @Test
        void noMandateToAGemeenteThatItselfMandates() {
            for (Mandaat m : REGISTRY.mandaten()) {
                assertThat(REGISTRY.mandaten().stream().filter(o -> o.mandating().equals(m.executing())))
                        .as(m.omschrijving()).isEmpty();
            }
        }
    }

    @Nested
    class Regios {

        private static final String ZHZ = "Zuid-Holland Zuid (Drechtsteden + Alblasserwaard)";

        @Test
        void vijfheerenlandenMovedFromZuidHollandZuidToUtrecht() {
            assertThat(REGISTRY.regio("1961", null, d("2019-06-01"))).contains(ZHZ);
            assertThat(REGISTRY.regio("1961", null, d("2026-11-24"))).contains("Utrecht U16");
        }

        @Test
        void in2020TheRouteTakenDecidesAndWithoutOneTheNewClientsRegion() {
            assertThat(REGISTRY.regio("1961", "0505", d("2020-06-01"))).as("an existing client, via Dordrecht")
                    .contains(ZHZ);
            assertThat(REGISTRY.regio("1961", "0344", d("2020-06-01"))).as("a new client, via Utrecht")
                    .contains("Utrecht U16");
            assertThat(REGISTRY.regio("1961", null, d("2020-06-01"))).contains("Utrecht U16");
        }

        @Test
        void aCentrumgemeenteIsInItsRegionAndAGemeenteWithoutMandateInNone() {
            assertThat(REGISTRY.regio("0505", "0505", d("2026-11-24"))).contains(ZHZ);
            assertThat(REGISTRY.regio("0457", null, d("2021-06-01"))).as("Weesp").isEmpty();
            assertThat(REGISTRY.regio("0545", null, d("2026-11-24"))).as("Leerdam, merged into 1961 in 2019")
                    .isEmpty();
        }
    }

    @Test
    void zorgkantoorPerGemeente() {
        assertThat(REGISTRY.zorgkantoor("0613")).contains(new Zorgkantoor("0613", "ZK29", "Zuid-Hollandse Eilanden"));
        assertThat(REGISTRY.zorgkantoor("0599")).contains(new Zorgkantoor("0599", "ZK20", "Rotterdam"));
        assertThat(REGISTRY.zorgkantoor("9999")).isEmpty();
    }
}
