package nl.knooppunt.registry;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;

/**
 * Reads the registry files: the shipped defaults ({@code classpath:registry/}), each replaced by a file of the same
 * name in the registry dir. Every file is validated; an error names the file and the line.
 */
public final class RegistryLoader {

    static final String GEMEENTEN = "gemeenten.csv";
    static final String AANBIEDERS = "aanbieders.yaml";

    private final Path registryDir;

    public RegistryLoader(Path registryDir) {
        this.registryDir = registryDir;
    }

    public Registry load() {
        return new Registry(gemeenten(), aanbieders());
    }

    private Map<String, Gemeente> gemeenten() {
        Map<String, Gemeente> result = new LinkedHashMap<>();
        String file = describe(GEMEENTEN);
        CsvMapper csv = new CsvMapper();
        try (JsonParser p = csv.readerFor(Map.class).with(CsvSchema.emptySchema().withHeader())
                .createParser(open(GEMEENTEN))) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
                if (result.isEmpty() && !List.of("code", "naam", "provincie")
                        .equals(((CsvSchema) p.getSchema()).getColumnNames())) {
                    throw new RegistryException(file, 1, "kopregel moet 'code,naam,provincie' zijn");
                }
                // the CSV parser places a row's START_OBJECT at the end of the line before it
                int nr = p.currentTokenLocation().getLineNr() + 1;
                Map<String, String> f = row(csv, p, file, nr);
                if (f.values().stream().allMatch(v -> v == null || v.isBlank())) {
                    continue; // a blank line
                }
                String code = f.getOrDefault("code", "").strip();
                if (!code.matches("[0-9]{4}")) {
                    throw new RegistryException(file, nr, "gemeentecode '" + code + "' is geen 4 cijfers");
                }
                if (f.getOrDefault("naam", "").isBlank()) {
                    throw new RegistryException(file, nr, "naam ontbreekt");
                }
                if (result.put(code, new Gemeente(code, f.get("naam").strip(), f.getOrDefault("provincie", "").strip())) != null) {
                    throw new RegistryException(file, nr, "gemeentecode " + code + " staat er twee keer in");
                }
            }
        } catch (IOException e) {
            throw new RegistryException(file, "kan niet gelezen worden: " + e.getMessage(), e);
        }
        if (result.isEmpty()) {
            throw new RegistryException(file, 0, "bevat geen gemeenten");
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> row(CsvMapper csv, JsonParser p, String file, int nr) {
        try {
            return csv.readValue(p, Map.class);
        } catch (IOException | RuntimeException e) {
            throw new RegistryException(file, nr, "onleesbare regel: " + e.getMessage());
        }
    }

    record AanbiederEntry(String agb, String naam) {
    }

    private Map<String, Aanbieder> aanbieders() {
        Map<String, Aanbieder> result = new LinkedHashMap<>();
        String file = describe(AANBIEDERS);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (JsonParser p = yaml.createParser(open(AANBIEDERS))) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return result;
            }
            if (first != JsonToken.START_ARRAY) {
                throw new RegistryException(file, p.currentTokenLocation().getLineNr(), "verwacht een lijst van aanbieders");
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                int nr = p.currentTokenLocation().getLineNr();
                AanbiederEntry e;
                try {
                    e = yaml.readValue(p, AanbiederEntry.class);
                } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                    throw new RegistryException(file, nr, "onleesbare aanbieder: " + ex.getOriginalMessage());
                }
                if (e.agb() == null || !e.agb().matches("[0-9]{8}")) {
                    throw new RegistryException(file, nr, "agb '" + e.agb() + "' is geen AGB-code van 8 cijfers");
                }
                if (e.naam() == null || e.naam().isBlank()) {
                    throw new RegistryException(file, nr, "naam ontbreekt voor agb " + e.agb());
                }
                if (result.put(e.agb(), new Aanbieder(e.agb(), e.naam().strip())) != null) {
                    throw new RegistryException(file, nr, "agb " + e.agb() + " staat er twee keer in");
                }
            }
        } catch (IOException e) {
            throw new RegistryException(file, "kan niet gelezen worden: " + e.getMessage(), e);
        }
        return result;
    }

    private String describe(String name) {
        Path override = override(name);
        return override != null ? override.toString() : "classpath:registry/" + name;
    }

    private Path override(String name) {
        if (registryDir == null) {
            return null;
        }
        Path p = registryDir.resolve(name);
        return Files.isRegularFile(p) ? p : null;
    }

    private InputStream open(String name) throws IOException {
        Path override = override(name);
        return override != null ? Files.newInputStream(override) : new ClassPathResource("registry/" + name).getInputStream();
    }
}
