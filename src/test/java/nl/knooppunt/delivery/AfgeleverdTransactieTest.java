package nl.knooppunt.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.intake.Bericht;
import nl.knooppunt.intake.IntakeGate;
import nl.knooppunt.intake.Ontvangst;
import nl.knooppunt.intake.soap.SoapIntake;
import nl.knooppunt.routing.Route;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.validation.keten.Inhoud;
import nl.knooppunt.validation.keten.InhoudLezer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

/**
 * The step after the send ({@code deliver-afgeleverd}) writes the status with its audit event, the keten memory and
 * the deadlines in one transaction: when the keten memory cannot be written, the AFGELEVERD status and its audit
 * event are not written either, and the bericht keeps its status (so the error handler or the recovery handles it
 * as a bericht that was not finished).
 */
class AfgeleverdTransactieTest extends SharedHubTest {

    @Autowired
    Delivery delivery;
    @Autowired
    Ontvangst ontvangst;
    @Autowired
    IntakeGate gate;
    @Autowired
    InhoudLezer lezer;

    @Test
    void statusAuditEnKetengeheugenSamenOfNiet() {
        Bericht bericht = ontvangst.ontvang(BerichtBuilder.wmo305().identificatie("TXAF-1").build()
                .getBytes(StandardCharsets.UTF_8), "txaf.xml", SoapIntake.KANAAL);
        gate.check(bericht);
        bericht.besluit(new Route("0599", "gemeente.0599", "0599", "0599", Route.Reason.TOEWIJZING));
        Inhoud inhoud = lezer.lees(bericht.inhoud(), bericht.info().type());
        assertThat(inhoud.regels()).isNotEmpty();
        // start_stop.reden is varchar(2): this keten row fails in the database, after the status update in the same step
        Inhoud kapot = new Inhoud(inhoud.type(), inhoud.afzender(), inhoud.ontvanger(), inhoud.identificatie(),
                inhoud.heenIdentificatie(), inhoud.dagtekening(), inhoud.clientPseudoniem(),
                inhoud.regels().stream().map(r -> new Inhoud.Regel(r.berichtklasse(), r.pad(), r.toewijzingNummer(),
                        r.referentieAanbieder(), r.categorie(), r.code(), r.ingangsdatum(), r.begindatum(),
                        r.einddatum(), r.volume(), r.eenheid(), r.frequentie(), r.budget(), r.redenWijziging(), "999",
                        r.statusAanlevering())).toList(), inhoud.declaratieNummer(), inhoud.prestaties());

        assertThatThrownBy(() -> delivery.afgeleverd(bericht, kapot)).isInstanceOf(DataAccessException.class);

        assertThat(bericht.status()).isEqualTo(Bericht.Status.ONTVANGEN);
        assertThat(status(bericht)).isEqualTo("ONTVANGEN");
        assertThat(events(bericht)).containsExactly("ONTVANGEN");
        assertThat(startStops(bericht)).isZero();

        delivery.afgeleverd(bericht, inhoud);

        assertThat(bericht.status()).isEqualTo(Bericht.Status.AFGELEVERD);
        assertThat(status(bericht)).isEqualTo("AFGELEVERD");
        assertThat(events(bericht)).containsExactly("ONTVANGEN", "AFGELEVERD");
        assertThat(startStops(bericht)).isEqualTo(inhoud.regels().size());
    }

    private String status(Bericht bericht) {
        return jdbc.queryForObject("select status from bericht where traceer_id = ?", String.class, bericht.traceerId());
    }

    private List<String> events(Bericht bericht) {
        return jdbc.queryForList("select event_type from audit_event where traceer_id = ? order by tijdstip",
                String.class, bericht.traceerId());
    }

    private int startStops(Bericht bericht) {
        return jdbc.queryForObject("select count(*) from start_stop where traceer_id = ?", Integer.class,
                bericht.traceerId());
    }
}
