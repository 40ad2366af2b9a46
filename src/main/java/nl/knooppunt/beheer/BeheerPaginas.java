package nl.knooppunt.beheer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import nl.knooppunt.registry.Gemeente;
import nl.knooppunt.registry.Kanaal;
import nl.knooppunt.registry.Mandaat;
import nl.knooppunt.registry.Registry;
import nl.knooppunt.registry.RegistryException;
import nl.knooppunt.registry.RegistryService;
import nl.knooppunt.routing.RouteringProef;
import nl.knooppunt.security.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages /dead-letters, /routering and /beheer. Every action goes through a confirm page first and then through
 * the same services as the JSON API, so it lands in the operator log the same way. Buttons show only for a role that
 * may use them; the POST handlers check the role again (403), whatever the URL rules say.
 */
@Controller
class BeheerPaginas {

    /** A channel as the routering page shows it: the address, never a secret or a key file. */
    record Kanaalregel(String deelnemer, String soort, boolean informatiekopie, String adres) {
    }

    /** For the tester form: the fields of {@link RouteringProef.Vraag} as typed. */
    record ProefInvoer(String berichtCode, String gemeente, String productcategorie, String datum, Boolean clientBekend,
                       String aanbieder) {
    }

    private static final DateTimeFormatter TIJD = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss")
            .withZone(ZoneId.of("Europe/Amsterdam"));

    private final DeadLetters deadLetters;
    private final Pauzes pauzes;
    private final RegistryService registry;
    private final RouteringProef proef;
    private final Validator validator;
    private final Gezondheid gezondheid;
    private final Certificaten certificaten;
    private final OperatorLog operatorLog;

    BeheerPaginas(DeadLetters deadLetters, Pauzes pauzes, RegistryService registry, RouteringProef proef,
                  Validator validator, Gezondheid gezondheid, Certificaten certificaten, OperatorLog operatorLog) {
        this.deadLetters = deadLetters;
        this.pauzes = pauzes;
        this.registry = registry;
        this.proef = proef;
        this.validator = validator;
        this.gezondheid = gezondheid;
        this.certificaten = certificaten;
        this.operatorLog = operatorLog;
    }

    /** May act (and sees the buttons): the role, and no gemeente scope, as WebSecurity asks of hub-wide beheer. */
    static boolean operator(HttpServletRequest request) {
        return (request.isUserInRole("OPERATOR") || request.isUserInRole("BEHEERDER")) && Scope.gemeenten().isEmpty();
    }

    static boolean beheerder(HttpServletRequest request) {
        return request.isUserInRole("BEHEERDER") && Scope.gemeenten().isEmpty();
    }

