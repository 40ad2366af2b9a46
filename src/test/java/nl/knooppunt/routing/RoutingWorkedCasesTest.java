package nl.knooppunt.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import nl.knooppunt.intake.BerichtInfo;
import nl.knooppunt.intake.BerichtType;
import nl.knooppunt.intake.ProductRegel;
import nl.knooppunt.registry.Registry;
import nl.knooppunt.registry.RegistryLoader;
import nl.knooppunt.toewijzing.InMemoryToewijzingen;
import nl.knooppunt.toewijzing.Toewijzing;
import nl.knooppunt.validation.AfkeurException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The worked cases of the routing issue and docs/routing.md, against the registry Knooppunt ships. */
class RoutingWorkedCasesTest {

    private static final Registry SHIPPED = new RegistryLoader(null).load();
    private static final String CLIENT = "0123456789abcdef0123456789abcdef";
    private static final LocalDate WPB = LocalDate.of(2027, 1, 1);

    /** What the hub knows before the bericht arrives. */
    record Wereld(InMemoryToewijzingen toewijzingen, Map<String, Woonadres> adressen, LocalDate woonplaatsbeginsel) {
    }

    /** The expected outcome: delivered (bestemming, responsible, reason), triage, or parked with a code. */
    record Verwacht(String bestemming, String responsible, Route.Reason reason, String parkeercode) {
        static Verwacht naar(String bestemming, String responsible, Route.Reason reason) {
            return new Verwacht(bestemming, responsible, reason, null);
        }

        static Verwacht triage() {
            return new Verwacht("TRIAGE", null, Route.Reason.TRIAGE, null);
        }

