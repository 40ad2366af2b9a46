package nl.knooppunt.validation.keten;

import static nl.knooppunt.validation.keten.KetenTestdata.context;
import static nl.knooppunt.validation.keten.KetenTestdata.lees;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;
import nl.knooppunt.validation.Bevinding;
import nl.knooppunt.validation.keten.KetenGeheugen.StartStop;
import nl.knooppunt.validation.keten.KetenGeheugen.ToegewezenProduct;
import org.junit.jupiter.api.Test;

/** TR019, TR074, TR326 on starts and stops; TR332 on a toewijzing. The builder's dagtekening is 2026-11-02. */
class RegieregelsTest {

    private static final String START = "/Client[1]/StartProducten/StartProduct[1]";
    private static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 1);

    private final Inhoud start = lees(BerichtBuilder.wmo305());
    private final Inhoud stop = lees(BerichtBuilder.wmo307());

    private static GeheugenInMemory metToewijzing() {
        return new GeheugenInMemory().toewijzing(new ToegewezenProduct("0599", 12345, "42420001", null, "02", "02A01",
                NOVEMBER, null, 3L, "04", "2", null, null));
    }

    @Test
    void tr019StartZonderBekendeToewijzing() {
        assertThat(new Regieregels.Tr019().controleer(start, context(metToewijzing()))).isEmpty();
        assertThat(new Regieregels.Tr019().controleer(start, context(new GeheugenInMemory())))
                .extracting(Bevinding::regel, Bevinding::retourcode, Bevinding::berichtklasse, Bevinding::pad)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("TR019", "9019", "StartProduct", START));
        assertThat(new Regieregels.Tr019().controleer(stop, context(new GeheugenInMemory()))).hasSize(1);
    }

    @Test
    void tr074DezelfdeStartTweeKeer() {
        GeheugenInMemory geheugen = metToewijzing();
        assertThat(new Regieregels.Tr074().controleer(start, context(geheugen))).isEmpty();
        geheugen.startStop("0599", 12345, new StartStop(StartStop.Soort.START, start.regels().get(0).begindatum(),
                null, null, "t-1"));
        assertThat(new Regieregels.Tr074().controleer(start, context(geheugen))).extracting(Bevinding::retourcode)
                .containsExactly("9074");
    }

    @Test
    void tr326NieuweStartTerwijlDeVorigeNietIsGestopt() {
        GeheugenInMemory geheugen = metToewijzing().startStop("0599", 12345,
                new StartStop(StartStop.Soort.START, NOVEMBER.minusMonths(3), null, null, "t-1"));
        assertThat(new Regieregels.Tr326().controleer(start, context(geheugen))).extracting(Bevinding::retourcode)
                .containsExactly("9326");
        geheugen.startStop("0599", 12345, new StartStop(StartStop.Soort.STOP, NOVEMBER.minusMonths(3),
                NOVEMBER.minusMonths(1), "19", "t-2"));
        assertThat(new Regieregels.Tr326().controleer(start, context(geheugen))).isEmpty();
    }

    @Test
    void tr332ToewijzingNummerVanEenAndereClient() {
        Inhoud toewijzing = lees(BerichtBuilder.wmo301());
        GeheugenInMemory zelfde = new GeheugenInMemory().toewijzing(new ToegewezenProduct("0599", 12345, "42420001",
                toewijzing.clientPseudoniem(), "02", "02A01", NOVEMBER, null, 3L, "04", "2", null, null));
        assertThat(new Regieregels.Tr332().controleer(toewijzing, context(zelfde))).isEmpty();

        Inhoud andereClient = lees(BerichtBuilder.wmo301().bsn(TestBsn.nth(7)));
        assertThat(new Regieregels.Tr332().controleer(andereClient, context(zelfde)))
                .extracting(Bevinding::retourcode, Bevinding::pad)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("9332", "/Client[1]/ToegewezenProducten/ToegewezenProduct[1]"));
    }
}
