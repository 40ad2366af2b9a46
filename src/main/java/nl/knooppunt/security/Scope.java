package nl.knooppunt.security;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The gemeente scope of the current user: the gemeentecodes whose berichten and backlog they may see. An empty set
 * means all gemeenten (no scope), also for calls without a user (the hub's own work).
 */
public final class Scope {

    private Scope() {
    }

    public static Set<String> gemeenten() {
        return gemeenten(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Set<String> gemeenten(Authentication auth) {
        return auth != null && auth.getPrincipal() instanceof Ingelogd gebruiker ? gebruiker.gemeenten() : Set.of();
    }

    /** Whether the current user may see something of this gemeente (null: a bericht not routed to any gemeente yet). */
    public static boolean magZien(Set<String> scope, String... gemeenten) {
        if (scope.isEmpty()) {
            return true;
        }
        for (String g : gemeenten) {
            if (g != null && scope.contains(g)) {
                return true;
            }
        }
        return false;
    }

    public static String naam() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "onbekend" : auth.getName();
    }
}
