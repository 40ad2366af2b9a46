package nl.knooppunt.rapportage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import nl.knooppunt.audit.AuditEvent;
import nl.knooppunt.validation.Melding;
import org.junit.jupiter.api.Test;

/** Facts from events and the toegewezen volume of a month, without a database. */
class RapportFeitenTest {

    private static AuditEvent event(String type, List<AuditEvent.Product> producten, List<Melding> meldingen) {
        return new AuditEvent(1, "e1", "t1", type, Instant.parse("2026-03-31T23:30:00Z"), "SOAP", "WMO323", "447",
                null, "42420001", "0599", "0599", "0599", "0599", "TOEWIJZING", null, null, List.of("02"), null, 1,
                null, null, meldingen, null, null, null, null, null, null, producten);
    }

    @Test
    void eenFeitPerProductregelMetDeMaandVanDeRegel() {
        List<RapportFeiten.Feit> feiten = RapportFeiten.feiten(event("GEROUTEERD", List.of(
                new AuditEvent.Product("Prestatie", 5L, "02", "02A01", "2026-02-01", "2026-02-28", 12L, "04", null,
                        6250L, 75000L),
                new AuditEvent.Product("Prestatie", 6L, "07", "07A01", null, null, 3L, "14", null, 4150L, -12450L)),
                null));

        assertThat(feiten).hasSize(2);
        assertThat(feiten.get(0).maand()).isEqualTo("2026-02");
        assertThat(feiten.get(0).aanbieder()).isEqualTo("42420001");
        assertThat(feiten.get(0).gemeente()).isEqualTo("0599");
        assertThat(feiten.get(0).volume()).isEqualTo(12L);
        // no own date: the event's month in Dutch time (23:30 UTC on 31 March is 1 April in Amsterdam)
        assertThat(feiten.get(1).maand()).isEqualTo("2026-04");
        assertThat(feiten.get(1).volume()).as("credit counts negative").isEqualTo(-3L);
    }

    @Test
    void afkeurMetDeBeslissendeCodeEnAndereEventsNiet() {
        assertThat(RapportFeiten.feiten(event("AFGEKEURD", null, List.of(new Melding("9056", "x"),
                new Melding("8001", "y"))))).singleElement().extracting(RapportFeiten.Feit::code).isEqualTo("9056");
        assertThat(RapportFeiten.feiten(event("ONTVANGEN", null, null))).isEmpty();
        assertThat(RapportFeiten.feiten(event("AFGELEVERD", null, null))).isEmpty();
    }

    @Test
    void toegewezenVolumeVolgtDeFrequentie() {
        LocalDate ingang = LocalDate.of(2024, 2, 10);
        YearMonth feb = YearMonth.of(2024, 2);
        assertThat(RapportQueries.toegewezen(2L, "1", ingang, null, feb)).isEqualTo(2 * 20);
        assertThat(RapportQueries.toegewezen(3L, "2", LocalDate.of(2024, 2, 1), null, feb)).isEqualTo(13);
        assertThat(RapportQueries.toegewezen(10L, "4", ingang, null, feb)).isEqualTo(10);
        assertThat(RapportQueries.toegewezen(10L, "2", ingang, LocalDate.of(2024, 1, 31), feb)).isZero();
        assertThat(RapportQueries.toegewezen(null, "2", ingang, null, feb)).isNull();
    }

    @Test
    void wieAanZetIsBijEenTermijn() {
        assertThat(RapportQueries.aanZet("OP090", "WMO301")).as("302 from the aanbieder").isEqualTo("aanbieder");
        assertThat(RapportQueries.aanZet("OP090", "WMO319")).as("320 from the aanbieder").isEqualTo("aanbieder");
        assertThat(RapportQueries.aanZet("OP090", "WMO315")).as("316 from the gemeente").isEqualTo("gemeente");
        assertThat(RapportQueries.aanZet("OP090", "WMO305")).as("306 from the gemeente").isEqualTo("gemeente");
        assertThat(RapportQueries.aanZet("OP090x4", "WMO323")).as("325 from the gemeente").isEqualTo("gemeente");
        assertThat(RapportQueries.aanZet("OP274", "WMO315")).isEqualTo("gemeente");
        assertThat(RapportQueries.aanZet("OP346", "WMO317")).isEqualTo("gemeente");
        assertThat(RapportQueries.aanZet("OP271", "WMO305")).as("start reported by the aanbieder").isEqualTo("aanbieder");
        assertThat(RapportQueries.aanZet("OP272", "WMO307")).isEqualTo("aanbieder");
    }

    @Test
    void eenPeriodeBinnenEenScope() {
        Periode p = Periode.of("2026-01", "2026-02", null, null, LocalDate.of(2026, 3, 1));
        assertThat(p.scope()).isEmpty();
        assertThat(p.peildatum()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(p.binnen(java.util.Set.of("0599")).scope()).containsExactly("0599");
    }

    @Test
    void periodeFiltersWordenGecontroleerd() {
        LocalDate vandaag = LocalDate.of(2026, 11, 23);
        assertThat(Periode.of(null, null, null, null, vandaag).maanden()).hasSize(12).first()
                .isEqualTo(YearMonth.of(2025, 12));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Periode.of("2026-05", "2026-01", null, null, vandaag))
                .hasMessageContaining("ligt na");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Periode.of(null, null, "123", null, vandaag))
                .hasMessageContaining("AGB");
    }
}
