package nl.knooppunt.routing;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where the hub learns a client's address under the woonplaatsbeginsel. The hub has no BRP: a deployment plugs in
 * Haal Centraal BRP here; demos and tests use {@link BestandWoonadresBron}. Clients are named by their keyed
 * pseudonym, so the routing code never holds a BSN.
 */
public interface WoonadresBron {

    Optional<Woonadres> woonadres(String clientPseudoniem, LocalDate peildatum);
}
