package nl.knooppunt.it.support;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An aanbieder uploading over SFTP with JSch and an ed25519 key made by ssh-keygen: {@code uit/x.xml.part}, then a
 * rename to {@code uit/x.xml}. The hub takes the file at the rename, before answering it; so a rename that returned
 * OK is a bericht the hub accepted.
 */
public final class SftpSender implements AutoCloseable {

    private final String host = "127.0.0.1";
    private final int port;
    private final String agb;
    private final Path key;
    private Session session;
    private ChannelSftp sftp;

    public SftpSender(int port, String agb, Path key) {
        this.port = port;
        this.agb = agb;
        this.key = key;
    }

    /** A fresh ed25519 key pair (ssh-keygen); returns the private key file, the public one is next to it. */
    public static Path newKey(Path dir) {
        Path key = dir.resolve("id_ed25519");
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(key);
            Files.deleteIfExists(Path.of(key + ".pub"));
            Process p = new ProcessBuilder(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "it",
                    "-f", key.toString())).redirectErrorStream(true).start();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("ssh-keygen failed: " + new String(p.getInputStream().readAllBytes()));
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String publicKey(Path key) {
        try {
            return Files.readString(Path.of(key + ".pub")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uploads and renames; true when the rename was answered OK (accepted), false on any failure. */
    public boolean upload(String name, String xml) {
        return upload(name, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The same for content streamed as it is sent (a file too large to hold); false when the hub refused it. */
    public boolean upload(String name, java.io.InputStream content) {
        try {
            connect();
            sftp.put(content, "uit/" + name + ".part");
            sftp.rename("uit/" + name + ".part", "uit/" + name);
            return true;
        } catch (JSchException | SftpException | RuntimeException e) {
            close();
            return false;
        }
    }

    private void connect() throws JSchException {
        if (sftp != null && sftp.isConnected()) {
            return;
        }
        JSch jsch = new JSch();
        jsch.addIdentity(key.toString());
        session = jsch.getSession(agb, host, port);
        session.setConfig("StrictHostKeyChecking", "no"); // loopback test server with a fresh host key
        session.setConfig("PreferredAuthentications", "publickey");
        session.connect(10_000);
        sftp = (ChannelSftp) session.openChannel("sftp");
        sftp.connect(10_000);
    }

    @Override
    public void close() {
        if (sftp != null) {
            sftp.disconnect();
        }
        if (session != null) {
            session.disconnect();
        }
        sftp = null;
        session = null;
    }
}
