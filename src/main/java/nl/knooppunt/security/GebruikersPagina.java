package nl.knooppunt.security;

import java.util.Arrays;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page {@code /gebruikers}: users, add one, reset a password, switch off or on. */
@Controller
@PreAuthorize("hasRole('BEHEERDER')")
class GebruikersPagina {

    private final Gebruikers gebruikers;

    GebruikersPagina(Gebruikers gebruikers) {
        this.gebruikers = gebruikers;
    }

    @GetMapping("/gebruikers")
    String pagina(Model model) {
        model.addAttribute("gebruikers", gebruikers.alle());
        model.addAttribute("rollen", Rol.values());
        return "gebruikers";
    }

    @PostMapping("/gebruikers")
    String toevoegen(@RequestParam String naam, @RequestParam(required = false) List<Rol> rollen,
                     @RequestParam(required = false, defaultValue = "") String gemeenten, RedirectAttributes uit) {
        try {
            String wachtwoord = gebruikers.toevoegen(naam.trim(), rollen, Arrays.asList(gemeenten.split("[,\\s]+")), null);
            uit.addFlashAttribute("melding", "Gebruiker " + naam + " aangemaakt.");
            uit.addFlashAttribute("wachtwoord", wachtwoord);
            uit.addFlashAttribute("wachtwoordVoor", naam);
        } catch (Gebruikers.GebruikerFout e) {
            uit.addFlashAttribute("fout", e.getMessage());
        }
        return "redirect:/gebruikers";
    }

    @PostMapping("/gebruikers/{naam}/wachtwoord")
    String wachtwoord(@PathVariable String naam, RedirectAttributes uit) {
        try {
            uit.addFlashAttribute("wachtwoord", gebruikers.nieuwWachtwoord(naam, null));
            uit.addFlashAttribute("wachtwoordVoor", naam);
            uit.addFlashAttribute("melding", "Nieuw wachtwoord voor " + naam + ".");
        } catch (Gebruikers.GebruikerFout e) {
            uit.addFlashAttribute("fout", e.getMessage());
        }
        return "redirect:/gebruikers";
    }

    @PostMapping("/gebruikers/{naam}/actief")
    String actief(@PathVariable String naam, @RequestParam boolean actief, RedirectAttributes uit) {
        try {
            gebruikers.actief(naam, actief);
            uit.addFlashAttribute("melding", "Gebruiker " + naam + (actief ? " ingeschakeld." : " uitgeschakeld."));
        } catch (Gebruikers.GebruikerFout e) {
            uit.addFlashAttribute("fout", e.getMessage());
        }
        return "redirect:/gebruikers";
    }
}
