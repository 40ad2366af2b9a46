package nl.knooppunt.registry;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings ({@code instellingen}) each push channel needs, checked when the registry loads, so a region never
 * believes a channel works that cannot. Secrets never live in kanalen.yaml: a private key is a file path, a keystore
 * password and an HMAC secret are the name of an environment variable or a file.
 * <ul>
 * <li>sftp: {@code host}, {@code port} (default 22), {@code user}, {@code remoteDir}, {@code knownHosts} (one
 *     known_hosts line of the server's host key), {@code privateKeyFile} (absolute path)</li>
 * <li>soap: {@code url} (https; http only to loopback), optional {@code keystoreFile} (PKCS12, absolute path) with
 *     {@code keystorePasswordEnv}, optional {@code mtom} ("true": the bericht as an MTOM attachment, streamed)</li>
 * <li>rest: {@code url} (https; http only to loopback), optional {@code hmacSecretEnv} or {@code hmacSecretFile}</li>
 * </ul>
 */
public final class KanaalInstellingen {

    static final Set<String> SFTP = Set.of("host", "port", "user", "remoteDir", "knownHosts", "privateKeyFile");
    static final Set<String> SOAP = Set.of("url", "keystoreFile", "keystorePasswordEnv", "mtom");
    static final Set<String> REST = Set.of("url", "hmacSecretEnv", "hmacSecretFile");
    private static final Set<String> GEHEIMEN = Set.of("password", "wachtwoord", "privateKey", "secret", "hmacSecret",
            "keystorePassword");

    private KanaalInstellingen() {
    }

    /** Throws IllegalArgumentException with a Dutch message naming the first bad setting. */
    public static void controleer(Kanaal.Soort soort, Map<String, String> instellingen) {
        Map<String, String> s = instellingen == null ? Map.of() : instellingen;
        for (String key : s.keySet()) {
            if (GEHEIMEN.contains(key)) {
                throw new IllegalArgumentException("instelling " + key + ": een geheim hoort niet in kanalen.yaml; "
                        + "verwijs naar een bestand of omgevingsvariabele");
            }
        }
        switch (soort) {
            case QUEUE, SFTP_IN -> {
                if (!s.isEmpty()) {
                    throw new IllegalArgumentException("kanaal " + soort.name().toLowerCase().replace('_', '-')
                            + " kent geen instellingen " + new TreeSet<>(s.keySet()));
                }
            }
            case SFTP -> sftp(s);
            case SOAP -> soap(s);
            case REST -> rest(s);
        }
    }

    private static void sftp(Map<String, String> s) {
        onbekend(s, SFTP);
        String host = verplicht(s, "host");
        if (!host.matches("[A-Za-z0-9.-]{1,253}|\\[?[0-9a-fA-F:]+]?")) {
            throw new IllegalArgumentException("host '" + host + "' is geen hostnaam of IP-adres");
        }
        poort(s.getOrDefault("port", "22"));
        if (!verplicht(s, "user").matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("user mag alleen letters, cijfers, '.', '_' en '-' bevatten");
        }
        String dir = verplicht(s, "remoteDir");
        if (dir.contains("..") || dir.contains("\\")) {
            throw new IllegalArgumentException("remoteDir '" + dir + "' mag geen '..' of '\\' bevatten");
        }
        String knownHosts = verplicht(s, "knownHosts");
        String[] delen = knownHosts.trim().split("\\s+");
        if (delen.length < 3 || !delen[1].matches("ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)")) {
            throw new IllegalArgumentException("knownHosts is geen known_hosts-regel ('<host> <sleuteltype> <sleutel>')");
        }
        String verwacht = "22".equals(s.getOrDefault("port", "22")) ? host : "[" + host + "]:" + s.get("port");
        if (!java.util.Arrays.asList(delen[0].split(",")).contains(verwacht)) {
            throw new IllegalArgumentException("knownHosts noemt '" + delen[0] + "', verwacht '" + verwacht + "'");
        }
        absoluutPad(s, "privateKeyFile");
    }

    private static void soap(Map<String, String> s) {
        onbekend(s, SOAP);
        url(verplicht(s, "url"));
        if (s.containsKey("keystoreFile")) {
            absoluutPad(s, "keystoreFile");
            omgevingsvariabele(verplicht(s, "keystorePasswordEnv"));
        } else if (s.containsKey("keystorePasswordEnv")) {
            throw new IllegalArgumentException("keystorePasswordEnv zonder keystoreFile");
        }
        String mtom = s.get("mtom");
        if (mtom != null && !mtom.equals("true") && !mtom.equals("false")) {
            throw new IllegalArgumentException("mtom '" + mtom + "' moet \"true\" of \"false\" zijn");
        }
    }

    private static void rest(Map<String, String> s) {
        onbekend(s, REST);
        url(verplicht(s, "url"));
        if (s.containsKey("hmacSecretEnv") && s.containsKey("hmacSecretFile")) {
            throw new IllegalArgumentException("geef hmacSecretEnv of hmacSecretFile, niet allebei");
        }
        if (s.containsKey("hmacSecretEnv")) {
            omgevingsvariabele(s.get("hmacSecretEnv"));
        }
        if (s.containsKey("hmacSecretFile")) {
            absoluutPad(s, "hmacSecretFile");
        }
    }

    /** https, or http to a loopback address (a test target or a local relay). */
    static void url(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url '" + url + "' is geen geldige URL");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null) {
            throw new IllegalArgumentException("url '" + url + "' heeft geen host, of bevat inloggegevens");
        }
        if ("https".equals(uri.getScheme())) {
            return;
        }
        if (!"http".equals(uri.getScheme()) || !loopback(uri.getHost())) {
            throw new IllegalArgumentException("url '" + url + "' moet https gebruiken (http alleen naar loopback)");
        }
    }

    private static boolean loopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[[0-9a-fA-F:]+]")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void onbekend(Map<String, String> s, Set<String> toegestaan) {
        for (String key : s.keySet()) {
            if (!toegestaan.contains(key)) {
                throw new IllegalArgumentException("onbekende instelling " + key + "; toegestaan: " + new TreeSet<>(toegestaan));
            }
        }
    }

    private static String verplicht(Map<String, String> s, String key) {
        String value = s.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("instelling " + key + " ontbreekt");
        }
        return value.strip();
    }

    private static void poort(String port) {
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port '" + port + "' is geen getal");
        }
        if (p < 1 || p > 65535) {
            throw new IllegalArgumentException("port " + p + " ligt niet tussen 1 en 65535");
        }
    }

    private static void absoluutPad(Map<String, String> s, String key) {
        String value = verplicht(s, key);
        if (value.startsWith("-----BEGIN") || value.contains("\n")) {
            throw new IllegalArgumentException(key + " moet een pad zijn, niet de sleutel zelf");
        }
        if (!Path.of(value).isAbsolute()) {
            throw new IllegalArgumentException(key + " '" + value + "' is geen absoluut pad");
        }
    }

    private static void omgevingsvariabele(String name) {
        if (name == null || !name.matches("[A-Z_][A-Z0-9_]{0,63}")) {
            throw new IllegalArgumentException("'" + name + "' is geen naam van een omgevingsvariabele (A-Z, 0-9, _)");
        }
    }
}
