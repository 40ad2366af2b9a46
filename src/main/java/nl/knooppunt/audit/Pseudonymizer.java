package nl.knooppunt.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.knooppunt.system.KnooppuntProperties;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Keyed pseudonym of a BSN: HMAC-SHA256 with a secret, so that contractmanagement can count and link clients without
 * ever seeing a BSN, and nobody without the secret can reverse it by trying all 10^9 BSNs.
 * <p>The secret comes from {@code knooppunt.pseudonym.secret} (environment {@code KNOOPPUNT_PSEUDONYM_SECRET}), or
 * {@code knooppunt.pseudonym.secret-file}; in the embedded default one is generated once into the data dir. The prod
 * profile refuses to start without a configured secret.
 */
@Component
public class Pseudonymizer {

    private final String keyId;
    private final SecretKeySpec key;

    public Pseudonymizer(KnooppuntProperties properties, Environment env) {
        this.keyId = properties.pseudonym().keyId();
        this.key = new SecretKeySpec(secret(properties, env), "HmacSHA256");
    }

    public String keyId() {
        return keyId;
    }

    public String pseudonym(String bsn) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(bsn.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] secret(KnooppuntProperties properties, Environment env) {
        String configured = env.getProperty("knooppunt.pseudonym.secret");
        if (configured != null && !configured.isBlank()) {
            return checked(configured.getBytes(StandardCharsets.UTF_8), "knooppunt.pseudonym.secret");
        }
        Path file = properties.pseudonym().secretFile();
        if (file != null) {
            try {
                return checked(Files.readString(file).strip().getBytes(StandardCharsets.UTF_8), file.toString());
            } catch (IOException e) {
                throw new IllegalStateException("knooppunt.pseudonym.secret-file " + file + " cannot be read", e);
            }
        }
        if (env.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("prod profile: set KNOOPPUNT_PSEUDONYM_SECRET or knooppunt.pseudonym.secret-file");
        }
        return generated(properties.dataDir().resolve("pseudonym-" + properties.pseudonym().keyId() + ".key"));
    }

    private static byte[] generated(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Files.writeString(file, Base64.getEncoder().encodeToString(fresh), StandardOpenOption.CREATE_NEW);
            }
            return Files.readString(file).strip().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create pseudonym key " + file, e);
        }
    }

    private static byte[] checked(byte[] secret, String source) {
        if (secret.length < 16) {
            throw new IllegalStateException(source + ": the pseudonym secret must be at least 16 bytes");
        }
        return secret;
    }
}
