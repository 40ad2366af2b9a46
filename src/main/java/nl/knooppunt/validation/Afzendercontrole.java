package nl.knooppunt.validation;

import nl.knooppunt.intake.Bericht;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * Anti-spoofing: a channel that authenticated its caller (SFTP login as AGB-code, TLS client certificate) only carries
 * berichten whose Afzender is that caller. Runs right after the intake gate, before the XSD.
 */
@Component
public class Afzendercontrole {

    public void check(@ExchangeProperty(Bericht.PROPERTY) Bericht bericht) {
        String deelnemer = bericht.deelnemer();
        if (deelnemer == null) {
            return;
        }
        String afzender = bericht.info() == null ? null : bericht.info().afzender();
        if (!deelnemer.equals(afzender)) {
            throw AfkeurException.of(Afkeurcode.KP008, "aangeleverd door " + deelnemer
                    + (afzender == null ? ", Afzender ontbreekt" : ", Afzender is " + Masking.maskBsnLike(afzender)));
        }
    }
}
