package nl.knooppunt.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import nl.knooppunt.intake.BerichtInfo;
import nl.knooppunt.intake.BerichtType;
import nl.knooppunt.intake.ProductRegel;
import nl.knooppunt.registry.Aanbieder;
import nl.knooppunt.registry.ClientScope;
import nl.knooppunt.registry.Domein;
import nl.knooppunt.registry.Gemeente;
import nl.knooppunt.registry.Herindeling;
import nl.knooppunt.registry.Mandaat;
import nl.knooppunt.registry.Opvolging;
import nl.knooppunt.registry.Registry;
import nl.knooppunt.toewijzing.InMemoryToewijzingen;
import nl.knooppunt.validation.AfkeurException;

/** Over random registries, dates and berichten: one outcome each, and mandate boundaries fall on the right side. */
class RoutingPropertiesTest {

    private static final LocalDate EERSTE = LocalDate.of(2015, 1, 1);

    /** A random registry: gemeenten 1000..1000+n, merges and splits only into later codes (no cycles), mandates per period. */
    record Wereld(Registry registry, List<Mandaat> mandaten) {
    }

    @Provide
    Arbitrary<Wereld> werelden() {
        return Arbitraries.integers().between(3, 12).flatMap(n -> Combinators.combine(
                herindelingen(n), mandaten(n)).as((h, m) -> wereld(n, h, m)));
    }

    private Arbitrary<List<Herindeling>> herindelingen(int n) {
        Arbitrary<Herindeling> one = Combinators.combine(Arbitraries.integers().between(0, n - 2),
                Arbitraries.integers().between(1, n - 1), datum()).as((from, step, d) -> {
                    int to = Math.min(n - 1, from + step);
                    return new Herindeling(d, code(from), "G" + from, code(to), "G" + to);
                }).filter(h -> !h.oudeCode().equals(h.nieuweCode()));
        return one.list().ofMaxSize(4);
    }

    private Arbitrary<List<Mandaat>> mandaten(int n) {
        Arbitrary<Mandaat> one = Combinators.combine(Arbitraries.integers().between(0, n - 1),
                Arbitraries.integers().between(0, n - 1), datum(), Arbitraries.integers().between(0, 2000),
                Arbitraries.of(ClientScope.class), Arbitraries.subsetOf(Domein.values()).ofMinSize(1))
                .as((from, to, van, dagen, scope, domeinen) -> new Mandaat("R", code(from), code(to), domeinen, van,
                        dagen > 1500 ? null : van.plusDays(dagen), scope))
                .filter(m -> !m.mandating().equals(m.executing()));
        return one.list().ofMaxSize(8);
    }

