package nl.knooppunt.intake.sftp;

import java.security.PublicKey;
import java.util.Objects;
import nl.knooppunt.registry.Aanbieder;
import nl.knooppunt.registry.RegistryService;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Public-key login as an AGB-code: the key must be one of that aanbieder's {@code sftp.publicKeys} in the current
 * registry, so a registry reload takes effect at the next login. An aanbieder without keys cannot log in.
 */
class SleutelLogin implements PublickeyAuthenticator {

    private static final Logger log = LoggerFactory.getLogger(SleutelLogin.class);

    private final RegistryService registry;

    SleutelLogin(RegistryService registry) {
        this.registry = registry;
    }

    @Override
    public boolean authenticate(String username, PublicKey key, ServerSession session) {
        if (!SftpMappen.isAgb(username)) {
            return false;
        }
        Aanbieder aanbieder = registry.current().aanbieder(username).orElse(null);
        if (aanbieder == null) {
            return false;
        }
        boolean ok = aanbieder.sftpPublicKeys().stream().map(SleutelLogin::parse).filter(Objects::nonNull)
                .anyMatch(k -> KeyUtils.compareKeys(k, key));
        if (!ok) {
            log.info("SFTP: sleutel geweigerd voor {} (fingerprint {})", username, KeyUtils.getFingerPrint(key));
        }
        return ok;
    }

    /** A registry key that cannot be parsed never matches (the registry loader should have refused it). */
    static PublicKey parse(String line) {
        try {
            return AuthorizedKeyEntry.parseAuthorizedKeyEntry(line)
                    .resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
        } catch (Exception e) {
            log.warn("SFTP: onleesbare publieke sleutel in het register: {}", e.getClass().getSimpleName());
            return null;
        }
    }
}
