package nl.knooppunt.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.xml.ws.WebServiceException;
import java.time.LocalDate;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;
import org.apache.cxf.binding.soap.SoapFault;
import org.junit.jupiter.api.Test;

/**
 * Persisting an audit event and accepting a bericht succeed or fail together: when the audit insert fails, the
 * bericht is not accepted, not delivered, and the sender is told to offer it again.
 */
class AuditTogetherTest extends SharedHubTest {

    /** A ToewijzingNummer only this test uses; a check constraint makes every audit row that mentions it fail. */
    private static final long NUMMER = 999_990_017L;

    @Test
    void anAuditInsertThatFailsMeansTheBerichtIsNotAccepted() {
        jdbc.execute("alter table audit_event add constraint audit_test_faalt check (inhoud not like '%\"toewijzingNummer\":"
                + NUMMER + "%')");
        try {
            String xml = BerichtBuilder.wmo323().identificatie("AUDITFAAL1").declaratieNummer("AUDITFAAL1")
                    .toewijzingNummer(NUMMER).bsn(TestBsn.nth(60)).bsn2(TestBsn.nth(61))
                    .dagtekening(LocalDate.of(2026, 10, 5)).build();

            java.sql.Timestamp start = new java.sql.Timestamp(System.currentTimeMillis() - 1);
            assertThatThrownBy(() -> send(xml))
                    .isInstanceOf(WebServiceException.class)
                    .hasRootCauseInstanceOf(SoapFault.class)
                    .rootCause().hasMessageContaining("Bied het later opnieuw aan");

            // the identificatie is written with the status change that rolled back: find the bericht by its arrival
            String traceerId = jdbc.queryForObject("select traceer_id from bericht where ontvangen_op >= ?",
                    String.class, start);
            assertThat(jdbc.queryForObject("select status from bericht where traceer_id = ?", String.class, traceerId))
                    .as("the status change rolled back with its audit row").isEqualTo("ONTVANGEN");
            assertThat(jdbc.queryForList("select event_type from audit_event where traceer_id = ?", String.class,
                    traceerId)).containsExactly("ONTVANGEN");
            assertThat(jdbc.queryForObject("select count(*) from rapport_feit where traceer_id = ?", Integer.class,
                    traceerId)).isZero();
            assertThat(receive("gemeente.0599", traceerId, 1000)).as("nothing delivered").isNull();
        } finally {
            jdbc.execute("alter table audit_event drop constraint audit_test_faalt");
        }
    }
}
