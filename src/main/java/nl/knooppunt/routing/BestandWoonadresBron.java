package nl.knooppunt.routing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.knooppunt.registry.CsvBestand;

/**
 * Addresses from a CSV file ({@code pseudoniem,soort,gemeente,vorige_gemeente,geldig_van}), for demos and tests. The
 * file is validated on load; without a file the source knows no address.
 */
public class BestandWoonadresBron implements WoonadresBron {

    private static final List<String> KOLOMMEN = List.of("pseudoniem", "soort", "gemeente", "vorige_gemeente", "geldig_van");

    private record Regel(String pseudoniem, Woonadres adres, LocalDate geldigVan) {
    }

    private final List<Regel> regels;

    public BestandWoonadresBron(Path file) {
        this.regels = file == null ? List.of() : read(file);
    }

    @Override
    public Optional<Woonadres> woonadres(String clientPseudoniem, LocalDate peildatum) {
        return regels.stream()
                .filter(r -> r.pseudoniem().equals(clientPseudoniem) && !r.geldigVan().isAfter(peildatum))
                .max(Comparator.comparing(Regel::geldigVan))
                .map(Regel::adres);
    }

    private static List<Regel> read(Path file) {
        List<Regel> result = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (CsvBestand.Rij rij : CsvBestand.lees(file.toString(), in, List.of(KOLOMMEN))) {
                String pseudoniem = rij.verplicht("pseudoniem");
                if (!pseudoniem.matches("[0-9a-f]{32}")) {
                    throw rij.fout("pseudoniem is geen sleutel van 32 hex-tekens");
                }
                Woonadres.Soort soort;
                try {
                    soort = Woonadres.Soort.valueOf(rij.verplicht("soort"));
                } catch (IllegalArgumentException e) {
                    throw rij.fout("soort '" + rij.get("soort") + "' is niet WOONADRES, BRIEFADRES, INSTELLING of RNI");
                }
                String gemeente = soort == Woonadres.Soort.WOONADRES ? rij.gemeentecode("gemeente") : blankToNull(rij.get("gemeente"));
                result.add(new Regel(pseudoniem, new Woonadres(soort, gemeente, blankToNull(rij.get("vorige_gemeente"))),
                        rij.datum("geldig_van", true)));
            }
        } catch (IOException e) {
            throw new IllegalStateException(file + ": kan niet gelezen worden: " + e.getMessage(), e);
        }
        return List.copyOf(result);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
