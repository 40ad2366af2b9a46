package nl.knooppunt.intake.soap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The SOAP channel ({@code knooppunt.soap.*}). SOAP is served over mutual TLS on its own connector
 * ({@code tls.*}); the caller is the participant its client certificate maps to. {@code zonder-certificaat} allows
 * SOAP without a certificate on the plain HTTP port, for local development only: it is refused unless that port
 * binds to loopback ({@link SoapToegangsbeleid}). Passwords are {@link Geheim}, so {@code toString()} masks them.
 */
@Validated
@ConfigurationProperties("knooppunt.soap")
public record SoapProperties(
        boolean zonderCertificaat,
        @NotNull @Min(1) @Max(1000) Integer maxOphalen,
        @Valid @NotNull Tls tls) {

    /**
     * The HTTPS connector for SOAP with {@code clientAuth=need}. It is on when {@code key-store} is set.
     *
     * @param address   bind address; unset binds all interfaces
     * @param protocols TLS versions the connector accepts: TLSv1.2 and/or TLSv1.3, nothing older
     */
    public record Tls(
            @NotNull @Min(1) @Max(65535) Integer port,
            String address,
            Path keyStore,
            @NotBlank String keyStoreType,
            Geheim keyStorePassword,
            Path trustStore,
            @NotBlank String trustStoreType,
            Geheim trustStorePassword,
            @NotEmpty List<@Pattern(regexp = "TLSv1\\.[23]", message = "must be TLSv1.2 or TLSv1.3") String> protocols) {

        public boolean actief() {
            return keyStore != null;
        }

        @AssertTrue(message = "knooppunt.soap.tls.key-store is set, so trust-store (the CAs whose client certificates are "
                + "accepted) must be set too, and both files must exist")
        public boolean isVolledig() {
            return keyStore == null || trustStore != null && Files.isReadable(keyStore) && Files.isReadable(trustStore);
        }
    }
}