    private static void eis(boolean mag) {
        if (!mag) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "deze actie vraagt een andere rol");
        }
    }

    // ------------------------------------------------------------------ dead letters

    @GetMapping("/dead-letters")
    String deadLetters(@RequestParam(required = false) String queue, HttpServletRequest request, Model model) {
        List<DeadLetters.Wachtrij> wachtrijen = deadLetters.wachtrijen();
        if (queue == null && !wachtrijen.isEmpty()) {
            queue = wachtrijen.stream().filter(w -> w.aantal() > 0).map(DeadLetters.Wachtrij::naam).findFirst()
                    .orElse(wachtrijen.get(0).naam());
        }
        model.addAttribute("wachtrijen", wachtrijen);
        model.addAttribute("queue", queue);
        model.addAttribute("berichten", queue == null ? List.of() : deadLetters.lijst(queue));
        String huidig = queue;
        model.addAttribute("doelen", deadLetters.namen().stream().filter(n -> !n.equals(huidig)).toList());
        model.addAttribute("magBedienen", operator(request));
        model.addAttribute("tijd", TIJD);
        return "dead-letters";
    }

    @PostMapping("/dead-letters/bevestig")
    String bevestigDeadLetters(@RequestParam String queue, @RequestParam String actie,
                               @RequestParam(name = "traceerId", required = false) List<String> traceerIds,
                               @RequestParam(required = false) String doel, @RequestParam(required = false) String reden,
                               HttpServletRequest request, Model model, RedirectAttributes redirect) {
        eis(operator(request));
        List<String> ids = traceerIds == null ? List.of() : traceerIds;
        String terug = "/dead-letters?queue=" + queue;
        if (!actie.equals("opnieuw-alle") && ids.isEmpty()) {
            redirect.addFlashAttribute("melding", "Kies eerst een of meer berichten.");
            return "redirect:" + terug;
        }
        if (actie.equals("verwijder") && (reden == null || reden.isBlank())) {
            redirect.addFlashAttribute("melding", "Verwijderen vraagt een reden.");
            return "redirect:" + terug;
        }
        String vraag = switch (actie) {
            case "opnieuw" -> ids.size() + " bericht(en) uit " + queue + " opnieuw aanbieden?";
            case "opnieuw-alle" -> "Alle berichten uit " + queue + " opnieuw aanbieden?";
            case "verplaats" -> ids.size() + " bericht(en) van " + queue + " naar " + doel + " verplaatsen?";
            case "verwijder" -> ids.size() + " bericht(en) uit " + queue + " definitief verwijderen? Reden: " + reden;
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "onbekende actie");
        };
        Map<String, List<String>> velden = new LinkedHashMap<>();
        velden.put("queue", List.of(queue));
        velden.put("actie", List.of(actie));
        velden.put("traceerId", ids);
        if (doel != null) {
            velden.put("doel", List.of(doel));
        }
        if (reden != null) {
            velden.put("reden", List.of(reden));
        }
        return bevestig(model, "Bevestigen", vraag, ids, "/dead-letters/uitvoeren", velden, terug, "Ja, uitvoeren");
    }

    @PostMapping("/dead-letters/uitvoeren")
    String voerUit(@RequestParam String queue, @RequestParam String actie,
                   @RequestParam(name = "traceerId", required = false) List<String> traceerIds,
                   @RequestParam(required = false) String doel, @RequestParam(required = false) String reden,
                   HttpServletRequest request, Principal principal, RedirectAttributes redirect) {
        eis(operator(request));
        String gebruiker = Gebruiker.naam(principal);
        try {
            List<DeadLetters.Resultaat> resultaten = switch (actie) {
                case "opnieuw" -> deadLetters.opnieuw(gebruiker, queue, traceerIds, false);
                case "opnieuw-alle" -> deadLetters.opnieuw(gebruiker, queue, List.of(), true);
                case "verplaats" -> deadLetters.verplaats(gebruiker, queue, traceerIds, doel);
                case "verwijder" -> deadLetters.verwijder(gebruiker, queue, traceerIds, reden);
                default -> throw new IllegalArgumentException("onbekende actie");
            };
            redirect.addFlashAttribute("resultaten", resultaten);
            redirect.addFlashAttribute("samenvatting", DeadLetters.samenvatting(resultaten));
        } catch (IllegalArgumentException | OnbekendeQueue e) {
            redirect.addFlashAttribute("melding", e.getMessage());
        }
        redirect.addAttribute("queue", queue);
        return "redirect:/dead-letters";
    }

    // ------------------------------------------------------------------ routering

    @GetMapping("/routering")
    String routering(HttpServletRequest request, Model model) {
        if (!model.containsAttribute("proef")) {
            model.addAttribute("proef", new ProefInvoer("444", "0599", null, LocalDate.now().toString(), false, null));
        }
        Registry reg = registry.current();
        model.addAttribute("registry", reg);
        model.addAttribute("gemeenten", reg.gemeenten().values().stream()
                .sorted(Comparator.comparing(Gemeente::code)).toList());
        Function<String, String> naam = code -> reg.gemeenten().containsKey(code) ? reg.gemeenten().get(code).naam() : "";
        model.addAttribute("naam", naam);
        Map<String, Set<String>> regios = new TreeMap<>();
        for (Mandaat m : reg.mandaten()) {
            Set<String> leden = regios.computeIfAbsent(m.regio(), r -> new TreeSet<>());
            leden.add(m.executing());
            leden.add(m.mandating());
        }
        Map<String, List<String>> regioLijst = new LinkedHashMap<>();
        regios.forEach((r, leden) -> regioLijst.put(r, new ArrayList<>(leden)));
        model.addAttribute("regios", regioLijst);
        List<Kanaalregel> kanalen = new ArrayList<>();
        for (Kanaal k : new TreeMap<>(reg.kanalen()).values()) {
            Map<String, String> i = k.instellingen();
            String adres = i.containsKey("url") ? i.get("url")
                    : i.containsKey("host") ? "sftp://" + i.getOrDefault("user", "") + "@" + i.get("host") + ":"
                    + i.getOrDefault("port", "22") + i.getOrDefault("remoteDir", "") : "–";
            kanalen.add(new Kanaalregel(k.deelnemer(), k.soort().name().toLowerCase(), k.informatiekopie(), adres));
        }
        model.addAttribute("kanalen", kanalen);
        model.addAttribute("afleveringen", pauzes.afleveringen().stream()
                .filter(a -> a.gepauzeerd() || a.wachtrij() > 0 || !a.kanaal().equals("queue")).toList());
        model.addAttribute("magBedienen", operator(request));
        model.addAttribute("tijd", TIJD);
        return "routering";
    }

    @PostMapping("/routering/proef")
    String proef(ProefInvoer invoer, HttpServletRequest request, Model model) {
        List<String> fouten = new ArrayList<>();
        LocalDate datum = null;
        try {
            datum = LocalDate.parse(invoer.datum());
        } catch (DateTimeParseException | NullPointerException e) {
            fouten.add("datum: geef een datum als jjjj-mm-dd");
        }
        RouteringProef.Vraag vraag = new RouteringProef.Vraag(invoer.berichtCode(), invoer.gemeente(),
                leegIsNull(invoer.productcategorie()), datum, Boolean.TRUE.equals(invoer.clientBekend()),
                leegIsNull(invoer.aanbieder()));
        for (ConstraintViolation<RouteringProef.Vraag> v : validator.validate(vraag)) {
            if (!v.getPropertyPath().toString().equals("datum")) {
                fouten.add(v.getPropertyPath() + ": " + v.getMessage());
            }
        }
        model.addAttribute("proef", invoer);
        if (fouten.isEmpty()) {
            model.addAttribute("antwoord", proef.vraag(vraag));
        } else {
            model.addAttribute("proefFouten", fouten);
        }
        return routering(request, model);
    }

    @PostMapping("/routering/bevestig")
    String bevestigPauze(@RequestParam String deelnemer, @RequestParam String actie, HttpServletRequest request,
                         Model model) {
        eis(operator(request));
        boolean pauze = actie.equals("pauze");
        Map<String, List<String>> velden = new LinkedHashMap<>();
        velden.put("deelnemer", List.of(deelnemer));
        velden.put("actie", List.of(pauze ? "pauze" : "hervat"));
        model.addAttribute("redenVeld", pauze);
        return bevestig(model, pauze ? "Aflevering pauzeren" : "Aflevering hervatten",
                (pauze ? "Aflevering aan " + deelnemer + " pauzeren? Berichten blijven op de wachtrij staan tot u hervat."
                        : "Aflevering aan " + deelnemer + " hervatten? De wachtrij wordt dan afgeleverd."),
                List.of(), "/routering/uitvoeren", velden, "/routering", pauze ? "Ja, pauzeren" : "Ja, hervatten");
    }

    @PostMapping("/routering/uitvoeren")
    String pauzeer(@RequestParam String deelnemer, @RequestParam String actie,
                   @RequestParam(required = false) String reden, HttpServletRequest request, Principal principal,
                   RedirectAttributes redirect) {
        eis(operator(request));
        try {
            if (actie.equals("pauze")) {
                pauzes.pauzeer(Gebruiker.naam(principal), deelnemer, reden);
                redirect.addFlashAttribute("melding", "Aflevering aan " + deelnemer + " is gepauzeerd.");
            } else {
                pauzes.hervat(Gebruiker.naam(principal), deelnemer);
                redirect.addFlashAttribute("melding", "Aflevering aan " + deelnemer + " is hervat.");
            }
        } catch (OnbekendeDeelnemer e) {
            redirect.addFlashAttribute("melding", e.getMessage());
        }
        return "redirect:/routering";
    }

    // ------------------------------------------------------------------ beheer

    @GetMapping("/beheer")
    String beheer(@RequestParam(defaultValue = "0") int pagina, HttpServletRequest request, Model model) {
        model.addAttribute("gezondheid", gezondheid.onderdelen());
        List<Certificaten.Certificaat> certs = new ArrayList<>(certificaten.deelnemers());
        certs.addAll(certificaten.hub());
        model.addAttribute("certificaten", certs);
        model.addAttribute("log", operatorLog.pagina(pagina, 25));
        model.addAttribute("magBeheren", beheerder(request));
        model.addAttribute("tijd", TIJD);
        return "beheer";
    }

    @PostMapping("/beheer/registry-herladen")
    String herlaad(HttpServletRequest request, Principal principal, RedirectAttributes redirect) {
        eis(beheerder(request));
        try {
            Registry fresh = registry.reload();
            String uitkomst = "register geladen: " + RegistryService.counts(fresh);
            operatorLog.schrijf(Gebruiker.naam(principal), "REGISTER_HERLADEN", null, List.of(), null, uitkomst);
            redirect.addFlashAttribute("melding", "Register opnieuw geladen (" + RegistryService.counts(fresh) + ").");
        } catch (RegistryException e) {
            operatorLog.schrijf(Gebruiker.naam(principal), "REGISTER_HERLADEN", null, List.of(), null,
                    "geweigerd: " + e.getMessage());
            redirect.addFlashAttribute("melding", "Register niet geladen, het oude blijft: " + e.getMessage());
        }
        return "redirect:/beheer";
    }

    private static String bevestig(Model model, String titel, String vraag, List<String> items, String actie,
                                   Map<String, List<String>> velden, String terug, String knop) {
        model.addAttribute("titel", titel);
        model.addAttribute("vraag", vraag);
        model.addAttribute("items", items);
        model.addAttribute("actie", actie);
        model.addAttribute("velden", velden);
        model.addAttribute("terug", terug);
        model.addAttribute("knop", knop);
        return "bevestig";
    }

    private static String leegIsNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
