package nl.knooppunt.registry;

public record Gemeente(String code, String naam, String provincie) {
}
