package nl.knooppunt.registry;

public record Aanbieder(String agb, String naam) {
}
