package nl.knooppunt.registry;

import java.util.List;

/**
 * A zorgaanbieder known to the hub.
 *
 * @param sftpPublicKeys OpenSSH public keys ({@code ssh-ed25519 AAAA…}) with which it may log in to the hub's SFTP
 *                       server as its AGB-code; empty: no SFTP login
 * @param regio          the BW/MO region it belongs to, one of the regions of mandaten.csv; null: not known (the
 *                       bovenregionale-declaraties report lists it under "regio onbekend")
 */
public record Aanbieder(String agb, String naam, List<String> sftpPublicKeys, String regio) {

    public Aanbieder {
        sftpPublicKeys = sftpPublicKeys == null ? List.of() : List.copyOf(sftpPublicKeys);
    }

    public Aanbieder(String agb, String naam, List<String> sftpPublicKeys) {
        this(agb, naam, sftpPublicKeys, null);
    }

    public Aanbieder(String agb, String naam) {
        this(agb, naam, List.of(), null);
    }
}