    private static Wereld wereld(int n, List<Herindeling> herindelingen, List<Mandaat> kandidaten) {
        Map<String, Gemeente> gemeenten = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            gemeenten.put(code(i), new Gemeente(code(i), "G" + i, ""));
        }
        List<Mandaat> mandaten = new ArrayList<>();
        for (Mandaat m : kandidaten) {
            if (mandaten.stream().noneMatch(m::overlaps)) { // the loader refuses overlaps, so a registry never has them
                mandaten.add(m);
            }
        }
        List<Herindeling> uniek = herindelingen.stream()
                .filter(h -> herindelingen.stream().noneMatch(o -> o != h && o.oudeCode().equals(h.oudeCode())
                        && !o.datum().equals(h.datum())))
                .distinct().toList();
        return new Wereld(new Registry(gemeenten, Map.of("42420001", new Aanbieder("42420001", "A")), uniek,
                mandaten, Map.of()), mandaten);
    }

    private static Arbitrary<LocalDate> datum() {
        return Arbitraries.integers().between(0, 15 * 365).map(EERSTE::plusDays);
    }

    private static String code(int i) {
        return String.valueOf(1000 + i);
    }

    private static BerichtInfo vot(String gemeente, String categorie, LocalDate datum) {
        return new BerichtInfo(BerichtType.WMO315, "444", "42420001", gemeente, "P1", datum.toString(), Set.of(), null, 1,
                List.of("0123456789abcdef0123456789abcdef"), List.of(new ProductRegel("AangevraagdProduct", null,
                categorie, null, datum.toString(), null, null, null)), null);
    }

    private static Router router() {
        return new Router(null, new InMemoryToewijzingen(), (c, d) -> Optional.empty(), new RoutingProperties(null, null));
    }

    @Property(tries = 300)
    void everyBerichtGetsExactlyOneOutcome(@ForAll("werelden") Wereld wereld,
                                           @ForAll @IntRange(min = 0, max = 14) int gemeente,
                                           @ForAll @IntRange(min = 1, max = 18) int categorie,
                                           @ForAll("datumArb") LocalDate datum) {
        String code = gemeente < wereld.registry().gemeenten().size() ? code(gemeente) : "9" + gemeente + "99".substring(0, 3 - String.valueOf(gemeente).length());
        String cat = String.format("%02d", categorie);
        Route route;
        try {
            route = router().decide(vot(code, cat, datum), wereld.registry());
        } catch (AfkeurException parked) {
            assertThat(parked.parkeren()).as("only an unknown recipient is refused, and then parked").isTrue();
            assertThat(wereld.registry().gemeente(code)).isEmpty();
            return;
        }
        assertThat(route.regelspoor()).isNotEmpty();
        if (route.triage()) {
            assertThat(route.queue()).isEqualTo(Route.TRIAGE_QUEUE);
        } else {
            assertThat(route.queue()).isEqualTo("gemeente." + route.bestemming());
            assertThat(wereld.registry().gemeente(route.bestemming())).isPresent();
            assertThat(wereld.registry().gemeente(route.executing())).isPresent();
        }
    }

    @Provide
    Arbitrary<LocalDate> datumArb() {
        return datum();
    }

    @Property(tries = 300)
    void mandateBoundaryDatesRouteToTheRightSide(@ForAll("werelden") Wereld wereld) {
        for (Mandaat m : wereld.mandaten()) {
            if (m.clientScope() == ClientScope.EXISTING) {
                continue; // a client with no earlier toewijzing is new: EXISTING mandates never apply to it
            }
            Domein domein = m.domeinen().iterator().next();
            String cat = switch (domein) { case BW -> "15"; case MO -> "16"; case OVERIG -> "18"; };
            if (!(wereld.registry().opvolging(m.mandating(), m.geldigVan()) instanceof Opvolging.Geldig g)
                    || !g.keten().isEmpty()) {
                continue; // herindeeld on that date: the successor's mandates apply, not this one
            }
            Route op = router().decide(vot(m.mandating(), cat, m.geldigVan()), wereld.registry());
            assertThat(op.executing()).as("first day of %s", m.omschrijving()).isEqualTo(m.executing());
            if (m.geldigTot() != null && wereld.registry().opvolging(m.mandating(), m.geldigTot()) instanceof Opvolging.Geldig gt
                    && gt.keten().isEmpty()) {
                Route laatst = router().decide(vot(m.mandating(), cat, m.geldigTot()), wereld.registry());
                assertThat(laatst.executing()).as("last day of %s", m.omschrijving()).isEqualTo(m.executing());
            }
            LocalDate dagErna = m.geldigTot() == null ? null : m.geldigTot().plusDays(1);
            if (dagErna != null && wereld.registry().opvolging(m.mandating(), dagErna) instanceof Opvolging.Geldig ge
                    && ge.keten().isEmpty()) {
                boolean opgevolgd = wereld.registry().mandaten(m.mandating(), domein, dagErna).stream()
                        .anyMatch(o -> o.clientScope().covers(false) && o.executing().equals(m.executing()));
                Route erna = router().decide(vot(m.mandating(), cat, dagErna), wereld.registry());
                if (!opgevolgd) {
                    assertThat(erna.regelspoor()).as("day after %s", m.omschrijving())
                            .noneMatch(s -> s.equals("mandaat " + m.omschrijving()));
                }
            }
        }
    }
}
