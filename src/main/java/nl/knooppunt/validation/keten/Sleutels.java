package nl.knooppunt.validation.keten;

import nl.knooppunt.audit.Pseudonymizer;
import org.springframework.stereotype.Component;

/**
 * Keyed pseudonyms for sender-chosen identifiers (Identificatie, DeclaratieNummer, ReferentieNummer,
 * ReferentieAanbieder): free text that could hold a BSN, so the store keeps only the HMAC. The kind is part of the
 * input, so equal texts of different kinds never share a key. Rotating the pseudonym key empties this memory.
 */
@Component
public class Sleutels {

    private final Pseudonymizer pseudonymizer;

    public Sleutels(Pseudonymizer pseudonymizer) {
        this.pseudonymizer = pseudonymizer;
    }

    public String van(String soort, String waarde) {
        StringBuilder s = new StringBuilder(soort).append(':');
        waarde.codePoints().forEach(c -> {
            if (c < 0x80) {
                s.append((char) c);
            } else {
                s.append("\\u{").append(Integer.toHexString(c)).append('}');
            }
        });
        return pseudonymizer.pseudonym(s.toString());
    }
}
