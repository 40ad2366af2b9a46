package nl.knooppunt.rapportage;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** The contractmanagement reports by name, shared by the JSON/CSV API and the page. */
@Component
public class Rapporten {

    /** One report: the row type (its JSON/CSV columns) and its query. */
    public record Rapport(String naam, String titel, Class<?> regel, Function<Periode, List<?>> query) {
    }

    private final Map<String, Rapport> rapporten;

    public Rapporten(RapportQueries queries) {
        this.rapporten = Map.of(
                "berichten", new Rapport("berichten", "Berichten per type",
                        RapportQueries.BerichtenRegel.class, queries::berichten),
                "afkeur", new Rapport("afkeur", "Afkeur per code",
                        RapportQueries.AfkeurRegel.class, queries::afkeur),
                "toewijzingen", new Rapport("toewijzingen", "Actieve toewijzingen",
                        RapportQueries.ToewijzingenRegel.class, queries::toewijzingen),
                "volume", new Rapport("volume", "Toegewezen en gedeclareerd (overschrijding)",
                        RapportQueries.VolumeRegel.class, queries::volume),
                "zonder-toewijzing", new Rapport("zonder-toewijzing", "Declaraties zonder toewijzing",
                        RapportQueries.ZonderToewijzingRegel.class, queries::zonderToewijzing));
    }

    public List<String> namen() {
        return rapporten.keySet().stream().sorted().toList();
    }

    public List<Rapport> alle() {
        return namen().stream().map(rapporten::get).toList();
    }

    /** The report of this name, or null. */
    public Rapport rapport(String naam) {
        return rapporten.get(naam);
    }
}
