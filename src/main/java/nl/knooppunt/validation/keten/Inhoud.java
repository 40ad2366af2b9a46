package nl.knooppunt.validation.keten;

import java.time.LocalDate;
import java.util.List;
import nl.knooppunt.intake.BerichtType;
import nl.knooppunt.system.Tekens;

/**
 * What the checks across berichten (control levels 3 and 4) need from one bericht. It holds sender-chosen keys
 * (Identificatie, DeclaratieNummer, ReferentieNummer, ReferentieAanbieder) as read, because the standard keys on them;
 * they never leave this package except as keyed pseudonyms in the store. It holds no BSN: clients are pseudonyms.
 *
 * @param identificatie the sender's own Identificatie: IdentificatieRetour for a retour (the heen header is copied),
 *                      BerichtIdentificatie/Identificatie otherwise
 * @param heenIdentificatie the BerichtIdentificatie/Identificatie in the header (of a 325: its DeclaratieIdentificatie)
 */
public record Inhoud(BerichtType type, String afzender, String ontvanger, String identificatie,
                     String heenIdentificatie, LocalDate dagtekening, String clientPseudoniem, List<Regel> regels,
                     String declaratieNummer, List<Prestatie> prestaties) {

    public static final String PROPERTY = "knooppuntInhoud";

    public Inhoud {
        regels = List.copyOf(regels);
        prestaties = List.copyOf(prestaties);
    }

    /** The gemeente party: whichever of Afzender/Ontvanger is a gemeentecode. */
    public String gemeente() {
        return Tekens.cijfers(afzender, 4, 4) ? afzender
                : Tekens.cijfers(ontvanger, 4, 4) ? ontvanger : null;
    }

    /** The aanbieder party: whichever of Afzender/Ontvanger is an AGB-code. */
    public String aanbieder() {
        return Tekens.cijfers(afzender, 8, 8) ? afzender
                : Tekens.cijfers(ontvanger, 8, 8) ? ontvanger : null;
    }

    /** The party that physically sent it: direction follows from the BerichtCode (retours copy the heen header). */
    public String verzender() {
        return type.richting() == BerichtType.Richting.NAAR_GEMEENTE ? aanbieder() : gemeente();
    }

    /**
     * One product line: ToegewezenProduct (301), StartProduct (305), StopProduct (307), AangevraagdProduct (315) or
     * the Verzoek of a 317 (only its ReferentieAanbieder), or the Antwoord of a 319.
     *
     * @param pad element path with positions, e.g. {@code /Client/ToegewezenProducten/ToegewezenProduct[2]}
     */
    public record Regel(String berichtklasse, String pad, Long toewijzingNummer, String referentieAanbieder,
                        String categorie, String code, LocalDate ingangsdatum, LocalDate begindatum,
                        LocalDate einddatum, Long volume, String eenheid, String frequentie, Long budget,
                        String redenWijziging, String redenBeeindiging, String statusAanlevering) {
    }

    /** One Prestatie of a 323. {@code volume} is signed: a credit prestatie counts negative. */
    public record Prestatie(String pad, String clientPseudoniem, String referentieNummer, Long toewijzingNummer,
                            String categorie, String code, LocalDate begindatum, LocalDate einddatum, Long volume,
                            String eenheid, boolean credit) {
    }
}
