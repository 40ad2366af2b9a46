package nl.knooppunt.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.intake.soap.api.Status;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The invalid examples are what the generator makes, are listed in examples/README.md, and fail as documented. */
class OngeldigeVoorbeeldenTest extends SharedHubTest {

    static Stream<OngeldigeVoorbeelden.Voorbeeld> voorbeelden() {
        return OngeldigeVoorbeelden.voorbeelden().stream();
    }

    @Test
    void committedFilesAreExactlyTheGeneratedOnes() throws IOException {
        try (Stream<Path> files = Files.list(OngeldigeVoorbeelden.DIR)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("regenerate with OngeldigeVoorbeelden.main")
                    .containsExactlyInAnyOrderElementsOf(voorbeelden().map(OngeldigeVoorbeelden.Voorbeeld::bestand).toList());
        }
        for (OngeldigeVoorbeelden.Voorbeeld v : OngeldigeVoorbeelden.voorbeelden()) {
            assertThat(Files.readString(OngeldigeVoorbeelden.DIR.resolve(v.bestand()), StandardCharsets.UTF_8))
                    .as("%s: regenerate with OngeldigeVoorbeelden.main", v.bestand()).isEqualTo(v.xml());
        }
    }

    @Test
    void theIndexListsEveryExampleWithItsCode() throws IOException {
        String index = Files.readString(Path.of("examples/README.md"));
        for (OngeldigeVoorbeelden.Voorbeeld v : OngeldigeVoorbeelden.voorbeelden()) {
            assertThat(index).contains("[" + v.bestand() + "](ongeldig/" + v.bestand() + ")");
            assertThat(index.lines().filter(l -> l.startsWith("| [" + v.bestand() + "]")))
                    .singleElement().asString().contains("`" + v.code() + "`");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("voorbeelden")
    void theHubRejectsItWithTheDocumentedCode(OngeldigeVoorbeelden.Voorbeeld v) throws IOException {
        VerstuurBerichtAntwoord antwoord = send(Files.readAllBytes(OngeldigeVoorbeelden.DIR.resolve(v.bestand())));
        List<String> codes = antwoord.getMeldingen().stream().map(m -> m.getCode()).toList();
        assertThat(antwoord.getStatus()).as("%s %s", v.bestand(), codes).isEqualTo(Status.AFGEKEURD);
        assertThat(codes).as(v.bestand()).isNotEmpty().containsOnly(v.code());
    }
}
