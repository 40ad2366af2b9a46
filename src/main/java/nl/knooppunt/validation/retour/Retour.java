package nl.knooppunt.validation.retour;

import java.util.List;
import nl.knooppunt.intake.BerichtType;

/**
 * A retourbericht the hub wrote for a rejected heenbericht.
 *
 * @param type          WMO302 … WMO320, or WMO325 for a declaratie
 * @param inhoud        the XML, UTF-8 without BOM, CRLF line ends (OP192)
 * @param identificatie its IdentificatieRetour (for a 325: its own BerichtIdentificatie/Identificatie)
 * @param retourcodes   the distinct retourcodes it carries, header code first
 * @param regels        the rule ids that rejected the heenbericht
 */
public record Retour(BerichtType type, byte[] inhoud, String identificatie, List<String> retourcodes,
                     List<String> regels) {
}
