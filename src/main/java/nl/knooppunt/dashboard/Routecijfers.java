package nl.knooppunt.dashboard;

import java.time.Instant;

/** Camel's statistics of one route since start (ManagedRouteMBean), as plain values. */
public record Routecijfers(String routeId, String state, long totaal, long gelukt, long mislukt, long onderweg,
                           long gemiddeldMs, long maxMs, Instant laatsteSucces, Instant laatsteFout) {
}
