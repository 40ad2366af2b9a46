package nl.knooppunt.rapportage;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** The contractmanagement reports by name, shared by the JSON/CSV API and the page. */
@Component
public class Rapporten {

    /** One report: the row type (its JSON/CSV columns), its query and a Dutch explanation for the page (or null). */
    public record Rapport(String naam, String titel, Class<?> regel, Function<Periode, List<?>> query, String uitleg) {

        public Rapport(String naam, String titel, Class<?> regel, Function<Periode, List<?>> query) {
            this(naam, titel, regel, query, null);
        }
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
                        RapportQueries.ZonderToewijzingRegel.class, queries::zonderToewijzing),
                "termijnen", new Rapport("termijnen", "Termijnen verstreken",
                        RapportQueries.TermijnRegel.class, queries::termijnen,
                        "Per maand van de uiterste dag: termijnen tijdig voldaan, te laat voldaan, verstreken (niet "
                                + "voldaan en de uiterste dag is voorbij) en lopend, op de peildatum vandaag. "
                                + "'aanZet' is wie te laat is: wie het verwachte bericht moet sturen."),
                "bovenregionaal", new Rapport("bovenregionaal", "Bovenregionale declaraties",
                        RapportQueries.BovenregionaalRegel.class, queries::bovenregionaal,
                        "Geaccepteerde declaratie-prestaties waarbij de regio van de aanbieder verschilt van de regio "
                                + "van de uitvoerende gemeente (geld volgt cliënt), volgens het register op het moment "
                                + "van de declaratie. Daaronder apart: 'regio onbekend' (geen regio in het register), "
                                + "niet geraden. Bedragen in eurocent."));
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
