package nl.knooppunt.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.knooppunt.system.KnooppuntProperties;
import nl.knooppunt.testdata.TestBsn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

/** Where the pseudonym key comes from, and that a pseudonym is a stable keyed HMAC of the BSN. */
class PseudonymizerTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final String OTHER_SECRET = "fedcba9876543210fedcba9876543210";
    private static final String BSN = TestBsn.nth(3);

    @TempDir
    Path dataDir;

    @Test
    void configuredSecretGivesTheHmacOfTheBsn() throws Exception {
        Pseudonymizer p = new Pseudonymizer(properties(null), withSecret(SECRET));

        assertThat(p.pseudonym(BSN)).isEqualTo(hmac128(SECRET, BSN)).matches("[0-9a-f]{32}");
        assertThat(p.keyId()).isEqualTo("k1");
    }

    @Test
    void sameBsnSamePseudonymOtherBsnOtherPseudonym() {
        Pseudonymizer p = new Pseudonymizer(properties(null), withSecret(SECRET));

        assertThat(p.pseudonym(BSN)).isEqualTo(p.pseudonym(BSN));
        assertThat(p.pseudonym(BSN)).isNotEqualTo(p.pseudonym(TestBsn.nth(4)));
        assertThat(p.pseudonym(BSN)).doesNotContain(BSN);
    }

    @Test
    void differentKeyGivesADifferentPseudonym() {
        Pseudonymizer a = new Pseudonymizer(properties(null), withSecret(SECRET));
        Pseudonymizer b = new Pseudonymizer(properties(null), withSecret(OTHER_SECRET));

        assertThat(a.pseudonym(BSN)).isNotEqualTo(b.pseudonym(BSN));
    }

    @Test
    void secretFile() throws Exception {
        Path file = Files.writeString(dataDir.resolve("secret.txt"), SECRET + "\n");

        Pseudonymizer p = new Pseudonymizer(properties(file), new MockEnvironment());

        assertThat(p.pseudonym(BSN)).as("trailing newline stripped").isEqualTo(hmac128(SECRET, BSN));
    }

    @Test
    void configuredSecretWinsOverTheSecretFile() throws IOException {
        Path file = Files.writeString(dataDir.resolve("secret.txt"), OTHER_SECRET);

        Pseudonymizer p = new Pseudonymizer(properties(file), withSecret(SECRET));

        assertThat(p.pseudonym(BSN)).isEqualTo(new Pseudonymizer(properties(null), withSecret(SECRET)).pseudonym(BSN));
    }

    @Test
    void blankConfiguredSecretFallsBackToTheFile() throws Exception {
        Path file = Files.writeString(dataDir.resolve("secret.txt"), SECRET);

        Pseudonymizer p = new Pseudonymizer(properties(file), withSecret("   "));

        assertThat(p.pseudonym(BSN)).isEqualTo(hmac128(SECRET, BSN));
    }

    @Test
    void missingSecretFileFails() {
        Path file = dataDir.resolve("does-not-exist.txt");

        assertThatThrownBy(() -> new Pseudonymizer(properties(file), new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("knooppunt.pseudonym.secret-file")
                .hasMessageContaining(file.toString());
    }

    @Test
    void generatedKeyIsWrittenOnceIntoTheDataDirAndReused() throws IOException {
        Path keyFile = dataDir.resolve("pseudonym-k1.key");
        assertThat(keyFile).doesNotExist();

        String first = new Pseudonymizer(properties(null), new MockEnvironment()).pseudonym(BSN);
        String key = Files.readString(keyFile);
        String afterRestart = new Pseudonymizer(properties(null), new MockEnvironment()).pseudonym(BSN);

        assertThat(key).isNotBlank();
        assertThat(afterRestart).as("stable across restarts").isEqualTo(first);
        assertThat(Files.readString(keyFile)).as("not regenerated").isEqualTo(key);
        assertThat(first).matches("[0-9a-f]{32}");
    }

    @Test
    void generatedKeyCreatesAMissingDataDir() {
        Path nested = dataDir.resolve("a/b");

        new Pseudonymizer(properties(nested, null), new MockEnvironment());

        assertThat(nested.resolve("pseudonym-k1.key")).isRegularFile();
    }

    @Test
    void generatedKeysDifferPerDataDir() {
        String a = new Pseudonymizer(properties(dataDir.resolve("a"), null), new MockEnvironment()).pseudonym(BSN);
        String b = new Pseudonymizer(properties(dataDir.resolve("b"), null), new MockEnvironment()).pseudonym(BSN);

        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void generatedKeyIsNotUsedWhenASecretIsConfigured() {
        new Pseudonymizer(properties(null), withSecret(SECRET));

        assertThat(dataDir.resolve("pseudonym-k1.key")).doesNotExist();
    }

    @Test
    void tooShortSecretFails() {
        assertThatThrownBy(() -> new Pseudonymizer(properties(null), withSecret("fifteen-chars..")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("knooppunt.pseudonym.secret")
                .hasMessageContaining("16 bytes")
                .hasMessageNotContaining("fifteen-chars");
    }

    @Test
    void sixteenByteSecretIsEnough() {
        assertThat(new Pseudonymizer(properties(null), withSecret("sixteen-chars...")).pseudonym(BSN)).hasSize(32);
    }

    @Test
    void tooShortSecretFileFails() throws IOException {
        Path file = Files.writeString(dataDir.resolve("secret.txt"), "short\n");

        assertThatThrownBy(() -> new Pseudonymizer(properties(file), new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("16 bytes");
    }

    @Test
    void prodProfileWithoutASecretFails() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");

        assertThatThrownBy(() -> new Pseudonymizer(properties(null), prod))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KNOOPPUNT_PSEUDONYM_SECRET");
        assertThat(dataDir.resolve("pseudonym-k1.key")).as("no key generated in prod").doesNotExist();
    }

    @Test
    void prodProfileWithASecretStarts() {
        MockEnvironment prod = withSecret(SECRET);
        prod.setActiveProfiles("prod");

        assertThat(new Pseudonymizer(properties(null), prod).pseudonym(BSN)).isEqualTo(
                new Pseudonymizer(properties(null), withSecret(SECRET)).pseudonym(BSN));
    }

    @Test
    void prodProfileWithASecretFileStarts() throws IOException {
        Path file = Files.writeString(dataDir.resolve("secret.txt"), SECRET);
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");

        assertThat(new Pseudonymizer(properties(file), prod).pseudonym(BSN)).hasSize(32);
    }

    private KnooppuntProperties properties(Path secretFile) {
        return properties(dataDir, secretFile);
    }

    private static KnooppuntProperties properties(Path dataDir, Path secretFile) {
        return new KnooppuntProperties(dataDir, null, null, DataSize.ofMegabytes(25),
                new KnooppuntProperties.Pseudonym("k1", secretFile),
                new KnooppuntProperties.Audit("audit.contractmanagement", Duration.ofMillis(200), 500));
    }

    private static MockEnvironment withSecret(String secret) {
        return new MockEnvironment().withProperty("knooppunt.pseudonym.secret", secret);
    }

    /** HMAC-SHA256 of the BSN, first 16 bytes as lowercase hex: computed here independently of the class under test. */
    private static String hmac128(String secret, String bsn) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(bsn.getBytes(StandardCharsets.US_ASCII))).substring(0, 32);
    }
}
