package nl.knooppunt.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.knooppunt.intake.Bericht;
import nl.knooppunt.intake.BerichtType;
import nl.knooppunt.security.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The read-side pages: Overzicht, Historie, Berichten (search and detail), Storingen, Afgekeurd. */
@Controller
class DashboardPaginas {

    private final OverzichtBron overzicht;
    private final BerichtZoeker zoeker;
    private final Berichtdetail detail;
    private final Analyse analyse;
    private final Inzagelog inzagelog;

    DashboardPaginas(OverzichtBron overzicht, BerichtZoeker zoeker, Berichtdetail detail, Analyse analyse,
                     Inzagelog inzagelog) {
        this.overzicht = overzicht;
        this.zoeker = zoeker;
        this.detail = detail;
        this.analyse = analyse;
        this.inzagelog = inzagelog;
    }

    @GetMapping("/")
    String overzicht(Model model) {
        model.addAttribute("overzicht", overzicht.overzicht(Scope.gemeenten()));
        model.addAttribute("scope", Scope.gemeenten());
        return "overzicht";
    }

    @GetMapping("/historie")
    String historie(@RequestParam(defaultValue = "7") int dagen, @RequestParam(defaultValue = "UUR") Historie.Per per,
                    @RequestParam(defaultValue = "AANBIEDER") Historie.Groep groep, Model model) {
        Instant tot = Instant.now();
        model.addAttribute("historie", analyse.historie(tot.minus(Duration.ofDays(Math.max(1, dagen))), tot, per, groep,
                Scope.gemeenten()));
        model.addAttribute("dagen", dagen);
        return "historie";
    }

    @GetMapping("/berichten")
    String zoeken(@ModelAttribute("vraag") Zoekvraag vraag, Model model) {
        model.addAttribute("resultaat", zoeker.zoek(vraag, Scope.gemeenten()));
        model.addAttribute("typen", List.of(BerichtType.values()));
        model.addAttribute("statussen", List.of(Bericht.Status.values()));
        return "berichten";
    }

    @GetMapping("/berichten/{traceerId}")
    String detail(@PathVariable String traceerId, Model model) {
        return toon(traceerId, model);
    }

    /** The payload, masked, after the viewer gave a reason; written to the access log. */
    @PostMapping("/berichten/{traceerId}/inzage")
    String inzage(@PathVariable String traceerId, @RequestParam(required = false) String reden, Model model) {
        try {
            Optional<String> payload = detail.payload(traceerId, reden, "PAGINA", Scope.gemeenten());
            if (payload.isPresent()) {
                model.addAttribute("payload", payload.get());
            } else {
                model.addAttribute("inzageFout", "De inhoud van dit bericht is er niet (meer).");
            }
        } catch (IllegalArgumentException | BsnMasker.NietLeesbaar e) {
            model.addAttribute("inzageFout", e.getMessage());
        }
        return toon(traceerId, model);
    }

    private String toon(String traceerId, Model model) {
        Optional<Berichtdetail.Detail> d = detail.detail(traceerId, Scope.gemeenten());
        if (d.isEmpty()) {
            Optional<String> heen = detail.heenVanRetour(traceerId);
            if (heen.isPresent() && detail.detail(heen.get(), Scope.gemeenten()).isPresent()) {
                return "redirect:/berichten/" + heen.get();
            }
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Geen bericht met traceerId " + traceerId);
        }
        model.addAttribute("d", d.get());
        model.addAttribute("inzages", inzagelog.vanBericht(traceerId));
        return "bericht";
    }

    @GetMapping("/storingen")
    String storingen(@RequestParam(defaultValue = "24") int uren, Model model) {
        model.addAttribute("storingen", analyse.storingen(Instant.now().minus(Duration.ofHours(Math.max(1, uren))),
                Scope.gemeenten()));
        model.addAttribute("uren", uren);
        return "storingen";
    }

    @GetMapping("/afgekeurd")
    String afgekeurd(@RequestParam(defaultValue = "7") int dagen, Model model) {
        model.addAttribute("afkeuringen", analyse.afgekeurd(Instant.now().minus(Duration.ofDays(Math.max(1, dagen))),
                Scope.gemeenten(), 500));
        model.addAttribute("dagen", dagen);
        return "afgekeurd";
    }
}
