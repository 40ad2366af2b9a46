package nl.knooppunt.intake.sftp;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code knooppunt.sftp.*}: the hub's own SFTP server for aanbieders. Login is by public key only (from the registry);
 * the server offers no password or keyboard-interactive login, no shell, no exec and no port forwarding.
 *
 * @param host         bind address; 127.0.0.1 in the embedded default, 0.0.0.0 to accept remote aanbieders
 * @param port         0 picks a free port (tests)
 * @param pollInterval milliseconds: how often the intake looks for picked-up files in the hub's work folder
 * @param idleTimeout  an idle session is closed after this
 * @param map          root of the SFTP folders (homes, host key); replicas share it (docs/operations.md, Replicas)
 * @param werk         this replica's own work folder for picked-up files, on the same file system as {@code map} (a
 *                     pickup is one atomic rename); with replicas every one has its own, e.g. {@code <map>/werk/hub-1}
 */
@Validated
@ConfigurationProperties("knooppunt.sftp")
public record SftpProperties(
        @NotNull Boolean enabled,
        @NotBlank String host,
        @NotNull @Min(0) @Max(65535) Integer port,
        @NotNull @Min(10) Long pollInterval,
        @NotNull Duration idleTimeout,
        @NotNull Path map,
        @NotNull Path werk) {
}
