package nl.knooppunt.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * User management for beheerders: {@code GET/POST /api/gebruikers}, {@code POST /api/gebruikers/{naam}/wachtwoord},
 * {@code POST /api/gebruikers/{naam}/uitschakelen} and {@code .../inschakelen}. A generated password is in the answer
 * once and nowhere else.
 */
@RestController
@RequestMapping("/api/gebruikers")
@PreAuthorize("hasRole('BEHEERDER')")
class GebruikerController {

    private final Gebruikers gebruikers;

    GebruikerController(Gebruikers gebruikers) {
        this.gebruikers = gebruikers;
    }

    record NieuweGebruiker(String naam, List<Rol> rollen, List<String> gemeenten, String wachtwoord) {
        @Override
        public String toString() {
            return "NieuweGebruiker[" + naam + ", " + rollen + ", " + gemeenten + "]";
        }
    }

    record Wachtwoord(String wachtwoord) {
        @Override
        public String toString() {
            return "Wachtwoord[***]";
        }
    }

    @GetMapping
    List<Gebruiker> alle() {
        return gebruikers.alle();
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> toevoegen(@RequestBody NieuweGebruiker nieuw) {
        String gegenereerd = gebruikers.toevoegen(nieuw.naam(), nieuw.rollen(), nieuw.gemeenten(), nieuw.wachtwoord());
        return ResponseEntity.status(HttpStatus.CREATED).body(antwoord(nieuw.naam(), gegenereerd));
    }

    @PostMapping("/{naam}/wachtwoord")
    Map<String, Object> wachtwoord(@PathVariable String naam, @RequestBody(required = false) Wachtwoord wachtwoord) {
        return antwoord(naam, gebruikers.nieuwWachtwoord(naam, wachtwoord == null ? null : wachtwoord.wachtwoord()));
    }

    @PostMapping("/{naam}/uitschakelen")
    Map<String, Object> uitschakelen(@PathVariable String naam) {
        gebruikers.actief(naam, false);
        return Map.of("naam", naam, "actief", false);
    }

    @PostMapping("/{naam}/inschakelen")
    Map<String, Object> inschakelen(@PathVariable String naam) {
        gebruikers.actief(naam, true);
        return Map.of("naam", naam, "actief", true);
    }

    @ExceptionHandler(Gebruikers.GebruikerFout.class)
    ResponseEntity<Map<String, String>> fout(Gebruikers.GebruikerFout e) {
        HttpStatus status = e.bestaatAl() ? HttpStatus.CONFLICT
                : e.getMessage().startsWith("Geen gebruiker") ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(Map.of("fout", e.getMessage()));
    }

    private static Map<String, Object> antwoord(String naam, String gegenereerd) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("naam", naam);
        if (gegenereerd != null) {
            m.put("wachtwoord", gegenereerd);
        }
        return m;
    }
}
