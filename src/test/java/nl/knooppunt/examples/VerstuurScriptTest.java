package nl.knooppunt.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.intake.sftp.SftpServer;
import nl.knooppunt.registry.RegistryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sample aanbieder client {@code examples/verstuur.sh}, run for real (bash, curl, OpenSSH sftp) against the shared
 * test hub, as a newcomer runs it from the README.
 */
class VerstuurScriptTest extends SharedHubTest {

    private static final String AGB = "42420005";
    private static final Pattern TRACEER_ID = Pattern.compile("traceerId: +([0-9a-f-]{36})");

    @Autowired
    SftpServer sftpServer;
    @Autowired
    RegistryService registry;

    private final Path dir = tempDir("knooppunt-verstuur");

    record Uitvoer(int exit, String tekst) {
    }

    @Test
    void soapSendsAnExampleAndPrintsTheAcceptedAnswer() {
        Uitvoer u = run("soap", "examples/wmo315.xml");
        assertThat(u.exit()).as(u.tekst()).isZero();
        assertThat(u.tekst()).contains("status:    GEACCEPTEERD");
        Matcher m = TRACEER_ID.matcher(u.tekst());
        assertThat(m.find()).as(u.tekst()).isTrue();
        assertThat(receive("gemeente.0599", m.group(1))).as("delivered to Rotterdam's queue").isNotNull();
    }

    @Test
    void soapPrintsTheMeldingenOfARejectedBerichtAndExitsNonZero() {
        Uitvoer u = run("soap", "examples/ongeldig/CS002-wmo315-bsn-faalt-elfproef.xml");
        assertThat(u.exit()).as(u.tekst()).isEqualTo(1);
        assertThat(u.tekst()).contains("status:    AFGEKEURD").containsPattern("melding: +CS002 ");
    }

    @Test
    void sftpUploadsWithAKeyAndPrintsTheVerslag() throws Exception {
        Path key = sleutelVoor(AGB);
        // Afzender must be the AGB-code logged in with; a fresh Identificatie so a rerun is no duplicate
        String xml = Files.readString(Path.of("examples/wmo315.xml"))
                .replace("<wmo315:Afzender>42420001</wmo315:Afzender>", "<wmo315:Afzender>" + AGB + "</wmo315:Afzender>")
                .replace("LIN315-00042", "VS" + System.nanoTime() % 1_000_000_000L);
        Path bericht = dir.resolve("wmo315-drechtsteden.xml");
        Files.writeString(bericht, xml);

        Uitvoer u = run("sftp", AGB, key.toString(), bericht.toString());
        assertThat(u.exit()).as(u.tekst()).isZero();
        assertThat(u.tekst()).contains("<Status>GEACCEPTEERD</Status>").contains("<Bestandsnaam>wmo315-drechtsteden.xml");
        Matcher m = Pattern.compile("<TraceerId>([0-9a-f-]{36})</TraceerId>").matcher(u.tekst());
        assertThat(m.find()).isTrue();
        assertThat(receive("gemeente.0599", m.group(1))).isNotNull();
    }

    @Test
    void withoutArgumentsItPrintsUsage() {
        Uitvoer u = run();
        assertThat(u.exit()).isEqualTo(2);
        assertThat(u.tekst()).contains("examples/verstuur.sh soap <bericht.xml>");
    }

    /** An ed25519 key from ssh-keygen, registered for the aanbieder next to whatever keys the registry has. */
    private Path sleutelVoor(String agb) throws IOException {
        Path key = dir.resolve("id_" + agb);
        Uitvoer k = proces(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "verstuur", "-f", key.toString()),
                Map.of());
        assertThat(k.exit()).as(k.tekst()).isZero();
        String publiek = Files.readString(Path.of(key + ".pub")).trim();
        Path aanbieders = REGISTRY_DIR.resolve("aanbieders.yaml");
        String huidig = Files.isRegularFile(aanbieders) ? Files.readString(aanbieders)
                : new String(getClass().getResourceAsStream("/registry/aanbieders.yaml").readAllBytes(),
                        StandardCharsets.UTF_8);
        String naam = "  naam: \"Huishoudelijke Hulp Drechtsteden (fictief)\"\n";
        assertThat(huidig).contains(naam);
        Files.writeString(aanbieders, huidig.replace(naam, naam + "  sftp: { publicKeys: [\"" + publiek + "\"] }\n"));
        registry.reload();
        return key;
    }

    private Uitvoer run(String... args) {
        List<String> cmd = new ArrayList<>(List.of("examples/verstuur.sh"));
        cmd.addAll(List.of(args));
        return proces(cmd, Map.of("KNOOPPUNT_URL", "http://localhost:" + port,
                "KNOOPPUNT_SFTP", "127.0.0.1:" + sftpServer.port(),
                "KNOOPPUNT_KNOWN_HOSTS", dir.resolve("known_hosts").toString()));
    }

    private static Uitvoer proces(List<String> cmd, Map<String, String> env) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timeout: " + cmd);
            }
            return new Uitvoer(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
