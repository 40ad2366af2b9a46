package nl.knooppunt.dashboard;

/**
 * One queue of the broker as the Overzicht shows it.
 *
 * @param deelnemer      gemeentecode or AGB-code of a participant's queue ({@code gemeente.0599}), else null
 * @param wachtend       messages waiting, incl. scheduled redeliveries
 * @param oudsteSeconden age of the oldest waiting message, null when none waits
 */
public record Wachtrij(String naam, String soort, String deelnemer, long wachtend, Long oudsteSeconden, long toegevoegd,
                       long afgeleverd, int afnemers, boolean gepauzeerd) {

    static Wachtrij van(String naam, long wachtend, Long oudsteSeconden, long toegevoegd, long afgeleverd, int afnemers,
                        boolean gepauzeerd) {
        String soort = "overig";
        String deelnemer = null;
        if (naam.startsWith("gemeente.")) {
            soort = "gemeente";
            deelnemer = naam.substring("gemeente.".length());
        } else if (naam.startsWith("aanbieder.")) {
            soort = "aanbieder";
            deelnemer = naam.substring("aanbieder.".length());
        }
        return new Wachtrij(naam, soort, deelnemer, wachtend, oudsteSeconden, toegevoegd, afgeleverd, afnemers, gepauzeerd);
    }
}
