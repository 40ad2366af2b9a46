package nl.knooppunt.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Retention on the real schema (all Flyway migrations, H2): what goes when, and what stays. */
class RetentieTest {

    private static final Instant NU = Instant.parse("2026-11-23T10:00:00Z");
    private static final RetentieProperties STANDAARD =
            new RetentieProperties(Period.ofDays(30), Period.ofYears(7), Duration.ofHours(1));

    private JdbcTemplate jdbc;
    private Retentie retentie;

    @BeforeEach
    void schema() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(ds);
        retentie = new Retentie(jdbc, STANDAARD, Optional.of(Clock.fixed(NU, ZoneOffset.UTC)));
    }

    @Test
    void aPayloadGoes30DaysAfterItsFinalStatusAndTheMetadataStays() {
        bericht("oud-afgeleverd", "AFGELEVERD", NU.minus(Duration.ofDays(40)), NU.minus(Duration.ofDays(31)));
        bericht("oud-afgekeurd", "AFGEKEURD", NU.minus(Duration.ofDays(40)), NU.minus(Duration.ofDays(31)));
        bericht("recent", "AFGELEVERD", NU.minus(Duration.ofDays(40)), NU.minus(Duration.ofDays(29)));

        Retentie.Resultaat resultaat = retentie.purge();

        assertThat(resultaat).isEqualTo(new Retentie.Resultaat(2, 0, 0));
        assertThat(payloads()).containsExactly("recent");
        assertThat(jdbc.queryForObject("select count(*) from bericht", Long.class)).isEqualTo(3L);
        assertThat(jdbc.queryForObject("select payload_verwijderd_op from bericht where traceer_id = 'oud-afgeleverd'",
                Timestamp.class).toInstant()).isEqualTo(NU);
        assertThat(jdbc.queryForObject("select payload_verwijderd_op from bericht where traceer_id = 'recent'",
                Timestamp.class)).isNull();
    }

    @Test
    void aBerichtThatStillWaitsKeepsItsPayload() {
        bericht("geparkeerd", "GEPARKEERD", NU.minus(Duration.ofDays(400)), NU.minus(Duration.ofDays(400)));
        bericht("triage", "IN_TRIAGE", NU.minus(Duration.ofDays(400)), NU.minus(Duration.ofDays(400)));
        bericht("ontvangen", "ONTVANGEN", NU.minus(Duration.ofDays(400)), NU.minus(Duration.ofDays(400)));

        assertThat(retentie.purge().payloads()).isZero();
        assertThat(payloads()).containsExactlyInAnyOrder("geparkeerd", "triage", "ontvangen");
    }

    @Test
    void metadataAndPublishedAuditEventsGoAfterSevenYears() {
        Instant achtJaar = NU.minus(Duration.ofDays(8 * 366));
        bericht("heel-oud", "AFGELEVERD", achtJaar, achtJaar);
        auditEvent("heel-oud", achtJaar, true);
        auditEvent("heel-oud", achtJaar, false);
        bericht("zes-jaar", "AFGELEVERD", NU.minus(Duration.ofDays(6 * 365)), NU.minus(Duration.ofDays(6 * 365)));
        auditEvent("zes-jaar", NU.minus(Duration.ofDays(6 * 365)), true);

        Retentie.Resultaat resultaat = retentie.purge();

        assertThat(resultaat).isEqualTo(new Retentie.Resultaat(2, 1, 1));
        assertThat(jdbc.queryForList("select traceer_id from bericht", String.class)).containsExactly("zes-jaar");
        // the unpublished event stays: contractmanagement has not had it yet
        assertThat(jdbc.queryForList("select traceer_id from audit_event order by traceer_id", String.class))
                .containsExactly("heel-oud", "zes-jaar");
    }

    @Test
    void aLargePayloadsPartsGoWithItAndPartsWithoutAReceiptGoAfterADay() {
        bericht("groot-oud", "AFGELEVERD", NU.minus(Duration.ofDays(40)), NU.minus(Duration.ofDays(31)));
        delen("groot-oud", NU.minus(Duration.ofDays(40)));
        bericht("groot-recent", "AFGELEVERD", NU.minus(Duration.ofDays(40)), NU.minus(Duration.ofDays(29)));
        delen("groot-recent", NU.minus(Duration.ofDays(40)));
        delen("wees-oud", NU.minus(Duration.ofHours(25)));   // the hub stopped between the parts and the receipt
        delen("wees-bezig", NU.minus(Duration.ofMinutes(1))); // a receipt that is still being written

        retentie.purge();

        assertThat(jdbc.queryForList("select distinct traceer_id from payload_deel order by traceer_id", String.class))
                .containsExactly("groot-recent", "wees-bezig");
    }

    @Test
    void aRunWithNothingToDoRemovesNothing() {
        assertThat(retentie.purge()).isEqualTo(new Retentie.Resultaat(0, 0, 0));
    }

    @Test
    void aBadSettingFailsWithItsName() {
        assertThatThrownBy(() -> new RetentieProperties(Period.ZERO, Period.ofYears(7), Duration.ofHours(1)))
                .hasMessageContaining("knooppunt.retentie.payload");
        assertThatThrownBy(() -> new RetentieProperties(Period.ofDays(30), Period.ofDays(10), Duration.ofHours(1)))
                .hasMessageContaining("knooppunt.retentie.metadata");
    }

    private void bericht(String id, String status, Instant ontvangen, Instant gewijzigd) {
        jdbc.update("insert into bericht (traceer_id, ontvangen_op, kanaal, grootte, sha256, status, gewijzigd_op) "
                + "values (?, ?, 'SOAP', 1, 'x', ?, ?)", id, Timestamp.from(ontvangen), status, Timestamp.from(gewijzigd));
        jdbc.update("insert into payload (traceer_id, inhoud) values (?, ?)", id, new byte[] {1});
    }

    private void delen(String id, Instant aangemaakt) {
        for (int i = 0; i < 2; i++) {
            jdbc.update("insert into payload_deel (traceer_id, volgnummer, inhoud, aangemaakt_op) values (?, ?, ?, ?)",
                    id, i, new byte[] {1}, Timestamp.from(aangemaakt));
        }
    }

    private void auditEvent(String traceerId, Instant tijdstip, boolean gepubliceerd) {
        jdbc.update("insert into audit_event (event_id, traceer_id, event_type, tijdstip, inhoud, gepubliceerd) "
                + "values (?, ?, 'ONTVANGEN', ?, '{}', ?)", UUID.randomUUID().toString(), traceerId,
                Timestamp.from(tijdstip), gepubliceerd);
    }

    private java.util.List<String> payloads() {
        return jdbc.queryForList("select traceer_id from payload order by traceer_id", String.class);
    }
}
