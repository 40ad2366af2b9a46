package nl.knooppunt.demo;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Vector;
import java.util.function.Predicate;

/**
 * A demo aanbieder on the hub's SFTP server, as a real client (JSch) with its own key and the hub's pinned host key:
 * uploads into {@code uit/} under a temporary name and renames (docs/channels.md), and fetches and deletes what the
 * hub put into {@code in/}.
 */
final class SftpAanbieder implements AutoCloseable {

    record Bestand(String naam, byte[] inhoud) {
    }

    private final String agb;
    private final Session session;
    private final ChannelSftp sftp;

    SftpAanbieder(String agb, Path sleutel, String knownHosts, String host, int port) throws JSchException {
        this.agb = agb;
        JSch jsch = new JSch();
        jsch.addIdentity(sleutel.toString());
        jsch.setKnownHosts(new ByteArrayInputStream(knownHosts.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        session = jsch.getSession(agb, host, port);
        session.setConfig("StrictHostKeyChecking", "yes");
        session.setConfig("PreferredAuthentications", "publickey");
        session.connect(10_000);
        sftp = (ChannelSftp) session.openChannel("sftp");
        sftp.connect(10_000);
    }

    String agb() {
        return agb;
    }

    void stuur(String naam, byte[] xml) throws SftpException {
        sftp.put(new ByteArrayInputStream(xml), "/uit/" + naam + ".part");
        sftp.rename("/uit/" + naam + ".part", "/uit/" + naam);
    }

    /** Takes the complete files out of {@code in/} that it wants: downloads each, then deletes it, as the hub asks. */
    List<Bestand> haalOp(Predicate<String> neem) throws SftpException {
        List<Bestand> result = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Vector<ChannelSftp.LsEntry> entries = sftp.ls("/in");
        for (ChannelSftp.LsEntry e : entries) {
            String naam = e.getFilename();
            if (naam.startsWith(".") || e.getAttrs().isDir() || !neem.test(naam)) {
                continue;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            sftp.get("/in/" + naam, out);
            sftp.rm("/in/" + naam);
            result.add(new Bestand(naam, out.toByteArray()));
        }
        return result;
    }

    boolean verbonden() {
        return session.isConnected() && sftp.isConnected();
    }

    @Override
    public void close() {
        sftp.disconnect();
        session.disconnect();
    }
}
