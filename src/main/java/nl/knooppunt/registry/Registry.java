package nl.knooppunt.registry;

import java.util.Map;
import java.util.Optional;

/** An immutable, validated snapshot of the participants. */
public record Registry(Map<String, Gemeente> gemeenten, Map<String, Aanbieder> aanbieders) {

    public Registry {
        gemeenten = Map.copyOf(gemeenten);
        aanbieders = Map.copyOf(aanbieders);
    }

    public Optional<Gemeente> gemeente(String code) {
        return Optional.ofNullable(code == null ? null : gemeenten.get(code));
    }

    public Optional<Aanbieder> aanbieder(String agb) {
        return Optional.ofNullable(agb == null ? null : aanbieders.get(agb));
    }
}
