package nl.knooppunt.intake.soap;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoapPropertiesTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @TempDir
    Path dir;

    @Test
    void onlyTls12And13() {
        assertThat(messages(tls(null, null, List.of("TLSv1.2", "TLSv1.3")))).isEmpty();
        assertThat(messages(tls(null, null, List.of("TLSv1.1", "TLSv1.2")))).containsExactly("must be TLSv1.2 or TLSv1.3");
        assertThat(messages(tls(null, null, List.of()))).hasSize(1);
    }

    @Test
    void aKeyStoreNeedsATrustStoreAndBothMustExist() throws Exception {
        Path keyStore = Files.createFile(dir.resolve("server.p12"));
        Path trustStore = Files.createFile(dir.resolve("trust.p12"));

        assertThat(messages(tls(keyStore, trustStore, List.of("TLSv1.3")))).isEmpty();
        assertThat(messages(tls(keyStore, null, List.of("TLSv1.3")))).singleElement().asString()
                .contains("trust-store");
        assertThat(messages(tls(keyStore, dir.resolve("ontbreekt.p12"), List.of("TLSv1.3")))).hasSize(1);
    }

    @Test
    void passwordsAreNeverPrinted() {
        SoapProperties.Tls tls = new SoapProperties.Tls(8443, null, null, "PKCS12", new Geheim("geheim-1"),
                null, "PKCS12", new Geheim("geheim-2"), List.of("TLSv1.3"));
        SoapProperties properties = new SoapProperties(false, 100, tls);

        assertThat(properties.toString()).doesNotContain("geheim-1").doesNotContain("geheim-2").contains("******");
    }

    private static SoapProperties.Tls tls(Path keyStore, Path trustStore, List<String> protocols) {
        return new SoapProperties.Tls(8443, null, keyStore, "PKCS12", null, trustStore, "PKCS12", null, protocols);
    }

    private List<String> messages(SoapProperties.Tls tls) {
        Set<ConstraintViolation<SoapProperties>> violations = validator.validate(new SoapProperties(false, 100, tls));
        return violations.stream().map(ConstraintViolation::getMessage).toList();
    }
}
