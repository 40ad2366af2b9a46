package nl.knooppunt.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;

/**
 * Before any hub bean exists: the demo's SFTP aanbieders get a login key (kept in {@code ${data-dir}/demo/sleutels},
 * made once), and the demo registry dir gets {@code aanbieders.yaml} from {@code demo/registry/aanbieders.yaml} with
 * those public keys. The registry then loads it like any own registry file.
 */
final class DemoVoorbereiding implements BeanFactoryPostProcessor {

    private final Environment environment;

    DemoVoorbereiding(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        Path dataDir = Path.of(environment.getRequiredProperty("knooppunt.data-dir"));
        Path registryDir = registryDir(dataDir);
        String configured = environment.getProperty("knooppunt.registry-dir");
        if (configured == null || !Path.of(configured).toAbsolutePath().normalize().equals(registryDir)) {
            throw new IllegalStateException("demo mode (knooppunt.demo.enabled) keeps its own registry: set "
                    + "knooppunt.registry-dir to " + registryDir + " (it is " + configured + ")");
        }
        Verkeer verkeer = Verkeer.laad();
        if (!verkeer.viaSftp().isEmpty()
                && !environment.getProperty("knooppunt.sftp.enabled", Boolean.class, Boolean.TRUE)) {
            throw new IllegalStateException("demo mode sends over SFTP too: knooppunt.sftp.enabled must be true");
        }
        try {
            Files.createDirectories(registryDir);
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            ArrayNode aanbieders;
            try (InputStream in = getClass().getResourceAsStream("/demo/registry/aanbieders.yaml")) {
                aanbieders = (ArrayNode) yaml.readTree(in);
            }
            for (Verkeer.Aanbieder a : verkeer.viaSftp()) {
                String publiek = sleutel(dataDir, a.agb());
                for (var node : aanbieders) {
                    if (a.agb().equals(node.get("agb").asText())) {
                        ((ObjectNode) node).putObject("sftp").putArray("publicKeys").add(publiek);
                    }
                }
            }
            Files.writeString(registryDir.resolve("aanbieders.yaml"),
                    "# Written by the demo at start (nl.knooppunt.demo.DemoVoorbereiding); edits are overwritten.\n"
                            + yaml.writeValueAsString(aanbieders));
        } catch (IOException e) {
            throw new UncheckedIOException("demo: cannot prepare " + registryDir, e);
        }
    }

    private static void alleenEigenaar(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: OpenSSH will complain about the key's permissions, the demo itself does not
        }
    }

    static Path registryDir(Path dataDir) {
        return dataDir.resolve("demo").resolve("registry").toAbsolutePath().normalize();
    }

    static Path sleutelBestand(Path dataDir, String agb) {
        return dataDir.resolve("demo").resolve("sleutels").resolve("id_" + agb).toAbsolutePath().normalize();
    }

    /** The aanbieder's key pair, made on the first demo start; returns the OpenSSH public key line. */
    private static String sleutel(Path dataDir, String agb) throws IOException {
        Path prive = sleutelBestand(dataDir, agb);
        Path publiek = Path.of(prive + ".pub");
        if (!Files.isRegularFile(prive) || !Files.isRegularFile(publiek)) {
            Files.createDirectories(prive.getParent());
            try {
                KeyPair pair = KeyPair.genKeyPair(new JSch(), KeyPair.RSA, 3072);
                pair.writePrivateKey(prive.toString());
                pair.writePublicKey(publiek.toString(), "demo-" + agb);
                pair.dispose();
                alleenEigenaar(prive);
            } catch (JSchException e) {
                throw new IllegalStateException("demo: cannot make an SFTP key for " + agb, e);
            }
        }
        return Files.readString(publiek, StandardCharsets.UTF_8).strip();
    }
}
