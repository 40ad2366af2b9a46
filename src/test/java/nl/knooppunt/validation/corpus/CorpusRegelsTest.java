package nl.knooppunt.validation.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.knooppunt.intake.BerichtType;
import nl.knooppunt.testdata.TestBsn;
import nl.knooppunt.validation.Bevinding;
import nl.knooppunt.validation.XsdValidator;
import nl.knooppunt.validation.regels.Inhoudcontrole;
import nl.knooppunt.validation.regels.Regel;
import nl.knooppunt.validation.retour.Retour;
import nl.knooppunt.validation.retour.Retourbouwer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole corpus through the rules and the retour writer, in plain Java (milliseconds): every invalid file raises
 * exactly its expected rule ids, every valid file none, and every retour is valid against our retour XSD.
 */
class CorpusRegelsTest {

    private static final Inhoudcontrole CONTROLE = new Inhoudcontrole();
    private static final XsdValidator XSD = new XsdValidator();
    private static final Retourbouwer BOUWER = new Retourbouwer();

    static Stream<Corpus.Geval> gevallen() {
        return Corpus.gevallen().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gevallen")
    void corpusGevalGeeftPreciesDeVerwachteRegels(Corpus.Geval geval) {
        byte[] bytes = geval.xml().getBytes(StandardCharsets.UTF_8);
        BerichtType type = BerichtType.valueOf(geval.type());
        XSD.validate(bytes, type);
        List<Bevinding> bevindingen = CONTROLE.controleer(bytes, type);
        Set<String> regels = bevindingen.stream().map(Bevinding::regel).collect(Collectors.toCollection(TreeSet::new));
        Set<String> verwacht = new TreeSet<>(geval.verwacht());
        assertThat(regels).as(geval.bestand()).isEqualTo(verwacht);
        if (!geval.geldig()) {
            Retour retour = BOUWER.bouw(bytes, type, bevindingen, "KP0123456789", LocalDate.of(2026, 11, 3));
            XSD.validate(retour.inhoud(), retour.type());
            assertThat(retour.retourcodes()).startsWith("0001");
            String xml = new String(retour.inhoud(), StandardCharsets.UTF_8);
            geval.verwacht().forEach(regel -> assertThat(xml).contains(" " + regel + " "));
            assertThat(xml).doesNotContain("\uFEFF").contains("\r\n");
        }
        // a finding never carries a value of the bericht
        bevindingen.forEach(b -> assertThat(b.toString()).doesNotContainPattern("[0-9]{9}").doesNotContain("Jansen"));
    }

    @Test
    void elkeRegelHeeftEenOngeldigCorpusbestandEnErZijnMinstensVeertig() {
        Set<String> gedekt = Corpus.gevallen().stream().flatMap(g -> g.verwacht().stream()).collect(Collectors.toSet());
        List<String> regels = CONTROLE.controles().stream().map(Regel::id).toList();
        assertThat(regels).hasSizeGreaterThanOrEqualTo(40).doesNotHaveDuplicates();
        assertThat(gedekt).containsExactlyInAnyOrderElementsOf(regels);
        CONTROLE.controles().forEach(r -> {
            assertThat(r.niveau()).isEqualTo(2);
            assertThat(r.retourcode()).isEqualTo("0001");
            assertThat(r.id()).matches("(TR|CS|CD|RS)[0-9]{3}");
        });
    }

    @Test
    void committedCorpusIsWhatTheGeneratorMakes() throws Exception {
        Set<String> verwacht = new TreeSet<>();
        for (Corpus.Geval geval : Corpus.gevallen()) {
            Path file = Corpus.DIR.resolve(geval.bestand());
            verwacht.add(geval.bestand());
            assertThat(file).as("run Corpus.main to regenerate").exists();
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(geval.bestand()).isEqualTo(geval.xml());
        }
        try (Stream<Path> files = Files.walk(Corpus.DIR)) {
            Set<String> gevonden = files.filter(Files::isRegularFile)
                    .map(f -> Corpus.DIR.relativize(f).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(gevonden).isEqualTo(verwacht);
        }
    }

    @Test
    void corpusBevatAlleenTestBsns() {
        Corpus.gevallen().forEach(g -> java.util.regex.Pattern.compile("Bsn>([0-9]+)<").matcher(g.xml()).results()
                .map(m -> m.group(1)).forEach(bsn -> assertThat(bsn).as(g.bestand()).startsWith("99999")));
        assertThat(TestBsn.isValid(Corpus.ongeldig(TestBsn.nth(0)))).isFalse();
    }
}
