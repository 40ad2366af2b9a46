package nl.knooppunt.security;

import java.util.Arrays;
import java.util.List;

/**
 * Dashboard roles (docs/dashboard.md). BEHEERDER includes OPERATOR, which includes LEZER; CONTRACTMANAGER stands
 * apart and sees reports only.
 */
public enum Rol {
    LEZER, OPERATOR, BEHEERDER, CONTRACTMANAGER;

    /** The hierarchy for Spring Security, one "higher > lower" per line. */
    static final String HIERARCHIE = "ROLE_BEHEERDER > ROLE_OPERATOR\nROLE_OPERATOR > ROLE_LEZER";

    public String authority() {
        return "ROLE_" + name();
    }

    static List<Rol> parse(String tekst) {
        return Arrays.stream(tekst.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Rol::valueOf).toList();
    }
}
