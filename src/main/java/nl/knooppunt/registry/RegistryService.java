package nl.knooppunt.registry;

import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicReference;
import nl.knooppunt.system.KnooppuntProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Holds the current registry. A bad registry stops start-up with a message naming file and line. */
@Service
public class RegistryService {

    private static final Logger log = LoggerFactory.getLogger(RegistryService.class);

    private final AtomicReference<Registry> current = new AtomicReference<>();
    private final RegistryLoader loader;
    private final ApplicationEventPublisher events;

    public RegistryService(KnooppuntProperties properties, ApplicationEventPublisher events) {
        this.events = events;
        if (properties.registryDir() != null && !Files.isDirectory(properties.registryDir())) {
            throw new IllegalStateException("knooppunt.registry-dir " + properties.registryDir().toAbsolutePath()
                    + " is not a directory");
        }
        this.loader = new RegistryLoader(properties.registryDir());
        current.set(loader.load());
        log.info("Registry loaded: {}", counts(current()));
    }

    public Registry current() {
        return current.get();
    }

    /** Validates the files again and swaps atomically; on any error the current registry stays and the error is thrown. */
    public Registry reload() {
        Registry fresh = loader.load();
        current.set(fresh);
        log.info("Registry reloaded: {}", counts(fresh));
        events.publishEvent(new RegistryHerladen(fresh));
        return fresh;
    }

    public static String counts(Registry r) {
        long historisch = r.gemeenten().values().stream().filter(g -> g.opgeheven() != null).count();
        return r.gemeenten().size() + " gemeenten (" + historisch + " opgeheven), " + r.aanbieders().size()
                + " aanbieders, " + r.herindelingen().size() + " herindelingen, " + r.mandaten().size() + " mandaten, "
                + r.zorgkantoren().size() + " zorgkantoren";
    }
}
