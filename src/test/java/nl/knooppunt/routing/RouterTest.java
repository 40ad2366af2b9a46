package nl.knooppunt.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import nl.knooppunt.intake.BerichtInfo;
import nl.knooppunt.intake.BerichtType;
import nl.knooppunt.intake.BerichtType.Richting;
import nl.knooppunt.registry.Aanbieder;
import nl.knooppunt.registry.Gemeente;
import nl.knooppunt.registry.Registry;
import nl.knooppunt.toewijzing.InMemoryToewijzingen;
import nl.knooppunt.validation.AfkeurException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Header routing: direction from the BerichtCode, recipient from the header, unknown recipients parked. */
class RouterTest {

    private static final String GEMEENTE = "0599";
    private static final String AGB = "42420001";

    private final Router router = new Router(null, new InMemoryToewijzingen(), (client, datum) -> Optional.empty(),
            new RoutingProperties(null, null));
    private final Registry registry = new Registry(
            Map.of(GEMEENTE, new Gemeente(GEMEENTE, "Rotterdam", "Zuid-Holland"),
                    "0363", new Gemeente("0363", "Amsterdam", "Noord-Holland")),
            Map.of(AGB, new Aanbieder(AGB, "Zorggroep De Linde (fictief)"),
                    "42420002", new Aanbieder("42420002", "Begeleiding Aan de Maas (fictief)")));

    static Stream<BerichtType> naarGemeente() {
        return Arrays.stream(BerichtType.values()).filter(t -> t.richting() == Richting.NAAR_GEMEENTE);
    }

    static Stream<BerichtType> naarAanbieder() {
        return Arrays.stream(BerichtType.values()).filter(t -> t.richting() == Richting.NAAR_AANBIEDER);
    }

    @Test
    void directionsFollowTheStandard() {
        assertThat(naarGemeente()).containsExactlyInAnyOrder(BerichtType.WMO302, BerichtType.WMO305, BerichtType.WMO307,
                BerichtType.WMO315, BerichtType.WMO317, BerichtType.WMO320, BerichtType.WMO323);
        assertThat(naarAanbieder()).containsExactlyInAnyOrder(BerichtType.WMO301, BerichtType.WMO306, BerichtType.WMO308,
                BerichtType.WMO316, BerichtType.WMO318, BerichtType.WMO319, BerichtType.WMO325);
    }

    @ParameterizedTest
    @MethodSource("naarGemeente")
    void naarGemeenteGoesToTheGemeenteQueue(BerichtType type) {
        Route besluit = router.decide(info(type), registry);

        assertThat(besluit).extracting(Route::bestemming, Route::queue, Route::responsible, Route::executing, Route::reason)
                .containsExactly(GEMEENTE, "gemeente." + GEMEENTE, GEMEENTE, GEMEENTE, Route.Reason.HEADER);
        assertThat(besluit.regelspoor()).first().asString().startsWith("header: gemeente 0599 Rotterdam");
    }

    @ParameterizedTest
    @MethodSource("naarAanbieder")
    void naarAanbiederGoesToTheAanbiederQueue(BerichtType type) {
        Route besluit = router.decide(info(type), registry);

        assertThat(besluit).extracting(Route::bestemming, Route::queue, Route::responsible, Route::executing, Route::reason)
                .containsExactly(AGB, "aanbieder." + AGB, GEMEENTE, GEMEENTE, Route.Reason.HEADER);
        assertThat(besluit.regelspoor()).last().asString().contains("aanbieder " + AGB);
    }

    @Test
    void retour302WithTheGemeenteAsAfzenderStillGoesToTheGemeente() {
        // IV028: the 302 copies the 301 header, so Afzender is the gemeente although the aanbieder sends it
        BerichtInfo retour = info(BerichtType.WMO302, "0363", "42420002");

        Route besluit = router.decide(retour, registry);

        assertThat(besluit.bestemming()).isEqualTo("0363");
        assertThat(besluit.queue()).isEqualTo("gemeente.0363");
        assertThat(besluit.responsible()).isEqualTo("0363");
    }

    @Test
    void retour306WithTheAanbiederAsAfzenderStillGoesToTheAanbieder() {
        BerichtInfo retour = info(BerichtType.WMO306, "42420002", "0363");

        assertThat(router.decide(retour, registry).queue()).isEqualTo("aanbieder.42420002");
    }

    @Test
    void routingIgnoresWhoIsAfzender() {
        // the same parties in the "wrong" header order: direction still comes from the type
        assertThat(router.decide(info(BerichtType.WMO315, GEMEENTE, AGB), registry).queue()).isEqualTo("gemeente.0599");
        assertThat(router.decide(info(BerichtType.WMO301, AGB, GEMEENTE), registry).queue()).isEqualTo("aanbieder.42420001");
    }

    @ParameterizedTest
    @MethodSource("naarGemeente")
    void unknownGemeenteIsParkedWithKP010(BerichtType type) {
        AfkeurException e = rejected(info(type, "42420001", "9999"));

        assertThat(e.parkeren()).isTrue();
        assertThat(e.meldingen()).hasSize(1);
        assertThat(e.meldingen().get(0).code()).isEqualTo("KP010");
        assertThat(e.meldingen().get(0).omschrijving()).contains("9999");
    }

    @ParameterizedTest
    @MethodSource("naarAanbieder")
    void unknownAgbIsParkedWithKP011(BerichtType type) {
        AfkeurException e = rejected(info(type, GEMEENTE, "42429999"));

        assertThat(e.parkeren()).isTrue();
        assertThat(e.meldingen().get(0).code()).isEqualTo("KP011");
        assertThat(e.meldingen().get(0).omschrijving()).contains("42429999");
    }

    @Test
    void unknownAfzenderDoesNotMatterForTheRecipient() {
        // the aanbieder sending a 315 is not in the registry, but the gemeente it goes to is
        BerichtInfo info = info(BerichtType.WMO315, "42429999", GEMEENTE);

        assertThat(router.decide(info, registry).queue()).isEqualTo("gemeente.0599");
    }

    @Test
    void noGemeenteInTheHeaderIsParked() {
        AfkeurException e = rejected(info(BerichtType.WMO315, AGB, "42420002"));

        assertThat(e.parkeren()).isTrue();
        assertThat(e.meldingen().get(0).code()).isEqualTo("KP010");
    }

    private AfkeurException rejected(BerichtInfo info) {
        AfkeurException e = catchThrowableOfType(() -> router.decide(info, registry), AfkeurException.class);
        assertThat(e).as("expected the bericht to be parked").isNotNull();
        return e;
    }

    /** The default parties in the order the standard puts them in the header of this type. */
    private static BerichtInfo info(BerichtType type) {
        boolean gemeenteIsAfzender = Set.of(BerichtType.WMO301, BerichtType.WMO302, BerichtType.WMO319,
                BerichtType.WMO320, BerichtType.WMO325).contains(type);
        return gemeenteIsAfzender ? info(type, GEMEENTE, AGB) : info(type, AGB, GEMEENTE);
    }

    private static BerichtInfo info(BerichtType type, String afzender, String ontvanger) {
        return new BerichtInfo(type, type.berichtCode(), afzender, ontvanger, "X1", "2026-11-02", Set.of("02"), null, 1,
                List.of("0123456789abcdef0123456789abcdef"), List.of(), null);
    }
}
