package nl.knooppunt.validation.termijn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WerkdagenTest {

    @ParameterizedTest
    @CsvSource({"1961,1961-04-02", "1981,1981-04-19", "2000,2000-04-23", "2008,2008-03-23", "2011,2011-04-24",
            "2019,2019-04-21", "2024,2024-03-31", "2025,2025-04-20", "2026,2026-04-05", "2027,2027-03-28",
            "2038,2038-04-25", "2285,2285-03-22"})
    void pasenOpBekendeData(int jaar, LocalDate pasen) {
        assertThat(Werkdagen.pasen(jaar)).isEqualTo(pasen);
    }

    @Test
    void pasenIsAltijdEenZondagTussen22MaartEn25April() {
        for (int jaar = 1900; jaar <= 2200; jaar++) {
            LocalDate p = Werkdagen.pasen(jaar);
            assertThat(p.getDayOfWeek()).as("Pasen %d", jaar).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(p).isBetween(LocalDate.of(jaar, 3, 22), LocalDate.of(jaar, 4, 25));
        }
    }

    @Test
    void feestdagen2026() {
        assertThat(Werkdagen.feestdagen(2026)).containsExactly(
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 5), LocalDate.of(2026, 4, 6),
                LocalDate.of(2026, 4, 27), LocalDate.of(2026, 5, 5), LocalDate.of(2026, 5, 14),
                LocalDate.of(2026, 5, 24), LocalDate.of(2026, 5, 25), LocalDate.of(2026, 12, 25),
                LocalDate.of(2026, 12, 26));
    }

    @Test
    void koningsdagOpZondagWordtZaterdag26April() {
        // 27 April 2025 and 2031 are Sundays
        assertThat(Werkdagen.feestdagen(2025)).contains(LocalDate.of(2025, 4, 26)).doesNotContain(LocalDate.of(2025, 4, 27));
        assertThat(Werkdagen.feestdagen(2031)).contains(LocalDate.of(2031, 4, 26));
        assertThat(Werkdagen.feestdagen(2026)).contains(LocalDate.of(2026, 4, 27));
    }

    @Test
    void bevrijdingsdagElkJaar() {
        assertThat(Werkdagen.isWerkdag(LocalDate.of(2026, 5, 5))).isFalse(); // a Tuesday, not a lustrum year
    }

    @Test
    void werkdagenTellen() {
        // Thursday 2 April 2026 + 3 werkdagen: skips Good Friday, the weekend and Easter Monday
        assertThat(Werkdagen.plus(LocalDate.of(2026, 4, 2), 3)).isEqualTo(LocalDate.of(2026, 4, 9));
        // Friday 18 Dec 2026 + 5: 21,22,23,24 and (25, 26 holidays, weekend) 28
        assertThat(Werkdagen.plus(LocalDate.of(2026, 12, 18), 5)).isEqualTo(LocalDate.of(2026, 12, 28));
        // Monday 2 Nov 2026 + 10 werkdagen = Monday 16 Nov
        assertThat(Werkdagen.plus(LocalDate.of(2026, 11, 2), 10)).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(Werkdagen.isWerkdag(LocalDate.of(2026, 5, 14))).isFalse(); // Hemelvaart
        assertThat(Werkdagen.isWerkdag(LocalDate.of(2026, 5, 26))).isTrue();
    }
}
