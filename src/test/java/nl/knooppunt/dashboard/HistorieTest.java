package nl.knooppunt.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistorieTest {

    @Test
    void countsPerHourAndPerGroupWithTheLatencyOfDeliveredBerichten() {
        Instant van = Instant.parse("2026-11-23T08:00:00Z");
        Instant tot = Instant.parse("2026-11-23T11:00:00Z");
        List<Historie.Rij> rijen = List.of(
                new Historie.Rij(van.plusSeconds(60), van.plusSeconds(61), "AFGELEVERD", "42420001", "0599", "0599", "WMO315"),
                new Historie.Rij(van.plusSeconds(120), van.plusSeconds(123), "AFGELEVERD", "42420001", "0599", "0599", "WMO315"),
                new Historie.Rij(van.plusSeconds(3700), van.plusSeconds(3700), "AFGEKEURD", "42420002", "0599", "0599", "WMO317"),
                new Historie.Rij(van.plusSeconds(7300), van.plusSeconds(7301), "AFGELEVERD", "0599", "42420002", "0599", "WMO301"));

        Historie.Resultaat r = Historie.bereken(rijen, Historie.Per.UUR, Historie.Groep.AANBIEDER, van, tot);

        assertThat(r.tijdlijn()).hasSize(3);
        assertThat(r.tijdlijn().get(0)).isEqualTo(new Historie.Telling("23-11 09:00", 2, 0, 2, 2000L));
        assertThat(r.tijdlijn().get(1)).isEqualTo(new Historie.Telling("23-11 10:00", 1, 1, 0, null));
        assertThat(r.groepen()).extracting(Historie.Telling::label).containsExactly("42420001", "42420002");
        assertThat(r.groepen().get(1).ontvangen()).as("a 301 counts for the aanbieder it goes to").isEqualTo(2);

        assertThat(Historie.bereken(rijen, Historie.Per.DAG, Historie.Groep.BERICHTTYPE, van, tot).groepen())
                .extracting(Historie.Telling::label).containsExactly("WMO301", "WMO315", "WMO317");
    }
}
