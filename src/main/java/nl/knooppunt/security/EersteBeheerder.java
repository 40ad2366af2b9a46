package nl.knooppunt.security;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * First run: with no user in the database, creates {@code beheerder} (BEHEERDER) with a generated password and prints
 * it once, in a banner. There is no default password; only the BCrypt hash is stored.
 */
@Component
public class EersteBeheerder {

    public static final String NAAM = "beheerder";
    private static final Logger LOG = LoggerFactory.getLogger(EersteBeheerder.class);

    private final Gebruikers gebruikers;
    private final Environment env;

    public EersteBeheerder(Gebruikers gebruikers, Environment env) {
        this.gebruikers = gebruikers;
        this.env = env;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void bijStart() {
        maakAanAlsNodig();
    }

    /** @return whether the beheerder was created now */
    public boolean maakAanAlsNodig() {
        if (gebruikers.aantal() > 0) {
            return false;
        }
        String wachtwoord;
        try {
            wachtwoord = gebruikers.toevoegen(NAAM, List.of(Rol.BEHEERDER), List.of(), null);
        } catch (Gebruikers.GebruikerFout e) {
            return false; // a second instance on the same database was first
        }
        String adres = "http://" + env.getProperty("server.address", "localhost") + ":"
                + env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        LOG.warn("""

                =====================================================================================
                  Knooppunt: nog geen gebruikers, dus is er één beheerder aangemaakt.
                  Eerste beheerder aangemaakt: gebruiker={} wachtwoord={}
                  Log in op {}/login en maak daar (Gebruikers) eigen accounts aan.
                  Dit wachtwoord wordt niet opgeslagen en niet nog eens getoond.
                =====================================================================================""",
                NAAM, wachtwoord, adres);
        return true;
    }
}
