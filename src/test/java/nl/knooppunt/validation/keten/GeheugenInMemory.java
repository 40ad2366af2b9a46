package nl.knooppunt.validation.keten;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link KetenGeheugen} in memory, for the plain unit tests of the rules. */
class GeheugenInMemory implements KetenGeheugen {

    final Map<String, ToegewezenProduct> toewijzingen = new HashMap<>();
    final Map<String, String> declaraties = new HashMap<>();
    final Map<String, String> prestaties = new HashMap<>();
    final Map<String, Long> volumes = new HashMap<>();
    final Map<String, List<StartStop>> startStops = new HashMap<>();

    GeheugenInMemory toewijzing(ToegewezenProduct t) {
        toewijzingen.put(t.gemeente() + "/" + t.nummer(), t);
        return this;
    }

    GeheugenInMemory startStop(String gemeente, long nummer, StartStop s) {
        startStops.computeIfAbsent(gemeente + "/" + nummer, k -> new ArrayList<>()).add(s);
        return this;
    }

    @Override
    public Optional<ToegewezenProduct> toewijzing(String gemeente, long nummer) {
        return Optional.ofNullable(toewijzingen.get(gemeente + "/" + nummer));
    }

    @Override
    public Optional<String> declaratie(String aanbieder, String declaratieNummer) {
        return Optional.ofNullable(declaraties.get(aanbieder + "/" + declaratieNummer));
    }

    @Override
    public Optional<String> prestatie(String aanbieder, String referentieNummer) {
        return Optional.ofNullable(prestaties.get(aanbieder + "/" + referentieNummer));
    }

    @Override
    public long gedeclareerdVolume(String gemeente, long nummer) {
        return volumes.getOrDefault(gemeente + "/" + nummer, 0L);
    }

    @Override
    public List<StartStop> startStops(String gemeente, long nummer) {
        return startStops.getOrDefault(gemeente + "/" + nummer, List.of());
    }
}
