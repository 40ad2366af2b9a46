package nl.knooppunt.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.knooppunt.intake.BerichtInfo;
import nl.knooppunt.intake.BerichtType;
import nl.knooppunt.intake.ProductRegel;
import nl.knooppunt.registry.Aanbieder;
import nl.knooppunt.registry.ClientScope;
import nl.knooppunt.registry.Domein;
import nl.knooppunt.registry.Gemeente;
import nl.knooppunt.registry.Herindeling;
import nl.knooppunt.registry.Mandaat;
import nl.knooppunt.registry.Registry;
import nl.knooppunt.toewijzing.InMemoryToewijzingen;
import nl.knooppunt.toewijzing.Toewijzing;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each rule of the decision on a small registry built here, so a failure points at the rule, not at the data. */
class RoutingDecisionTest {

    static final String CLIENT = "0123456789abcdef0123456789abcdef";
    static final Set<Domein> BW_MO = Set.of(Domein.BW, Domein.MO, Domein.OVERIG);
    static final LocalDate START = LocalDate.of(2015, 1, 1);

    final Registry registry = registry();
    final InMemoryToewijzingen toewijzingen = new InMemoryToewijzingen();
    final Map<String, Woonadres> adressen = new HashMap<>();
    Router router = router(null);

    Router router(LocalDate wpb) {
        return new Router(null, toewijzingen, (client, datum) -> Optional.ofNullable(adressen.get(client)),
                new RoutingProperties(wpb, null));
    }

