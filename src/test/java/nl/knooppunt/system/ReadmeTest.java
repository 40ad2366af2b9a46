package nl.knooppunt.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README stays true: its two commands are the ones CI and a newcomer use, and what it links to exists. */
class ReadmeTest {

    private final String readme = read(Path.of("README.md"));

    @Test
    void namesExactlyTheRunAndTestCommands() {
        List<String> commands = new ArrayList<>();
        Matcher m = Pattern.compile("```bash\\n(mvn [^\\n]+)\\n```").matcher(readme);
        while (m.find()) {
            commands.add(m.group(1).strip());
        }
        assertThat(commands).containsExactly("mvn spring-boot:run", "mvn verify");
        assertThat(read(Path.of(".ci/run"))).contains("mvn -B verify");
    }

    @Test
    void everyLinkedFileExists() {
        Matcher m = Pattern.compile("\\]\\(([^)#]+)\\)").matcher(readme);
        int links = 0;
        while (m.find()) {
            String target = m.group(1);
            if (!target.startsWith("http")) {
                links++;
                assertThat(Path.of(target)).as("README links to %s", target).exists();
            }
        }
        assertThat(links).isGreaterThanOrEqualTo(4);
    }

    @Test
    void everyExampleItMentionsExists() {
        Matcher m = Pattern.compile("examples/[\\w.-]+\\.xml").matcher(readme);
        while (m.find()) {
            assertThat(Path.of(m.group())).exists();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
