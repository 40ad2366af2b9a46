package nl.knooppunt.registry;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/registry/herladen}: reload the registry files; a bad file is reported and the old registry stays. */
@RestController
@RequestMapping("/api/registry")
class RegistryController {

    private final RegistryService registry;

    RegistryController(RegistryService registry) {
        this.registry = registry;
    }

    @PostMapping("/herladen")
    ResponseEntity<Map<String, Object>> herladen() {
        try {
            Registry fresh = registry.reload();
            return ResponseEntity.ok(Map.of("gemeenten", fresh.gemeenten().size(), "aanbieders", fresh.aanbieders().size(),
                    "herindelingen", fresh.herindelingen().size(), "mandaten", fresh.mandaten().size(),
                    "zorgkantoren", fresh.zorgkantoren().size(), "samenvatting", RegistryService.counts(fresh)));
        } catch (RegistryException e) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(Map.of("fout", e.getMessage()));
        }
    }
}
