package nl.knooppunt.routing;

import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/routering/proef}: a bericht (XML) or its facts (JSON) in, the route and its rule trail out.
 * Nothing is stored or delivered.
 */
@RestController
@RequestMapping("/api/routering")
class RouteringProefController {

    private final RouteringProef proef;

    RouteringProefController(RouteringProef proef) {
        this.proef = proef;
    }

    @PostMapping(value = "/proef", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    RouteringProef.Antwoord bericht(@RequestBody byte[] bericht) {
        return proef.bericht(bericht);
    }

    @PostMapping(value = "/proef", consumes = MediaType.APPLICATION_JSON_VALUE)
    RouteringProef.Antwoord vraag(@Valid @RequestBody RouteringProef.Vraag vraag) {
        return proef.vraag(vraag);
    }
}
