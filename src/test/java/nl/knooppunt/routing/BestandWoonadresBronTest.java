package nl.knooppunt.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import nl.knooppunt.registry.RegistryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BestandWoonadresBronTest {

    static final String A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    static final String HEADER = "pseudoniem,soort,gemeente,vorige_gemeente,geldig_van";

    @TempDir
    Path dir;

    Path file(String... lines) throws IOException {
        return Files.writeString(dir.resolve("woonadressen.csv"), HEADER + "\n" + String.join("\n", lines) + "\n");
    }

    @Test
    void theAddressValidOnTheDateWins() throws IOException {
        WoonadresBron bron = new BestandWoonadresBron(file(
                A + ",WOONADRES,0599,,2020-01-01",
                A + ",BRIEFADRES,,,2026-06-01"));

        assertThat(bron.woonadres(A, LocalDate.of(2026, 1, 1))).contains(new Woonadres(Woonadres.Soort.WOONADRES, "0599", null));
        assertThat(bron.woonadres(A, LocalDate.of(2026, 7, 1)).get().soort()).isEqualTo(Woonadres.Soort.BRIEFADRES);
        assertThat(bron.woonadres(A, LocalDate.of(2019, 1, 1))).isEmpty();
        assertThat(bron.woonadres("b".repeat(32), LocalDate.of(2026, 1, 1))).isEmpty();
    }

    @Test
    void withoutAFileNoAddressIsKnown() {
        assertThat(new BestandWoonadresBron(null).woonadres(A, LocalDate.now())).isEmpty();
    }

    @Test
    void aBsnInsteadOfAPseudonymIsRefusedWithFileAndLine() throws IOException {
        Path f = file(A + ",WOONADRES,0599,,2020-01-01", "999990019,WOONADRES,0599,,2020-01-01");
        assertThatThrownBy(() -> new BestandWoonadresBron(f)).isInstanceOf(RegistryException.class)
                .hasMessageStartingWith(f + " regel 3: ").hasMessageContaining("pseudoniem");
    }

    @Test
    void anUnknownSoortOrAWoonadresWithoutGemeenteIsRefused() throws IOException {
        Path soort = file(A + ",HUIS,0599,,2020-01-01");
        assertThatThrownBy(() -> new BestandWoonadresBron(soort)).hasMessageContaining("regel 2").hasMessageContaining("HUIS");
        Path gemeente = file(A + ",WOONADRES,,,2020-01-01");
        assertThatThrownBy(() -> new BestandWoonadresBron(gemeente)).hasMessageContaining("regel 2").hasMessageContaining("gemeente");
    }
}
