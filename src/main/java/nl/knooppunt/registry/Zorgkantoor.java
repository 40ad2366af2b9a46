package nl.knooppunt.registry;

/** The Wlz zorgkantoorregio of a gemeente (BW regions and zorgkantoorregio's do not line up: routing.md §3). */
public record Zorgkantoor(String gemeenteCode, String regioCode, String regioNaam) {
}
