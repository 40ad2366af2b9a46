package nl.knooppunt.toewijzing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What the hub remembers of the toewijzingen it has carried. */
public interface ToewijzingGeheugen {

    Optional<Toewijzing> find(String gemeente, long nummer);

    /** This client's toewijzingen in these productcategorieën, newest ingangsdatum first. */
    List<Toewijzing> vanClient(String clientPseudoniem, List<String> categorieen);
}
