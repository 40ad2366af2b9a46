package nl.knooppunt.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.knooppunt.security.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's JSON: {@code /api/overzicht}, {@code /api/historie}, {@code /api/berichten?…} (search),
 * {@code /api/berichten/{traceerId}/payload?reden=…} (masked, logged), {@code /api/inzage} (the access log, beheerders),
 * {@code /api/storingen}, {@code /api/afgekeurd}.
 */
@RestController
class DashboardApi {

    private final OverzichtBron overzicht;
    private final BerichtZoeker zoeker;
    private final Berichtdetail detail;
    private final Analyse analyse;
    private final Inzagelog inzagelog;

    DashboardApi(OverzichtBron overzicht, BerichtZoeker zoeker, Berichtdetail detail, Analyse analyse, Inzagelog inzagelog) {
        this.overzicht = overzicht;
        this.zoeker = zoeker;
        this.detail = detail;
        this.analyse = analyse;
        this.inzagelog = inzagelog;
    }

    @GetMapping("/api/overzicht")
    Overzicht overzicht() {
        return overzicht.overzicht(Scope.gemeenten());
    }

    @GetMapping("/api/historie")
    Historie.Resultaat historie(@RequestParam(defaultValue = "7") int dagen, @RequestParam(defaultValue = "UUR") Historie.Per per,
                                @RequestParam(defaultValue = "AANBIEDER") Historie.Groep groep) {
        Instant tot = Instant.now();
        return analyse.historie(tot.minus(Duration.ofDays(Math.max(1, dagen))), tot, per, groep, Scope.gemeenten());
    }

    @GetMapping("/api/berichten")
    BerichtZoeker.Pagina zoek(Zoekvraag vraag) {
        return zoeker.zoek(vraag, Scope.gemeenten());
    }

    @GetMapping("/api/berichten/{traceerId}/payload")
    ResponseEntity<?> payload(@PathVariable String traceerId, @RequestParam(required = false) String reden) {
        try {
            return detail.payload(traceerId, reden, "API", Scope.gemeenten())
                    .<ResponseEntity<?>>map(xml -> ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml))
                    .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                            .body(Map.of("fout", "Geen inhoud voor traceerId " + traceerId)));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("fout", e.getMessage()));
        } catch (BsnMasker.NietLeesbaar e) {
            return ResponseEntity.unprocessableEntity().body(Map.of("fout", e.getMessage()));
        }
    }

    @GetMapping("/api/inzage")
    List<Inzagelog.Regel> inzage(@RequestParam(required = false) String traceerId,
                                 @RequestParam(defaultValue = "200") int aantal) {
        return traceerId == null ? inzagelog.laatste(aantal) : inzagelog.vanBericht(traceerId);
    }

    @GetMapping("/api/storingen")
    List<Analyse.Storing> storingen(@RequestParam(defaultValue = "24") int uren) {
        return analyse.storingen(Instant.now().minus(Duration.ofHours(Math.max(1, uren))), Scope.gemeenten());
    }

    @GetMapping("/api/afgekeurd")
    List<Analyse.Afkeuring> afgekeurd(@RequestParam(defaultValue = "7") int dagen) {
        return analyse.afgekeurd(Instant.now().minus(Duration.ofDays(Math.max(1, dagen))), Scope.gemeenten(), 1000);
    }
}