    static Registry registry() {
        Map<String, Gemeente> g = new HashMap<>();
        for (String[] c : new String[][] {{"0599", "Rotterdam"}, {"0613", "Albrandswaard"}, {"0505", "Dordrecht"},
                {"0344", "Utrecht"}, {"0363", "Amsterdam"}, {"0757", "Boxtel"}, {"0824", "Oisterwijk"}}) {
            g.put(c[0], new Gemeente(c[0], c[1], ""));
        }
        g.put("1978", new Gemeente("1978", "Molenlanden", "", LocalDate.of(2019, 1, 1), null));
        g.put("1961", new Gemeente("1961", "Vijfheerenlanden", "", LocalDate.of(2019, 1, 1), null));
        g.put("0689", new Gemeente("0689", "Giessenlanden", "", null, LocalDate.of(2019, 1, 1)));
        g.put("0545", new Gemeente("0545", "Leerdam", "", null, LocalDate.of(2019, 1, 1)));
        g.put("0788", new Gemeente("0788", "Haaren", "", null, LocalDate.of(2021, 1, 1)));
        g.put("0111", new Gemeente("0111", "Opgeheven Uitvoerder", "", null, LocalDate.of(2022, 1, 1)));
        g.put("0112", new Gemeente("0112", "Opvolger", "", LocalDate.of(2022, 1, 1), null));
        g.put("0113", new Gemeente("0113", "Klein", "", null, null));
        List<Herindeling> h = List.of(
                new Herindeling(LocalDate.of(2019, 1, 1), "0689", "Giessenlanden", "1978", "Molenlanden"),
                new Herindeling(LocalDate.of(2019, 1, 1), "0545", "Leerdam", "1961", "Vijfheerenlanden"),
                new Herindeling(LocalDate.of(2021, 1, 1), "0788", "Haaren", "0757", "Boxtel"),
                new Herindeling(LocalDate.of(2021, 1, 1), "0788", "Haaren", "0824", "Oisterwijk"),
                new Herindeling(LocalDate.of(2022, 1, 1), "0111", "Opgeheven Uitvoerder", "0112", "Opvolger"));
        List<Mandaat> m = List.of(
                new Mandaat("Rotterdam", "0613", "0599", BW_MO, START, null, ClientScope.ALL),
                new Mandaat("ZHZ", "0689", "0505", BW_MO, START, LocalDate.of(2018, 12, 31), ClientScope.ALL),
                new Mandaat("ZHZ", "1978", "0505", BW_MO, LocalDate.of(2019, 1, 1), null, ClientScope.ALL),
                new Mandaat("ZHZ", "1961", "0505", BW_MO, LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31), ClientScope.ALL),
                new Mandaat("U16", "1961", "0344", BW_MO, LocalDate.of(2020, 1, 1), null, ClientScope.NEW),
                new Mandaat("ZHZ", "1961", "0505", BW_MO, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31), ClientScope.EXISTING),
                new Mandaat("U16", "1961", "0344", BW_MO, LocalDate.of(2021, 1, 1), null, ClientScope.EXISTING),
                new Mandaat("X", "0113", "0111", BW_MO, START, null, ClientScope.ALL));
        return new Registry(g, Map.of("42420001", new Aanbieder("42420001", "Zorggroep De Linde (fictief)")), h, m, Map.of());
    }

    static BerichtInfo bericht(BerichtType type, String gemeente, String datum, ProductRegel... producten) {
        return new BerichtInfo(type, type.berichtCode(), "42420001", gemeente, "ID1", datum,
                Set.of(), null, 1, List.of(CLIENT), List.of(producten), null);
    }

    static BerichtInfo vot(String gemeente, String categorie, String datum) {
        return bericht(BerichtType.WMO315, gemeente, datum,
                new ProductRegel("AangevraagdProduct", null, categorie, null, datum, null, null, null));
    }

    static ProductRegel start(long nummer, String categorie, String datum) {
        return new ProductRegel("StartProduct", nummer, categorie, null, datum, null, null, null);
    }

    static Toewijzing toewijzing(String gemeente, long nummer, String responsible, String executing, String categorie,
                                 String van, String tot) {
        return new Toewijzing(gemeente, nummer, "42420001", responsible, executing, categorie, CLIENT,
                LocalDate.parse(van), tot == null ? null : LocalDate.parse(tot), null, "301-" + nummer);
    }

    Route route(BerichtInfo info) {
        return router.decide(info, registry);
    }

    @Nested
    class Mandaten {
        @Test
        void bwUnderMandateGoesToTheCentrumgemeente() {
            Route r = route(vot("0613", "15", "2024-03-01"));
            assertThat(r).extracting(Route::responsible, Route::executing, Route::reason, Route::queue)
                    .containsExactly("0613", "0599", Route.Reason.MANDAAT, "gemeente.0599");
            assertThat(r.regelspoor()).anyMatch(s -> s.startsWith("mandaat 0613 → 0599"));
        }

        @Test
        void opvangIsMoAndAlsoUnderMandate() {
            assertThat(route(vot("0613", "16", "2024-03-01")).executing()).isEqualTo("0599");
            assertThat(route(vot("0613", "17", "2024-03-01")).executing()).isEqualTo("0599");
            assertThat(route(vot("0613", "18", "2024-03-01")).executing()).isEqualTo("0599");
        }

        @Test
        void ordinaryWmoStaysWithTheGemeente() {
            Route r = route(vot("0613", "02", "2024-03-01"));
            assertThat(r).extracting(Route::responsible, Route::executing, Route::reason)
                    .containsExactly("0613", "0613", Route.Reason.HEADER);
            assertThat(r.regelspoor()).anyMatch(s -> s.contains("geen beschermd wonen of opvang"));
        }

        @Test
        void mixedDomainsGoToTheResponsibleGemeenteWithASignal() {
            Route r = route(bericht(BerichtType.WMO315, "0613", "2024-03-01",
                    new ProductRegel("AangevraagdProduct", null, "15", null, "2024-03-01", null, null, null),
                    new ProductRegel("AangevraagdProduct", null, "02", null, "2024-03-01", null, null, null)));
            assertThat(r.executing()).isEqualTo("0613");
            assertThat(r.signalen()).extracting(Signaal::code).containsExactly(Signaal.GEMENGDE_DOMEINEN);
        }

        @Test
        void newClientOfVijfheerenlandenIn2020GoesToUtrecht() {
            assertThat(route(vot("1961", "15", "2020-06-01")).executing()).isEqualTo("0344");
        }

        @Test
        void existingClientOfVijfheerenlandenIn2020StaysWithDordrecht() {
            toewijzingen.add(toewijzing("1961", 7, "1961", "0505", "15", "2019-05-01", null));
            Route r = route(vot("1961", "15", "2020-06-01"));
            assertThat(r.executing()).isEqualTo("0505");
            assertThat(r.regelspoor()).anyMatch(s -> s.startsWith("bestaande cliënt"));
        }

        @Test
        void existingClientsFollowToUtrechtIn2021() {
            toewijzingen.add(toewijzing("1961", 7, "1961", "0505", "15", "2019-05-01", null));
            assertThat(route(vot("1961", "15", "2021-02-01")).executing()).isEqualTo("0344");
        }

        @Test
        void boundaryDatesFallOnTheRightSide() {
            assertThat(route(vot("1961", "15", "2019-12-31")).executing()).isEqualTo("0505");
            assertThat(route(vot("1961", "15", "2020-01-01")).executing()).isEqualTo("0344");
        }
    }

    @Nested
    class Herindelingen {
        @Test
        void anEndedGemeenteIsMappedToItsSuccessorOnTheReferenceDate() {
            Route r = route(vot("0689", "15", "2023-05-01"));
            assertThat(r).extracting(Route::responsible, Route::executing, Route::reason)
                    .containsExactly("1978", "0505", Route.Reason.MANDAAT);
            assertThat(r.regelspoor()).anyMatch(s -> s.startsWith("herindeling: 0689 Giessenlanden is op 2019-01-01 opgegaan in 1978"));
        }

        @Test
        void beforeTheHerindelingTheOldCodeStands() {
            Route r = route(vot("0689", "02", "2018-05-01"));
            assertThat(r.responsible()).isEqualTo("0689");
        }

        @Test
        void herindelingWithoutMandateIsReasonHerindeling() {
            assertThat(route(vot("0689", "02", "2023-05-01")).reason()).isEqualTo(Route.Reason.HERINDELING);
        }

        @Test
        void aSplitGemeenteGoesToTriageNeverToAGuessedSuccessor() {
            Route r = route(vot("0788", "02", "2022-01-10"));
            assertThat(r).extracting(Route::reason, Route::queue, Route::bestemming)
                    .containsExactly(Route.Reason.TRIAGE, Route.TRIAGE_QUEUE, "TRIAGE");
            assertThat(r.responsible()).isNull();
            assertThat(r.regelspoor()).anyMatch(s -> s.contains("0757, 0824"));
        }

        @Test
        void anExecutingGemeenteThatEndedIsReplacedByItsSuccessorToday() {
            Route r = route(vot("0113", "15", "2021-06-01"));
            assertThat(r.executing()).isEqualTo("0111");
            assertThat(r.bestemming()).isEqualTo("0112");
        }
    }

    @Nested
    class Toewijzingen {
        @Test
        void aStartFollowsItsToewijzingWhateverTheMandatesSayNow() {
            toewijzingen.add(toewijzing("0613", 555, "0613", "0599", "15", "2024-01-01", null));
            Registry zonderMandaten = new Registry(registry.gemeenten(), registry.aanbieders(),
                    registry.herindelingen(), List.of(), Map.of());

            Route r = router.decide(bericht(BerichtType.WMO305, "0613", "2024-02-01", start(555, "15", "2024-02-01")),
                    zonderMandaten);

            assertThat(r).extracting(Route::responsible, Route::executing, Route::reason)
                    .containsExactly("0613", "0599", Route.Reason.TOEWIJZING);
            assertThat(r.regelspoor()).anyMatch(s -> s.contains("uit 301 301-555"));
        }

        @Test
        void aRetourOnA301GoesBackToTheGemeenteThatIssuedIt() {
            toewijzingen.add(toewijzing("0613", 556, "0613", "0599", "15", "2024-01-01", null));
            Route r = route(bericht(BerichtType.WMO302, "0613", "2024-02-01",
                    new ProductRegel("ToegewezenProduct", 556L, "15", null, "2024-01-01", null, null, null)));
            assertThat(r).extracting(Route::executing, Route::reason).containsExactly("0599", Route.Reason.TOEWIJZING);
        }

        @Test
        void anUnknownToewijzingFallsBackToTheHeaderWithASignal() {
            Route r = route(bericht(BerichtType.WMO307, "0613", "2024-02-01", start(999, "15", "2024-02-01")));
            assertThat(r.executing()).isEqualTo("0599");
            assertThat(r.reason()).isEqualTo(Route.Reason.MANDAAT);
            assertThat(r.signalen()).extracting(Signaal::code).containsExactly(Signaal.TOEWIJZING_ONBEKEND);
        }

        @Test
        void aMixedDeclaratieIsNeverSplitAndGoesToTheResponsibleGemeente() {
            toewijzingen.add(toewijzing("0613", 1, "0613", "0599", "15", "2024-01-01", null));
            toewijzingen.add(toewijzing("0613", 2, "0613", "0613", "02", "2024-01-01", null));
            Route r = route(bericht(BerichtType.WMO323, "0613", "2024-02-01",
                    new ProductRegel("Prestatie", 1L, "15", null, "2024-02-01", null, null, null),
                    new ProductRegel("Prestatie", 2L, "02", null, "2024-02-01", null, null, null)));
            assertThat(r.bestemming()).isEqualTo("0613");
            assertThat(r.signalen()).extracting(Signaal::code).containsExactly(Signaal.GEMENGDE_DECLARATIE);
        }

        @Test
        void aDeclaratieUnderOneMandateGoesToTheCentrumgemeente() {
            toewijzingen.add(toewijzing("0613", 1, "0613", "0599", "15", "2024-01-01", null));
            toewijzingen.add(toewijzing("0613", 3, "0613", "0599", "15", "2024-01-01", null));
            Route r = route(bericht(BerichtType.WMO323, "0613", "2024-02-01",
                    new ProductRegel("Prestatie", 1L, "15", null, "2024-02-01", null, null, null),
                    new ProductRegel("Prestatie", 3L, "15", null, "2024-02-01", null, null, null)));
            assertThat(r.bestemming()).isEqualTo("0599");
            assertThat(r.signalen()).isEmpty();
        }
    }

    @Nested
    class Woonplaatsbeginsel {
        final LocalDate ingang = LocalDate.of(2027, 1, 1);

        @Test
        void beforeItsStartNothingChanges() {
            router = router(ingang);
            adressen.put(CLIENT, new Woonadres(Woonadres.Soort.BRIEFADRES, null, null));
            assertThat(route(vot("0613", "15", "2026-12-31")).executing()).isEqualTo("0599");
        }

        @Test
        void anExistingClientStaysWithTheGemeenteThatProvides() {
            router = router(ingang);
            toewijzingen.add(toewijzing("0613", 10, "0613", "0599", "15", "2025-01-01", null));
            Route r = route(vot("0363", "15", "2027-03-01"));
            assertThat(r).extracting(Route::responsible, Route::executing, Route::reason)
                    .containsExactly("0613", "0599", Route.Reason.WOONPLAATSBEGINSEL);
        }

        @Test
        void bwEndedWithinTwelveMonthsReturnsToTheLastProvidingGemeente() {
            router = router(ingang);
            toewijzingen.add(toewijzing("0613", 11, "0613", "0599", "15", "2025-01-01", "2026-12-01"));
            Route r = route(vot("0363", "15", "2027-06-01"));
            assertThat(r).extracting(Route::responsible, Route::executing, Route::reason)
                    .containsExactly("0613", "0599", Route.Reason.WOONPLAATSBEGINSEL);
            assertThat(r.regelspoor()).anyMatch(s -> s.contains("minder dan 12 maanden"));
        }

        @Test
        void bwEndedLongerAgoDoesNotReturn() {
            router = router(ingang);
            toewijzingen.add(toewijzing("0613", 11, "0613", "0599", "15", "2024-01-01", "2026-01-15"));
            assertThat(route(vot("0363", "15", "2027-06-01")).responsible()).isEqualTo("0363");
        }

        @Test
        void aBriefadresGoesToTriage() {
            router = router(ingang);
            adressen.put(CLIENT, new Woonadres(Woonadres.Soort.BRIEFADRES, null, null));
            Route r = route(vot("0363", "15", "2027-03-01"));
            assertThat(r.reason()).isEqualTo(Route.Reason.TRIAGE);
            assertThat(r.regelspoor()).anyMatch(s -> s.contains("briefadres"));
        }

        @Test
        void rniGoesToTriage() {
            router = router(ingang);
            adressen.put(CLIENT, new Woonadres(Woonadres.Soort.RNI, null, null));
            assertThat(route(vot("0363", "15", "2027-03-01")).reason()).isEqualTo(Route.Reason.TRIAGE);
        }

        @Test
        void aWoonplaatsElsewhereIsOnlySignalledNeverRerouted() {
            router = router(ingang);
            adressen.put(CLIENT, new Woonadres(Woonadres.Soort.WOONADRES, "0613", null));
            Route r = route(vot("0363", "15", "2027-03-01"));
            assertThat(r.responsible()).isEqualTo("0363");
            assertThat(r.signalen()).extracting(Signaal::code).containsExactly(Signaal.WOONPLAATSBEGINSEL);
        }

        @Test
        void opvangKeepsTodaysRule() {
            router = router(ingang);
            adressen.put(CLIENT, new Woonadres(Woonadres.Soort.BRIEFADRES, null, null));
            assertThat(route(vot("0613", "16", "2027-03-01")).executing()).isEqualTo("0599");
        }
    }
}