        static Verwacht geparkeerd(String code) {
            return new Verwacht(null, null, null, code);
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                row("Albrandswaard BW → Rotterdam", w -> { }, vot("0613", "15", "2024-03-01"),
                        Verwacht.naar("0599", "0613", Route.Reason.MANDAAT)),
                row("Albrandswaard begeleiding → Albrandswaard", w -> { }, vot("0613", "02", "2024-03-01"),
                        Verwacht.naar("0613", "0613", Route.Reason.HEADER)),
                row("Giessenlanden 0689 in 2023 → Molenlanden → Dordrecht", w -> { }, vot("0689", "15", "2023-05-01"),
                        Verwacht.naar("0505", "1978", Route.Reason.MANDAAT)),
                row("Leerdam new client 2020 → Utrecht", w -> { }, vot("0545", "15", "2020-06-01"),
                        Verwacht.naar("0344", "1961", Route.Reason.MANDAAT)),
                row("Leerdam existing client 2020 → Dordrecht",
                        w -> w.toewijzingen().add(toewijzing("0545", 31, "0545", "0505", "15", "2018-03-01", null)),
                        vot("0545", "15", "2020-06-01"), Verwacht.naar("0505", "1961", Route.Reason.MANDAAT)),
                row("Leerdam existing client 2021 → Utrecht",
                        w -> w.toewijzingen().add(toewijzing("0545", 31, "0545", "0505", "15", "2018-03-01", null)),
                        vot("0545", "15", "2021-06-01"), Verwacht.naar("0344", "1961", Route.Reason.MANDAAT)),
                row("305 on a toewijzing executed by Rotterdam → Rotterdam, whatever its header and product say",
                        w -> w.toewijzingen().add(toewijzing("0613", 4711, "0613", "0599", "15", "2024-01-01", null)),
                        bericht(BerichtType.WMO305, "0613", new ProductRegel("StartProduct", 4711L, "02", null,
                                "2024-02-01", null, null, null)),
                        Verwacht.naar("0599", "0613", Route.Reason.TOEWIJZING)),
                row("WPB: an existing client stays",
                        w -> w.toewijzingen().add(toewijzing("0613", 12, "0613", "0599", "15", "2025-01-01", null)),
                        vot("0363", "15", "2027-03-01"), Verwacht.naar("0599", "0613", Route.Reason.WOONPLAATSBEGINSEL)),
                row("WPB: BW ended within 12 months returns",
                        w -> w.toewijzingen().add(toewijzing("0613", 13, "0613", "0599", "15", "2025-01-01", "2026-11-30")),
                        vot("0363", "15", "2027-05-01"), Verwacht.naar("0599", "0613", Route.Reason.WOONPLAATSBEGINSEL)),
                row("WPB: a briefadres goes to triage",
                        w -> w.adressen().put(CLIENT, new Woonadres(Woonadres.Soort.BRIEFADRES, null, null)),
                        vot("0363", "15", "2027-03-01"), Verwacht.triage()),
                row("Haaren after 2021 → triage", w -> { }, vot("0788", "02", "2022-03-01"), Verwacht.triage()),
                row("Haaren before 2021: responsible Haaren, which no longer exists and was split → triage", w -> { },
                        vot("0788", "02", "2020-03-01"), Verwacht.naar("TRIAGE", "0788", Route.Reason.TRIAGE)),
                row("unknown gemeente → parked", w -> { }, vot("9999", "15", "2024-03-01"), Verwacht.geparkeerd("KP010")),
                row("Zeeland: Middelburg BW → Vlissingen", w -> { }, vot("0687", "15", "2024-03-01"),
                        Verwacht.naar("0718", "0687", Route.Reason.MANDAAT)),
                row("IJssel-Vecht: Steenwijkerland MO → Zwolle", w -> { }, vot("1708", "16", "2024-03-01"),
                        Verwacht.naar("0193", "1708", Route.Reason.MANDAAT)),
                row("Weesp 2023 → Amsterdam by herindeling", w -> { }, vot("0457", "02", "2023-03-01"),
                        Verwacht.naar("0363", "0363", Route.Reason.HERINDELING)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void routes(String name, Consumer<Wereld> setup, BerichtInfo bericht, Verwacht verwacht) {
        Wereld wereld = new Wereld(new InMemoryToewijzingen(), new HashMap<>(),
                name.startsWith("WPB") ? WPB : null);
        setup.accept(wereld);
        Router router = new Router(null, wereld.toewijzingen(),
                (client, datum) -> Optional.ofNullable(wereld.adressen().get(client)),
                new RoutingProperties(wereld.woonplaatsbeginsel(), null));

        if (verwacht.parkeercode() != null) {
            AfkeurException e = catchThrowableOfType(() -> router.decide(bericht, SHIPPED), AfkeurException.class);
            assertThat(e).isNotNull();
            assertThat(e.parkeren()).isTrue();
            assertThat(e.meldingen().get(0).code()).isEqualTo(verwacht.parkeercode());
            return;
        }
        Route route = router.decide(bericht, SHIPPED);
        assertThat(route).as(String.join("\n", route.regelspoor()))
                .extracting(Route::bestemming, Route::responsible, Route::reason)
                .containsExactly(verwacht.bestemming(), verwacht.responsible(), verwacht.reason());
        assertThat(route.regelspoor()).isNotEmpty();
    }

    private static Arguments row(String name, Consumer<Wereld> setup, BerichtInfo bericht, Verwacht verwacht) {
        return Arguments.of(name, setup, bericht, verwacht);
    }

    private static BerichtInfo vot(String gemeente, String categorie, String datum) {
        return bericht(BerichtType.WMO315, gemeente,
                new ProductRegel("AangevraagdProduct", null, categorie, null, datum, null, null, null));
    }

    private static BerichtInfo bericht(BerichtType type, String gemeente, ProductRegel... producten) {
        return new BerichtInfo(type, type.berichtCode(), "42420001", gemeente, "W1", "2026-11-02", Set.of(), null, 1,
                List.of(CLIENT), List.of(producten), null);
    }

    private static Toewijzing toewijzing(String gemeente, long nummer, String responsible, String executing,
                                         String categorie, String van, String tot) {
        return new Toewijzing(gemeente, nummer, "42420001", responsible, executing, categorie, CLIENT,
                LocalDate.parse(van), tot == null ? null : LocalDate.parse(tot), null, "301-" + nummer);
    }
}
