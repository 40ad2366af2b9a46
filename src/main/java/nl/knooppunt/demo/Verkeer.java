package nl.knooppunt.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The demo's traffic plan, from the data file {@code demo/verkeer.yaml}: who sends what to whom, and who answers. */
record Verkeer(List<Aanbieder> aanbieders, List<Gemeente> gemeenten, List<Geval> berichten) {

    static final String BESTAND = "/demo/verkeer.yaml";

    enum Kanaal { soap, sftp }

    record Aanbieder(String agb, Kanaal kanaal) {
    }

    record Gemeente(String code, String naam) {
    }

    /** One demo bericht. {@code fout}: null, {@code bsn} or {@code totaal}. */
    record Geval(String geval, String aanbieder, String bericht, String gemeente, String product, String product2,
                 String reden, String fout) {
    }

    private static final Pattern AGB = Pattern.compile("\\d{8}");
    private static final Pattern CODE = Pattern.compile("\\d{4}");
    private static final Set<String> BERICHTEN = Set.of("315", "305", "307", "323");

    static Verkeer laad() {
        try (InputStream in = Verkeer.class.getResourceAsStream(BESTAND)) {
            Verkeer v = new ObjectMapper(new YAMLFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, Verkeer.class);
            v.check();
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException("demo: " + BESTAND + " is unreadable", e);
        }
    }

    Aanbieder aanbieder(String agb) {
        return aanbieders.stream().filter(a -> a.agb().equals(agb)).findFirst()
                .orElseThrow(() -> new IllegalStateException("demo: unknown aanbieder " + agb));
    }

    List<Aanbieder> viaSftp() {
        return aanbieders.stream().filter(a -> a.kanaal() == Kanaal.sftp).toList();
    }

    private void check() {
        if (aanbieders == null || gemeenten == null || berichten == null || berichten.isEmpty()) {
            throw new IllegalStateException("demo: " + BESTAND + " needs aanbieders, gemeenten and berichten");
        }
        for (Aanbieder a : aanbieders) {
            if (a.agb() == null || !AGB.matcher(a.agb()).matches() || a.kanaal() == null) {
                throw new IllegalStateException("demo: " + BESTAND + ": aanbieder needs 8 digits and a kanaal: " + a);
            }
        }
        for (Geval g : berichten) {
            aanbieder(g.aanbieder());
            if (!BERICHTEN.contains(g.bericht()) || g.gemeente() == null || !CODE.matcher(g.gemeente()).matches()
                    || (!"323".equals(g.bericht()) && g.product() == null)
                    || (g.fout() != null && !Set.of("bsn", "totaal").contains(g.fout()))) {
                throw new IllegalStateException("demo: " + BESTAND + ": bad bericht " + g);
            }
        }
    }
}
