package nl.knooppunt.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.validation.corpus.Corpus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * docs/validation.md is generated from the running hub: every {@link Controle} bean and every control of every
 * {@link Controles} bean, so a rule added at any level joins the table. The test fails when the committed file differs
 * (it prints the expected text and writes it to target/validation.md; run with -Dvalidation.docs.write=true to
 * overwrite docs/validation.md) and when a control has no test that names it.
 */
class ValidationDocTest extends SharedHubTest {

    private static final Path DOC = Path.of("docs/validation.md");

    @Autowired
    ApplicationContext context;

    @Test
    void docsValidationMdIsGeneratedFromTheCode() throws IOException {
        Map<String, Controle> controles = new LinkedHashMap<>();
        context.getBeansOfType(Controle.class).values().forEach(c -> controles.putIfAbsent(c.niveau() + c.id(), c));
        context.getBeansOfType(Controles.class).values()
                .forEach(cat -> cat.controles().forEach(c -> controles.putIfAbsent(c.niveau() + c.id(), c)));
        List<Controle> lijst = new ArrayList<>(controles.values());
        lijst.sort(Comparator.comparingInt(Controle::niveau).thenComparing(Controle::id));
        assertThat(lijst).isNotEmpty();

        StringBuilder md = new StringBuilder();
        md.append("# Validation rules\n\n")
                .append("Generated from the code by `ValidationDocTest` (every `validation.Controle`, also those in a\n")
                .append("`validation.Controles` catalogue); do not edit by hand. Regenerate with\n")
                .append("`mvn -o test -Dtest=ValidationDocTest -Dvalidation.docs.write=true`.\n\n")
                .append("Control levels (iwmo.md §9): 1 XSD (KP codes, no retourbericht, see architecture.md), ")
                .append("2 in-message rules, 3 across berichten, 4 external sources. A level-2 failure rejects the whole ")
                .append("bericht: the sender gets AFGEKEURD with one melding per rule (code = rule id) and a conformant ")
                .append("retourbericht (302/306/308/316/318/320, or a WMO325 for a 323) with retourcode 0001 on its own queue; ")
                .append("the berichtklassen in error carry the rule ids as an XML comment. Levels 3 and 4 are signals by ")
                .append("default (delivery headers, audit event, status API); a gemeente with `beoordeling: afkeuren` ")
                .append("has the hub reject on them with the listed retourcode ([keten.md](keten.md)).\n\n")
                .append("| id | level | retourcode | checks | test |\n|---|---|---|---|---|\n");
        List<String> zonderTest = new ArrayList<>();
        for (Controle c : lijst) {
            String test = test(c.id());
            if (test.isEmpty()) {
                zonderTest.add(c.id());
            }
            md.append("| ").append(c.id()).append(" | ").append(c.niveau()).append(" | ").append(c.retourcode())
                    .append(" | ").append(c.omschrijving().replace("|", "\\|")).append(" | ").append(test).append(" |\n");
        }
        md.append("\n").append(lijst.size()).append(" controls.\n");
        String verwacht = md.toString();

        assertThat(zonderTest).as("controls without a test that names them").isEmpty();
        String huidig = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
        if (!huidig.equals(verwacht)) {
            Files.writeString(Path.of("target/validation.md"), verwacht, StandardCharsets.UTF_8);
            if (Boolean.getBoolean("validation.docs.write")) {
                Files.writeString(DOC, verwacht, StandardCharsets.UTF_8);
            } else {
                System.out.println(verwacht);
            }
        }
        assertThat(huidig).as("docs/validation.md is stale; the expected text is in target/validation.md").isEqualTo(verwacht);
    }

    /** The corpus files that expect this id; else the test classes that name it (in a string or a test name). */
    private static String test(String id) throws IOException {
        List<String> corpus = Corpus.gevallen().stream().filter(g -> g.verwacht().contains(id))
                .map(g -> "`corpus/" + g.bestand() + "`").toList();
        if (!corpus.isEmpty()) {
            return String.join(", ", corpus);
        }
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            return files.filter(f -> f.toString().endsWith(".java")).filter(f -> noemt(f, id))
                    .map(f -> "`" + f.getFileName().toString().replace(".java", "") + "`")
                    .collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining(", "));
        }
    }

    private static boolean noemt(Path file, String id) {
        try {
            return !file.getFileName().toString().equals("ValidationDocTest.java")
                    && java.util.regex.Pattern.compile("(?i)(?<![a-z])" + id + "(?![0-9])")
                            .matcher(Files.readString(file, StandardCharsets.UTF_8)).find();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
