package nl.knooppunt.beheer;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/routering/{deelnemer}/pauze} (optional body {@code {"reden": …}}) and {@code …/hervat};
 * {@code GET /api/routering/afleveringen}: every participant's channel, backlog and pause.
 */
@RestController
@RequestMapping("/api/routering")
class PauzeController {

    record Verzoek(String reden) {
    }

    private final Pauzes pauzes;

    PauzeController(Pauzes pauzes) {
        this.pauzes = pauzes;
    }

    @GetMapping("/afleveringen")
    List<Pauzes.Aflevering> afleveringen() {
        return pauzes.afleveringen();
    }

    @PostMapping("/{deelnemer}/pauze")
    Map<String, Object> pauze(@PathVariable String deelnemer, @RequestBody(required = false) Verzoek verzoek,
                              Principal principal) {
        Pauzes.Pauze p = pauzes.pauzeer(Gebruiker.naam(principal), deelnemer, verzoek == null ? null : verzoek.reden());
        return Map.of("deelnemer", deelnemer, "gepauzeerd", true, "sinds", p.sinds().toString());
    }

    @PostMapping("/{deelnemer}/hervat")
    Map<String, Object> hervat(@PathVariable String deelnemer, Principal principal) {
        boolean was = pauzes.hervat(Gebruiker.naam(principal), deelnemer);
        return Map.of("deelnemer", deelnemer, "gepauzeerd", false, "wasGepauzeerd", was);
    }
}
