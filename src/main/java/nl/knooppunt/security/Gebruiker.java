package nl.knooppunt.security;

import java.time.Instant;
import java.util.List;

/**
 * A dashboard user as the beheer screens show it; never the password hash.
 *
 * @param gemeenten the gemeentecodes this user is limited to; empty: all gemeenten
 */
public record Gebruiker(String naam, List<Rol> rollen, List<String> gemeenten, boolean actief, Instant gewijzigdOp) {
}
