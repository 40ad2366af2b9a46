package nl.knooppunt.intake.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The SFTP folders under {@code knooppunt.sftp.map} (default {@code ${knooppunt.data-dir}/sftp}): {@code home/<agb>/uit}
 * and {@code home/<agb>/in} (the aanbieder's chroot), the host key, and this replica's work folder
 * {@code knooppunt.sftp.werk} (default {@code <map>/werk}) with {@code <agb>/} (hub-owned: picked-up files until they are
 * processed).
 * The work folder sits on the same file system as the homes, so a pickup is one atomic rename.
 */
@Component
public class SftpMappen {

    static final String UIT = "uit";
    static final String IN = "in";
    private static final Pattern AGB = Pattern.compile("\\d{8}");

    private final Path root;
    private final Path werk;

    public SftpMappen(SftpProperties properties) {
        this.root = properties.map().toAbsolutePath().normalize();
        this.werk = properties.werk().toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    Path hostKey() {
        return root.resolve("hostkey.pem");
    }

    Path werk() {
        return werk;
    }

    /** The aanbieder's chroot, with {@code uit/} and {@code in/} created when missing. */
    public Path home(String agb) {
        Path home = root.resolve("home").resolve(checked(agb));
        try {
            Files.createDirectories(home.resolve(UIT));
            Files.createDirectories(home.resolve(IN));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create SFTP folders for " + agb, e);
        }
        return home;
    }

    public Path uit(String agb) {
        return home(agb).resolve(UIT);
    }

    public Path in(String agb) {
        return home(agb).resolve(IN);
    }

    Path werk(String agb) {
        Path werk = werk().resolve(checked(agb));
        try {
            Files.createDirectories(werk);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create SFTP work folder for " + agb, e);
        }
        return werk;
    }

    /** Only an 8-digit AGB-code ever becomes a path segment. */
    static String checked(String agb) {
        if (agb == null || !AGB.matcher(agb).matches()) {
            throw new IllegalArgumentException("geen AGB-code");
        }
        return agb;
    }

    static boolean isAgb(String value) {
        return value != null && AGB.matcher(value).matches();
    }
}
