package nl.knooppunt.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Tells Camel which route files to load. The routes ship in the jar ({@code classpath:routes/*.yaml}); a file with the
 * same name in {@code knooppunt.routes-dir} replaces the packaged one, and extra files there are added.
 */
public class RoutesLocation implements EnvironmentPostProcessor {

    static final String PATTERN_KEY = "camel.main.routes-include-pattern";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (env.containsProperty(PATTERN_KEY)) {
            return;
        }
        String dir = env.getProperty("knooppunt.routes-dir");
        env.getPropertySources().addFirst(new MapPropertySource("knooppunt-routes",
                Map.of(PATTERN_KEY, String.join(",", routeFiles(dir == null || dir.isBlank() ? null : Path.of(dir))))));
    }

    static List<String> routeFiles(Path overrideDir) {
        Map<String, String> byName = new LinkedHashMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath:routes/*.yaml")) {
                byName.put(r.getFilename(), "classpath:routes/" + r.getFilename());
            }
            if (overrideDir != null) {
                if (!Files.isDirectory(overrideDir)) {
                    throw new IllegalStateException("knooppunt.routes-dir " + overrideDir.toAbsolutePath() + " is not a directory");
                }
                try (Stream<Path> files = Files.list(overrideDir)) {
                    files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().forEach(p ->
                            byName.put(p.getFileName().toString(), "file:" + p.toAbsolutePath()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list route files", e);
        }
        return new ArrayList<>(byName.values());
    }
}
