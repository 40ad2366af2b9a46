package nl.knooppunt.intake.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.knooppunt.registry.RegistryService;
import nl.knooppunt.system.KnooppuntProperties;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The hub's own SFTP server (Apache MINA SSHD): public-key login as AGB-code, each aanbieder chrooted to
 * {@code home/<agb>} with {@code uit/} and {@code in/}, SFTP only. The host key is generated on first start and kept
 * in {@code ${knooppunt.data-dir}/sftp/hostkey.pem}, so the fingerprint aanbieders pinned stays the same.
 */
@Component
public class SftpServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SftpServer.class);

    private final SftpProperties properties;
    private final SftpMappen mappen;
    private final RegistryService registry;
    private final UitMap uitMap;
    private volatile SshServer server;

    public SftpServer(SftpProperties properties, SftpMappen mappen, RegistryService registry,
                      KnooppuntProperties knooppunt) {
        this.properties = properties;
        this.mappen = mappen;
        this.registry = registry;
        this.uitMap = new UitMap(mappen, knooppunt.maxBerichtSize().toBytes());
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.info("SFTP-server staat uit (knooppunt.sftp.enabled=false)");
            return;
        }
        try {
            Files.createDirectories(mappen.root());
            herstel();
            SshServer sshd = SshServer.setUpDefaultServer();
            sshd.setHost(properties.host());
            sshd.setPort(properties.port());
            SimpleGeneratorHostKeyProvider hostKey = new SimpleGeneratorHostKeyProvider(mappen.hostKey());
            hostKey.setAlgorithm("EC");
            hostKey.setKeySize(256);
            sshd.setKeyPairProvider(hostKey);
            sshd.setPublickeyAuthenticator(new SleutelLogin(registry));
            sshd.setPasswordAuthenticator(null);
            sshd.setKeyboardInteractiveAuthenticator(null);
            sshd.setGSSAuthenticator(null);
            sshd.setHostBasedAuthenticator(null);
            sshd.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
            sshd.setShellFactory(null);
            sshd.setCommandFactory(null);
            sshd.setFileSystemFactory(new Chroot(mappen));
            SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder().build();
            sftp.addSftpEventListener(uitMap);
            sshd.setSubsystemFactories(List.of(sftp));
            CoreModuleProperties.IDLE_TIMEOUT.set(sshd, properties.idleTimeout());
            CoreModuleProperties.AUTH_TIMEOUT.set(sshd, java.time.Duration.ofSeconds(30));
            CoreModuleProperties.MAX_AUTH_REQUESTS.set(sshd, 6);
            sshd.start();
            server = sshd;
            log.info("SFTP-server luistert op {}:{}", properties.host(), sshd.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("SFTP-server kan niet starten op " + properties.host() + ":"
                    + properties.port(), e);
        }
    }

    /** Markers that arrived while the hub was down still take their file. */
    private void herstel() throws IOException {
        Path homes = mappen.root().resolve("home");
        if (!Files.isDirectory(homes)) {
            return;
        }
        try (DirectoryStream<Path> agbs = Files.newDirectoryStream(homes)) {
            for (Path home : agbs) {
                String agb = home.getFileName().toString();
                if (SftpMappen.isAgb(agb)) {
                    uitMap.herstel(agb);
                }
            }
        }
    }

    @Override
    public void stop() {
        SshServer sshd = server;
        server = null;
        if (sshd != null) {
            try {
                sshd.stop(true);
            } catch (IOException e) {
                log.warn("SFTP-server stoppen: {}", e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return server != null && server.isStarted();
    }

    /** The bound port (differs from the setting when that is 0). */
    public int port() {
        SshServer sshd = server;
        if (sshd == null) {
            throw new IllegalStateException("SFTP-server draait niet");
        }
        return sshd.getPort();
    }

    /** Open SSH sessions (tests wait on this after cutting a client off). */
    int sessies() {
        SshServer sshd = server;
        return sshd == null ? 0 : sshd.getActiveSessions().size();
    }

    /** Each session sees only its own aanbieder's tree; the folders are created at login. */
    static final class Chroot extends VirtualFileSystemFactory {

        private final SftpMappen mappen;

        Chroot(SftpMappen mappen) {
            this.mappen = mappen;
        }

        @Override
        public Path getUserHomeDir(SessionContext session) {
            return mappen.home(session.getUsername());
        }
    }
}
