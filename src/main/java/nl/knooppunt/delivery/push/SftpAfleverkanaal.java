package nl.knooppunt.delivery.push;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.knooppunt.delivery.Afleverkanaal;
import nl.knooppunt.delivery.Zending;
import nl.knooppunt.registry.Kanaal;
import org.springframework.stereotype.Component;

/**
 * SFTP push to the participant's own server, with JSch: the host key must match the registry's known_hosts line
 * (strict checking, never ~/.ssh), login by private key file only. The file is written as {@code .<name>.part} and then
 * renamed to {@code <traceerId>.xml}, so the receiver never sees a partial file. If that name already exists (an earlier
 * attempt got as far as the rename) the bericht counts as delivered: the receiver sees it once.
 */
@Component
class SftpAfleverkanaal implements Afleverkanaal {

    private final AfleveringProperties properties;

    SftpAfleverkanaal(AfleveringProperties properties) {
        this.properties = properties;
    }

    @Override
    public Kanaal.Soort soort() {
        return Kanaal.Soort.SFTP;
    }

    @Override
    public void lever(Kanaal kanaal, Zending zending) throws Afleverfout {
        Map<String, String> s = kanaal.instellingen();
        String host = s.get("host");
        int port = Integer.parseInt(s.getOrDefault("port", "22"));
        int timeout = (int) Math.min(Integer.MAX_VALUE, properties.timeout().toMillis());
        Path key = Path.of(s.get("privateKeyFile"));
        if (!Files.isReadable(key)) {
            throw Afleverfout.tijdelijk("SFTP_SLEUTEL", "privateKeyFile " + key + " is niet leesbaar");
        }
        Session session = null;
        try {
            JSch jsch = new JSch();
            jsch.setKnownHosts(new ByteArrayInputStream((s.get("knownHosts").strip() + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
            jsch.addIdentity(key.toString());
            session = jsch.getSession(s.get("user"), host, port);
            session.setConfig("StrictHostKeyChecking", "yes");
            session.setConfig("PreferredAuthentications", "publickey");
            session.setTimeout(timeout);
            session.connect(timeout);
            ChannelSftp sftp = (ChannelSftp) session.openChannel("sftp");
            sftp.connect(timeout);
            try {
                upload(sftp, s.get("remoteDir"), zending);
            } finally {
                sftp.disconnect();
            }
        } catch (JSchException e) {
            String msg = String.valueOf(e.getMessage());
            String code = msg.contains("HostKey") || msg.contains("reject HostKey") ? "SFTP_HOSTKEY"
                    : msg.contains("Auth") ? "SFTP_LOGIN" : "SFTP_VERBINDING";
            throw Afleverfout.tijdelijk(code, msg, e);
        } finally {
            if (session != null) {
                session.disconnect();
            }
        }
    }

    private static void upload(ChannelSftp sftp, String dir, Zending zending) throws Afleverfout {
        String naam = zending.bestandsnaam();
        String doel = dir + "/" + naam;
        String tijdelijk = dir + "/." + naam + ".part";
        try {
            if (bestaat(sftp, doel)) {
                return;
            }
            try (InputStream inhoud = zending.inhoud().open()) {
                sftp.put(inhoud, tijdelijk, ChannelSftp.OVERWRITE);
            }
            sftp.rename(tijdelijk, doel);
        } catch (SftpException e) {
            throw Afleverfout.tijdelijk("SFTP_" + e.id, e.getMessage(), e);
        } catch (IOException e) {
            throw Afleverfout.tijdelijk("SFTP_BRON", "bericht niet leesbaar: " + e.getClass().getSimpleName(), e);
        }
    }

    private static boolean bestaat(ChannelSftp sftp, String pad) throws SftpException {
        try {
            sftp.lstat(pad);
            return true;
        } catch (SftpException e) {
            if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                return false;
            }
            throw e;
        }
    }
}
