package nl.knooppunt.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void anIdIsAVersion7UuidWhoseStringSortsAsItsTime() {
        UUID vroeg = Ids.nieuw(1_700_000_000_000L);
        UUID laat = Ids.nieuw(1_700_000_000_001L);

        assertThat(vroeg.version()).isEqualTo(7);
        assertThat(vroeg.variant()).isEqualTo(2);
        assertThat(vroeg.getMostSignificantBits() >>> 16).isEqualTo(1_700_000_000_000L);
        assertThat(vroeg.toString()).isLessThan(laat.toString()).matches("[0-9a-f-]{36}");
        assertThat(UUID.fromString(Ids.nieuw())).isNotNull();
    }

    @Test
    void idsOfTheSameMillisecondDiffer() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(Ids.nieuw(1_700_000_000_000L));
        }
        assertThat(ids).hasSize(10_000);
    }
}
