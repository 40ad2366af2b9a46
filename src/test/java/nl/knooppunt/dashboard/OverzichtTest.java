package nl.knooppunt.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OverzichtTest {

    private static final Instant NU = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void flowsSumTheirRoutesAndKnowTheirLastSuccess() {
        List<Routecijfers> routes = List.of(
                new Routecijfers("deliver-bericht", "Started", 10, 9, 1, 2, 20, 300, NU.minusSeconds(30), NU.minusSeconds(90)),
                new Routecijfers("push-aflevering", "Started", 30, 30, 0, 0, 40, 100, NU.minusSeconds(5), null),
                new Routecijfers("intake-soap", "Started", 5, 4, 1, 0, 10, 50, NU.minusSeconds(60), NU.minusSeconds(10)),
                new Routecijfers("validate-bericht", "Stopped", 0, 0, 0, 0, 0, 0, null, null),
                new Routecijfers("metrics-wachtrijen", "Started", 99, 99, 0, 0, 1, 1, NU, null));

        Overzicht o = Overzicht.samenstellen(routes, List.of(), 0, Set.of(), NU);

        Stroom aflevering = stroom(o, "Aflevering");
        assertThat(aflevering.totaal()).isEqualTo(40);
        assertThat(aflevering.mislukt()).isEqualTo(1);
        assertThat(aflevering.onderweg()).isEqualTo(2);
        assertThat(aflevering.maxMs()).isEqualTo(300);
        assertThat(aflevering.gemiddeldMs()).isEqualTo((10 * 20 + 30 * 40) / 40);
        assertThat(aflevering.secondenSindsSucces()).isEqualTo(5);
        assertThat(aflevering.toestand()).isEqualTo("GOED");
        assertThat(stroom(o, "Intake SOAP").toestand()).as("the last exchange failed").isEqualTo("STORING");
        assertThat(stroom(o, "Validatie").toestand()).isEqualTo("GESTOPT");
        assertThat(stroom(o, "Intake SFTP").toestand()).as("no such route").isEqualTo("GESTOPT");
        assertThat(stroom(o, "Audit").toestand()).isEqualTo("GESTOPT");
        assertThat(o.stromen()).extracting(Stroom::naam).doesNotContain("metrics-wachtrijen");
    }

    @Test
    void aScopedViewerSeesOnlyTheQueuesOfItsGemeenten() {
        List<Wachtrij> queues = List.of(Wachtrij.van("gemeente.0599", 3, 40L, 10, 7, 1, false),
                Wachtrij.van("gemeente.0613", 1, 5L, 1, 0, 0, false), Wachtrij.van("aanbieder.42420001", 0, null, 4, 4, 1, false),
                Wachtrij.van("knooppunt.dlq", 2, 600L, 2, 0, 0, false));

        assertThat(Overzicht.samenstellen(List.of(), queues, 0, Set.of("0599"), NU).wachtrijen())
                .extracting(Wachtrij::naam).containsExactly("gemeente.0599");
        assertThat(Overzicht.samenstellen(List.of(), queues, 0, Set.of(), NU).wachtrijen()).hasSize(4);
        assertThat(queues.get(0).deelnemer()).isEqualTo("0599");
        assertThat(queues.get(2).soort()).isEqualTo("aanbieder");
    }

    private static Stroom stroom(Overzicht o, String naam) {
        return o.stromen().stream().filter(s -> s.naam().equals(naam)).findFirst().orElseThrow();
    }
}
