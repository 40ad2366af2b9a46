package nl.knooppunt.delivery;

import java.util.List;
import java.util.Map;
import nl.knooppunt.tracking.BerichtStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Beheer of parked berichten: {@code GET /api/onbestelbaar}, {@code POST /api/onbestelbaar/{traceerId}/vrijgeven}. */
@RestController
@RequestMapping("/api/onbestelbaar")
class OnbestelbaarController {

    private final Onbestelbaar onbestelbaar;

    OnbestelbaarController(Onbestelbaar onbestelbaar) {
        this.onbestelbaar = onbestelbaar;
    }

    @GetMapping
    List<BerichtStatus> lijst() {
        return onbestelbaar.geparkeerd();
    }

    @PostMapping("/{traceerId}/vrijgeven")
    ResponseEntity<Map<String, String>> vrijgeven(@PathVariable String traceerId) {
        Onbestelbaar.Uitkomst uitkomst = onbestelbaar.vrijgeven(traceerId);
        HttpStatus status = switch (uitkomst) {
            case AFGELEVERD -> HttpStatus.OK;
            case OPNIEUW_GEPARKEERD -> HttpStatus.CONFLICT;
            case NIET_GEVONDEN -> HttpStatus.NOT_FOUND;
        };
        return ResponseEntity.status(status).body(Map.of("traceerId", traceerId, "uitkomst", uitkomst.name()));
    }
}
