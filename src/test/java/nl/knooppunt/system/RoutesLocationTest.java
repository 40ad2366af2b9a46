package nl.knooppunt.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** Which route files Camel loads: the packaged ones, each replaceable and extendable from knooppunt.routes-dir. */
class RoutesLocationTest {

    private static final List<String> PACKAGED = List.of("audit", "deliver", "error-handling", "intake-sftp", "intake-soap",
            "route", "validate");

    @TempDir
    Path dir;

    @Test
    void packagedRoutesWithoutAnOverrideDir() {
        assertThat(RoutesLocation.routeFiles(null)).containsExactlyInAnyOrderElementsOf(
                PACKAGED.stream().map(n -> "classpath:routes/" + n + ".yaml").toList());
    }

    @Test
    void fileWithTheSameNameReplacesThePackagedOneAndExtraFilesAreAdded() throws IOException {
        Path validate = Files.writeString(dir.resolve("validate.yaml"), "# local validate\n");
        Path extra = Files.writeString(dir.resolve("extra.yaml"), "# extra route\n");

        List<String> files = RoutesLocation.routeFiles(dir);

        assertThat(files).hasSize(PACKAGED.size() + 1)
                .contains("file:" + validate.toAbsolutePath(), "file:" + extra.toAbsolutePath())
                .doesNotContain("classpath:routes/validate.yaml")
                .contains("classpath:routes/audit.yaml", "classpath:routes/deliver.yaml",
                        "classpath:routes/error-handling.yaml", "classpath:routes/intake-soap.yaml",
                        "classpath:routes/route.yaml");
        assertThat(files).filteredOn(f -> f.startsWith("file:")).hasSize(2);
    }

    @Test
    void onlyYamlFilesCount() throws IOException {
        Files.writeString(dir.resolve("validate.yml"), "#");
        Files.writeString(dir.resolve("notes.txt"), "#");
        Files.writeString(dir.resolve("route.yaml.bak"), "#");

        assertThat(RoutesLocation.routeFiles(dir)).allMatch(f -> f.startsWith("classpath:routes/"))
                .hasSize(PACKAGED.size());
    }

    @Test
    void emptyOverrideDirChangesNothing() {
        assertThat(RoutesLocation.routeFiles(dir)).containsExactlyInAnyOrderElementsOf(RoutesLocation.routeFiles(null));
    }

    @Test
    void aFileIsNotADirectory() throws IOException {
        Path file = Files.writeString(dir.resolve("routes.yaml"), "#");

        assertThatThrownBy(() -> RoutesLocation.routeFiles(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("knooppunt.routes-dir")
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("not a directory");
    }

    @Test
    void aMissingDirIsNotADirectory() {
        Path missing = dir.resolve("missing");

        assertThatThrownBy(() -> RoutesLocation.routeFiles(missing))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a directory");
    }

    @Test
    void postProcessorSetsTheIncludePatternFromRoutesDir() throws IOException {
        Files.writeString(dir.resolve("extra.yaml"), "#");
        MockEnvironment env = new MockEnvironment().withProperty("knooppunt.routes-dir", dir.toString());

        new RoutesLocation().postProcessEnvironment(env, null);

        assertThat(env.getProperty(RoutesLocation.PATTERN_KEY).split(","))
                .hasSize(PACKAGED.size() + 1)
                .contains("file:" + dir.resolve("extra.yaml").toAbsolutePath(), "classpath:routes/validate.yaml");
    }

    @Test
    void postProcessorTreatsABlankRoutesDirAsNone() {
        MockEnvironment env = new MockEnvironment().withProperty("knooppunt.routes-dir", "");

        new RoutesLocation().postProcessEnvironment(env, null);

        assertThat(env.getProperty(RoutesLocation.PATTERN_KEY).split(",")).hasSize(PACKAGED.size())
                .allMatch(f -> f.startsWith("classpath:routes/"));
    }

    @Test
    void postProcessorKeepsAnExplicitIncludePattern() {
        MockEnvironment env = new MockEnvironment()
                .withProperty(RoutesLocation.PATTERN_KEY, "classpath:mine/*.yaml")
                .withProperty("knooppunt.routes-dir", dir.toString());

        new RoutesLocation().postProcessEnvironment(env, null);

        assertThat(env.getProperty(RoutesLocation.PATTERN_KEY)).isEqualTo("classpath:mine/*.yaml");
    }
}
