package nl.knooppunt.rapportage;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.knooppunt.security.Scope;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The page /contractmanagement: one report at a time with its filters, as a table and as a CSV download. */
@Controller
class RapportPagina {

    private static final TypeReference<List<Map<String, Object>>> RIJEN = new TypeReference<>() { };

    private final Rapporten rapporten;
    private final ObjectMapper json;
    private final Clock clock;

    RapportPagina(Rapporten rapporten, ObjectMapper json, Optional<Clock> clock) {
        this.rapporten = rapporten;
        this.json = json;
        this.clock = clock.orElse(Clock.system(RapportFeiten.NL));
    }

    @GetMapping("/contractmanagement")
    String pagina(@RequestParam(defaultValue = "volume") String rapport, @RequestParam(required = false) String van,
                  @RequestParam(required = false) String tot, @RequestParam(required = false) String aanbieder,
                  @RequestParam(required = false) String gemeente, Model model) {
        Rapporten.Rapport gekozen = rapporten.rapport(rapport);
        if (gekozen == null) {
            gekozen = rapporten.rapport("volume");
        }
        model.addAttribute("rapporten", rapporten.alle());
        model.addAttribute("rapport", gekozen);
        model.addAttribute("van", van);
        model.addAttribute("tot", tot);
        model.addAttribute("aanbieder", aanbieder);
        model.addAttribute("gemeente", gemeente);
        try {
            Periode periode = Periode.of(van, tot, aanbieder, gemeente, LocalDate.now(clock)).binnen(Scope.gemeenten());
            List<Map<String, Object>> rijen = json.convertValue(gekozen.query().apply(periode), RIJEN);
            model.addAttribute("kolommen", kolommen(gekozen.regel()));
            model.addAttribute("rijen", rijen);
            model.addAttribute("periode", periode.vanText() + " t/m " + periode.totText());
            model.addAttribute("csv", UriComponentsBuilder.fromPath("/api/rapporten/" + gekozen.naam() + ".csv")
                    .queryParamIfPresent("van", leeg(van)).queryParamIfPresent("tot", leeg(tot))
                    .queryParamIfPresent("aanbieder", leeg(aanbieder)).queryParamIfPresent("gemeente", leeg(gemeente))
                    .build().encode().toUriString());
        } catch (IllegalArgumentException e) {
            model.addAttribute("fout", e.getMessage());
            model.addAttribute("kolommen", List.of());
            model.addAttribute("rijen", List.of());
        }
        return "contractmanagement";
    }

    /** The columns in the order of the row's JSON (and CSV) form. */
    static List<String> kolommen(Class<?> regel) {
        var order = regel.getAnnotation(com.fasterxml.jackson.annotation.JsonPropertyOrder.class);
        if (order != null && order.value().length > 0) {
            return List.of(order.value());
        }
        return java.util.Arrays.stream(regel.getRecordComponents()).map(c -> c.getName()).toList();
    }

    private static java.util.Optional<String> leeg(String waarde) {
        return waarde == null || waarde.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(waarde.trim());
    }
}
