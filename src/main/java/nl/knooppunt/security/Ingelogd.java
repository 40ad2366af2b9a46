package nl.knooppunt.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The principal of a logged-in user: Spring's {@link User} plus the gemeente scope. */
public class Ingelogd extends User {

    private final Set<String> gemeenten;

    Ingelogd(String naam, String hash, boolean actief, Collection<? extends GrantedAuthority> rollen, List<String> gemeenten) {
        super(naam, hash, actief, true, true, true, rollen);
        this.gemeenten = Set.copyOf(gemeenten);
    }

    /** Empty: every gemeente. */
    public Set<String> gemeenten() {
        return gemeenten;
    }
}
