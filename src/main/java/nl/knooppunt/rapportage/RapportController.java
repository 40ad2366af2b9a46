package nl.knooppunt.rapportage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.knooppunt.security.Scope;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Contractmanagement reports: {@code GET /api/rapporten/{rapport}} as JSON, {@code /api/rapporten/{rapport}.csv} (or
 * {@code Accept: text/csv}) as CSV for Dutch Excel: separator {@code ;}, UTF-8 with a byte order mark, a header row of
 * Dutch column names. Filters: {@code van}, {@code tot} (yyyy-MM, inclusive), {@code aanbieder}, {@code gemeente}.
 */
@RestController
@RequestMapping("/api/rapporten")
public class RapportController {

    public static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final Rapporten rapporten;
    /** "Today" of the reports (the termijnen report's peildatum); a test may supply a Clock bean. */
    private final Clock clock;
    private final CsvMapper csv = CsvMapper.builder().findAndAddModules().build();

    public RapportController(Rapporten rapporten, Optional<Clock> clock) {
        this.rapporten = rapporten;
        this.clock = clock.orElse(Clock.system(RapportFeiten.NL));
    }

    /** The names of the reports, for the page and for clients. */
    @GetMapping
    public List<String> namen() {
        return rapporten.namen();
    }

    @GetMapping("/{naam}")
    public ResponseEntity<?> rapport(@PathVariable String naam, @RequestParam(required = false) String van,
                                     @RequestParam(required = false) String tot,
                                     @RequestParam(required = false) String aanbieder,
                                     @RequestParam(required = false) String gemeente,
                                     @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean alsCsv = naam.endsWith(".csv") || (accept != null && accept.contains("text/csv"));
        String rapportNaam = naam.endsWith(".csv") ? naam.substring(0, naam.length() - 4) : naam;
        Rapporten.Rapport rapport = rapporten.rapport(rapportNaam);
        if (rapport == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Onbekend rapport " + rapportNaam
                    + "; er zijn: " + namen());
        }
        Periode periode;
        try {
            periode = Periode.of(van, tot, aanbieder, gemeente, LocalDate.now(clock)).binnen(Scope.gemeenten());
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        List<?> regels = rapport.query().apply(periode);
        if (!alsCsv) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(regels);
        }
        String bestand = rapportNaam + "-" + periode.vanText() + "-" + periode.totText() + ".csv";
        return ResponseEntity.ok().contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + bestand + "\"")
                .body(csv(rapport.regel(), regels));
    }

    byte[] csv(Class<?> regel, List<?> regels) {
        CsvSchema schema = csv.schemaFor(regel).withHeader().withColumnSeparator(';');
        try {
            String tekst = "\uFEFF" + csv.writer(schema).writeValueAsString(regels);
            return tekst.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rapport " + regel.getSimpleName() + " cannot be written as CSV", e);
        }
    }
}
