package nl.knooppunt.tracking;

import nl.knooppunt.security.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Track & trace: {@code GET /api/berichten/{traceerId}}. */
@RestController
@RequestMapping("/api/berichten")
class BerichtController {

    private final BerichtQueries queries;

    BerichtController(BerichtQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/{traceerId}")
    BerichtStatus status(@PathVariable String traceerId) {
        // a user limited to some gemeenten sees only their berichten; others look the same as unknown ones
        return queries.find(traceerId)
                .filter(b -> Scope.magZien(Scope.gemeenten(), b.responsible(), b.executing(), b.bestemming()))
                .orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "Geen bericht met traceerId " + traceerId));
    }
}
