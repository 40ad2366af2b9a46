package nl.knooppunt.beheer;

import java.security.Principal;

/** The name the operator log and audit record for whoever made the request. */
final class Gebruiker {

    private Gebruiker() {
    }

    static String naam(Principal principal) {
        return principal == null || principal.getName() == null || principal.getName().isBlank()
                ? "onbekend" : principal.getName();
    }
}
