package nl.knooppunt.validation.keten;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the hub remembers of earlier berichten, keyed as the standard keys it (iwmo.md §11): (gemeente,
 * ToewijzingNummer), (AGB, DeclaratieNummer), (AGB, ProductReferentie), (AGB, ReferentieAanbieder). Sender-chosen
 * keys are passed as read; the store keeps only keyed pseudonyms of them.
 */
public interface KetenGeheugen {

    Optional<ToegewezenProduct> toewijzing(String gemeente, long nummer);

    /** The traceerId of the delivered 323 with this DeclaratieNummer, if any. */
    Optional<String> declaratie(String aanbieder, String declaratieNummer);

    /** The traceerId of the delivered 323 with a prestatie with this ReferentieNummer, if any. */
    Optional<String> prestatie(String aanbieder, String referentieNummer);

    /** Σ GeleverdVolume (debet − credit) of the delivered prestaties on this toewijzing. */
    long gedeclareerdVolume(String gemeente, long nummer);

    /** The starts and stops delivered for this toewijzing, oldest first. */
    List<StartStop> startStops(String gemeente, long nummer);

    record ToegewezenProduct(String gemeente, long nummer, String aanbieder, String clientPseudoniem,
                             String categorie, String code, LocalDate ingangsdatum, LocalDate einddatum, Long volume,
                             String eenheid, String frequentie, Long budget, String redenWijziging) {
    }

    /** @param begindatum for a stop: the Begindatum of the start it ends */
    record StartStop(Soort soort, LocalDate begindatum, LocalDate einddatum, String reden, String traceerId) {
        public enum Soort { START, STOP }
    }
}
