package nl.knooppunt.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.knooppunt.intake.Bericht;
import nl.knooppunt.intake.BerichtInfo;
import nl.knooppunt.intake.BerichtType;
import org.junit.jupiter.api.Test;

/** Anti-spoofing: an authenticated channel carries only berichten with the caller as Afzender. */
class AfzendercontroleTest {

    private final Afzendercontrole controle = new Afzendercontrole();

    @Test
    void theAuthenticatedParticipantAsAfzenderPasses() {
        assertThatCode(() -> controle.check(bericht("42420001", "42420001"))).doesNotThrowAnyException();
    }

    @Test
    void anUnauthenticatedChannelIsNotChecked() {
        assertThatCode(() -> controle.check(bericht(null, "42420001"))).doesNotThrowAnyException();
    }

    @Test
    void anotherAfzenderIsRefusedWithKp008() {
        assertThatThrownBy(() -> controle.check(bericht("42420002", "42420001")))
                .isInstanceOfSatisfying(AfkeurException.class, e -> {
                    assertThat(e.meldingen()).extracting(Melding::code).containsExactly("KP008");
                    assertThat(e.meldingen().get(0).omschrijving()).contains("42420002").contains("42420001");
                    assertThat(e.parkeren()).isFalse();
                });
    }

    private static Bericht bericht(String deelnemer, String afzender) {
        Bericht bericht = new Bericht("t-1", "SFTP", null, Instant.now(), new byte[0], deelnemer);
        bericht.info(new BerichtInfo(BerichtType.WMO315, "428", afzender, "0599", "ID-1", "2026-01-05", Set.of("04"),
                null, 1, List.of(), List.of(), null));
        return bericht;
    }
}
