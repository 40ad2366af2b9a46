package nl.knooppunt.toewijzing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The hub's toewijzing memory for plain unit tests. */
public class InMemoryToewijzingen implements ToewijzingGeheugen {

    private final List<Toewijzing> all = new ArrayList<>();

    public InMemoryToewijzingen add(Toewijzing t) {
        all.removeIf(o -> o.gemeente().equals(t.gemeente()) && o.nummer() == t.nummer());
        all.add(t);
        return this;
    }

    @Override
    public Optional<Toewijzing> find(String gemeente, long nummer) {
        return all.stream().filter(t -> t.gemeente().equals(gemeente) && t.nummer() == nummer).findFirst();
    }

    @Override
    public List<Toewijzing> vanClient(String clientPseudoniem, List<String> categorieen) {
        return all.stream().filter(t -> t.clientPseudoniem() != null && t.clientPseudoniem().equals(clientPseudoniem)
                        && categorieen.contains(t.categorie()))
                .sorted(Comparator.comparing(Toewijzing::ingangsdatum).reversed()).toList();
    }
}
