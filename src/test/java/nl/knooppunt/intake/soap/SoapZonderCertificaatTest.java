package nl.knooppunt.intake.soap;

import static org.assertj.core.api.Assertions.assertThat;

import nl.knooppunt.SharedHubTest;
import nl.knooppunt.intake.soap.api.BevestigOntvangst;
import nl.knooppunt.intake.soap.api.HaalBerichtenOp;
import nl.knooppunt.intake.soap.api.HaalBerichtenOpAntwoord;
import nl.knooppunt.intake.soap.api.StatusOpvragen;
import nl.knooppunt.intake.soap.api.StatusOpvragenAntwoord;
import nl.knooppunt.intake.soap.api.Status;
import nl.knooppunt.testdata.BerichtBuilder;
import org.junit.jupiter.api.Test;

/**
 * The development setting (knooppunt.soap.zonder-certificaat on loopback, the embedded default): berichten can be
 * sent over plain HTTP, but a caller without a certificate is nobody, so it gets no mailbox and no status.
 */
class SoapZonderCertificaatTest extends SharedHubTest {

    @Test
    void withoutCertificateNoMailboxAndNoStatus() {
        String traceerId = send(BerichtBuilder.wmo301().gemeente("0599").aanbieder("42420001")
                .identificatie(SoapIntakeTestIds.next()).toewijzingNummer(SoapIntakeTestIds.nummer()).build()).getTraceerId();
        assertThat(jdbc.queryForObject("select status from bericht where traceer_id = ?", String.class, traceerId))
                .isEqualTo("AFGELEVERD");

        HaalBerichtenOpAntwoord opgehaald = soapClient().haalBerichtenOp(new HaalBerichtenOp());
        assertThat(opgehaald.getBericht()).isEmpty();
        assertThat(opgehaald.getMeldingen()).singleElement().satisfies(m -> assertThat(m.getCode()).isEqualTo("KP032"));

        BevestigOntvangst bevestig = new BevestigOntvangst();
        bevestig.getTraceerId().add(traceerId);
        assertThat(soapClient().bevestigOntvangst(bevestig).getMeldingen())
                .singleElement().satisfies(m -> assertThat(m.getCode()).isEqualTo("KP032"));
        assertThat(receive("aanbieder.42420001", traceerId)).as("still on the queue").isNotNull();

        StatusOpvragen vraag = new StatusOpvragen();
        vraag.setTraceerId(traceerId);
        StatusOpvragenAntwoord status = soapClient().statusOpvragen(vraag);
        assertThat(status.getStatus()).isEqualTo("ONBEKEND");
        assertThat(status.getMeldingen()).singleElement().satisfies(m -> assertThat(m.getCode()).isEqualTo("KP032"));
    }

    @Test
    void verstuurBerichtStillWorksWithoutCertificate() {
        assertThat(send(BerichtBuilder.wmo315().gemeente("0599").aanbieder("42420001")
                .identificatie(SoapIntakeTestIds.next()).build()).getStatus()).isEqualTo(Status.GEACCEPTEERD);
    }

    /** Unique ids, so these berichten never collide with another test's toewijzing. */
    static final class SoapIntakeTestIds {
        private static final java.util.concurrent.atomic.AtomicLong NUMMERS = new java.util.concurrent.atomic.AtomicLong(950_000);

        static String next() {
            return "Z" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 11);
        }

        static long nummer() {
            return NUMMERS.incrementAndGet();
        }
    }
}
