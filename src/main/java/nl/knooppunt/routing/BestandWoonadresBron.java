package nl.knooppunt.routing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Addresses from a CSV file ({@code pseudoniem,soort,gemeente,vorige_gemeente,geldig_van}), for demos and tests. The
 * file is validated on load; without a file the source knows no address.
 */
public class BestandWoonadresBron implements WoonadresBron {

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
        CsvMapper csv = new CsvMapper();
        try (InputStream in = Files.newInputStream(file);
             JsonParser p = csv.readerFor(Map.class).with(CsvSchema.emptySchema().withHeader()).createParser(in)) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
                int line = p.currentTokenLocation().getLineNr() + 1;
                @SuppressWarnings("unchecked")
                Map<String, String> f = csv.readValue(p, Map.class);
                try {
                    String pseudoniem = f.getOrDefault("pseudoniem", "");
                    if (!pseudoniem.matches("[0-9a-f]{32}")) {
                        throw new IllegalArgumentException("pseudoniem is geen sleutel van 32 hex-tekens");
                    }
                    Woonadres.Soort soort = Woonadres.Soort.valueOf(f.getOrDefault("soort", ""));
                    String gemeente = blankToNull(f.get("gemeente"));
                    if (soort == Woonadres.Soort.WOONADRES && (gemeente == null || !gemeente.matches("[0-9]{4}"))) {
                        throw new IllegalArgumentException("een WOONADRES heeft een gemeentecode van 4 cijfers");
                    }
                    result.add(new Regel(pseudoniem, new Woonadres(soort, gemeente, blankToNull(f.get("vorige_gemeente"))),
                            LocalDate.parse(f.getOrDefault("geldig_van", ""))));
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw new IllegalStateException(file + " regel " + line + ": " + e.getMessage());
                }
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
