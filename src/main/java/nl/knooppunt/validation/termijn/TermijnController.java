package nl.knooppunt.validation.termijn;

import java.util.List;
import nl.knooppunt.security.Scope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/termijnen} (open deadlines) and {@code GET /api/termijnen?verlopen=true} (overdue or met too late);
 * a user with a gemeente scope sees the deadlines of those gemeenten only.
 */
@RestController
@RequestMapping("/api/termijnen")
class TermijnController {

    private final Termijnbewaking bewaking;

    TermijnController(Termijnbewaking bewaking) {
        this.bewaking = bewaking;
    }

    @GetMapping
    List<Termijn> lijst(@RequestParam(defaultValue = "false") boolean verlopen,
                        @RequestParam(defaultValue = "500") int limit) {
        return bewaking.lijst(verlopen, Math.max(1, Math.min(limit, 5000)), Scope.gemeenten());
    }
}
