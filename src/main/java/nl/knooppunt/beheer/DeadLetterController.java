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
 * {@code /api/dead-letters}: {@code GET} the queues with counts, {@code GET /{queue}} its entries;
 * {@code POST /{queue}/opnieuw} ({@code traceerIds} or {@code alle}), {@code /verplaats} ({@code doel}) and
 * {@code /verwijder} ({@code reden} required). Each answers per traceerId what happened.
 */
@RestController
@RequestMapping("/api/dead-letters")
class DeadLetterController {

    record Actie(List<String> traceerIds, Boolean alle, String doel, String reden) {
    }

    record Antwoord(String queue, String samenvatting, List<DeadLetters.Resultaat> resultaten) {
        static Antwoord van(String queue, List<DeadLetters.Resultaat> resultaten) {
            return new Antwoord(queue, DeadLetters.samenvatting(resultaten), resultaten);
        }
    }

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    List<DeadLetters.Wachtrij> wachtrijen() {
        return deadLetters.wachtrijen();
    }

    @GetMapping("/{queue}")
    Map<String, Object> lijst(@PathVariable String queue) {
        return Map.of("queue", queue, "berichten", deadLetters.lijst(queue));
    }

    @PostMapping("/{queue}/opnieuw")
    Antwoord opnieuw(@PathVariable String queue, @RequestBody Actie actie, Principal principal) {
        return Antwoord.van(queue, deadLetters.opnieuw(Gebruiker.naam(principal), queue, actie.traceerIds(),
                Boolean.TRUE.equals(actie.alle())));
    }

    @PostMapping("/{queue}/verplaats")
    Antwoord verplaats(@PathVariable String queue, @RequestBody Actie actie, Principal principal) {
        return Antwoord.van(queue, deadLetters.verplaats(Gebruiker.naam(principal), queue, actie.traceerIds(), actie.doel()));
    }

    @PostMapping("/{queue}/verwijder")
    Antwoord verwijder(@PathVariable String queue, @RequestBody Actie actie, Principal principal) {
        return Antwoord.van(queue, deadLetters.verwijder(Gebruiker.naam(principal), queue, actie.traceerIds(), actie.reden()));
    }
}
