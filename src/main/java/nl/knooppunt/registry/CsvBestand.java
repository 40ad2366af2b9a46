package nl.knooppunt.registry;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A data file in CSV with a header line (the registry's, the demo woonadressen), read into rows that keep their physical line number (a quoted line break
 * counts). Blank lines are skipped. Every problem is a {@link RegistryException} naming the file and the line.
 */
public final class CsvBestand {

    /** One data row: its physical line number and its fields by column name (never null, stripped). */
    public record Rij(String file, int regel, List<String> kolommen, Map<String, String> velden) {

        public String get(String kolom) {
            String v = velden.get(kolom);
            return v == null ? "" : v.strip();
        }

        public RegistryException fout(String probleem) {
            return new RegistryException(file, regel, probleem);
        }

        /** A required gemeentecode of 4 digits. */
        public String gemeentecode(String kolom) {
            String code = get(kolom);
            if (!code.matches("[0-9]{4}")) {
                throw fout(kolom + " '" + code + "' is geen gemeentecode van 4 cijfers");
            }
            return code;
        }

        public String verplicht(String kolom) {
            String v = get(kolom);
            if (v.isEmpty()) {
                throw fout(kolom + " ontbreekt");
            }
            return v;
        }

        /** An ISO date (JJJJ-MM-DD), or null when the field is empty and {@code verplicht} is false. */
        public LocalDate datum(String kolom, boolean verplicht) {
            String v = get(kolom);
            if (v.isEmpty()) {
                if (verplicht) {
                    throw fout(kolom + " ontbreekt");
                }
                return null;
            }
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw fout(kolom + " '" + v + "' is geen datum (JJJJ-MM-DD)");
            }
        }
    }

    private CsvBestand() {
    }

    /** The next token; reading the header of an empty file fails in the parser itself. */
    private static JsonToken eerste(JsonParser p, boolean kopGecontroleerd, String file, String kopMelding)
            throws IOException {
        if (kopGecontroleerd) {
            return p.nextToken();
        }
        try {
            return p.nextToken();
        } catch (IOException | RuntimeException e) {
            throw new RegistryException(file, 1, kopMelding + " (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    /**
     * Reads all data rows. The header must be exactly one of {@code kopregels}; every row must have all its columns
     * (too many is an error as well).
     */
    @SuppressWarnings("unchecked")
    public static List<Rij> lees(String file, InputStream in, List<List<String>> kopregels) {
        List<Rij> rijen = new ArrayList<>();
        CsvMapper csv = new CsvMapper();
        try (in; JsonParser p = csv.readerFor(Map.class).with(CsvSchema.emptySchema().withHeader()).createParser(in)) {
            String kopMelding = "kopregel moet " + kopregels.stream().map(k -> "'" + String.join(",", k) + "'")
                    .reduce((a, b) -> a + " of " + b).orElseThrow() + " zijn";
            boolean kopGecontroleerd = false;
            JsonToken token;
            while ((token = eerste(p, kopGecontroleerd, file, kopMelding)) == JsonToken.START_OBJECT || !kopGecontroleerd) {
                List<String> kolommen = p.getSchema() == null ? List.of()
                        : ((CsvSchema) p.getSchema()).getColumnNames();
                if (!kopGecontroleerd) {
                    if (!kopregels.contains(kolommen)) {
                        throw new RegistryException(file, 1, kopMelding);
                    }
                    kopGecontroleerd = true;
                    if (token != JsonToken.START_OBJECT) {
                        break;
                    }
                }
                // the CSV parser places a row's START_OBJECT at the end of the line before it
                int nr = p.currentTokenLocation().getLineNr() + 1;
                Map<String, String> velden;
                try {
                    velden = csv.readValue(p, Map.class);
                } catch (IOException | RuntimeException e) {
                    throw new RegistryException(file, nr, "onleesbare regel: " + e.getMessage());
                }
                if (velden.values().stream().allMatch(v -> v == null || v.isBlank())) {
                    continue; // a blank line
                }
                if (velden.size() < kolommen.size()) {
                    throw new RegistryException(file, nr, "te weinig kolommen: verwacht " + kolommen.size() + " ("
                            + String.join(",", kolommen) + "), gevonden " + velden.size());
                }
                rijen.add(new Rij(file, nr, kolommen, velden));
            }
        } catch (IOException e) {
            throw new RegistryException(file, "kan niet gelezen worden: " + e.getMessage(), e);
        }
        return rijen;
    }
}
