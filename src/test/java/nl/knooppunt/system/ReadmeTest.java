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

/**
 * The README stays true: its two commands are the ones CI and a newcomer use and they exist (the Maven goals, the
 * profile), the scripts it shows are executable, and what it links to exists.
 */
class ReadmeTest {

    private final String readme = read(Path.of("README.md"));

    @Test
    void namesExactlyTheRunAndTestCommands() {
        List<String> commands = new ArrayList<>();
        Matcher m = Pattern.compile("```bash\\n(mvn [^\\n]+)\\n```").matcher(readme);
        while (m.find()) {
            commands.add(m.group(1).strip());
        }
        assertThat(commands).containsExactly("mvn spring-boot:run -Dspring-boot.run.profiles=demo", "mvn verify");
        assertThat(read(Path.of(".ci/run"))).contains("mvn -B verify");
    }

    @Test
    void theRunCommandsGoalAndProfileExist() {
        assertThat(read(Path.of("pom.xml"))).as("spring-boot:run needs the plugin")
                .contains("<artifactId>spring-boot-maven-plugin</artifactId>");
        Matcher m = Pattern.compile("-Dspring-boot\\.run\\.profiles=([\\w,-]+)").matcher(readme);
        int profiles = 0;
        while (m.find()) {
            for (String profile : m.group(1).split(",")) {
                profiles++;
                assertThat(Path.of("src/main/resources/application-" + profile + ".yml")).as("profile %s", profile)
                        .isRegularFile();
            }
        }
        assertThat(profiles).isPositive();
    }

    @Test
    void everyScriptItShowsIsExecutable() {
        Matcher m = Pattern.compile("(?m)^(examples/[\\w.-]+\\.sh)\\b").matcher(readme);
        int scripts = 0;
        while (m.find()) {
            scripts++;
            assertThat(Files.isExecutable(Path.of(m.group(1)))).as("%s is executable", m.group(1)).isTrue();
        }
        assertThat(scripts).isPositive();
    }

    @Test
    void everyLinkedFileExists() {
        Matcher m = Pattern.compile("\\]\\(([^)#]+)\\)").matcher(readme);
        List<String> links = new ArrayList<>();
        while (m.find()) {
            if (!m.group(1).startsWith("http")) {
                links.add(m.group(1));
            }
        }
        assertThat(links).hasSizeGreaterThanOrEqualTo(4);
        assertThat(links.stream().filter(l -> !Files.exists(Path.of(l))).distinct().toList())
                .as("files the README links to but that do not exist").isEmpty();
    }

    @Test
    void everyExampleItMentionsExists() {
        Matcher m = Pattern.compile("examples/[\\w./-]+\\.xml").matcher(readme);
        List<String> missing = new ArrayList<>();
        while (m.find()) {
            if (!Files.isRegularFile(Path.of(m.group()))) {
                missing.add(m.group());
            }
        }
        assertThat(missing).as("examples the README mentions but that do not exist").isEmpty();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
