package nl.knooppunt.delivery.push;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.knooppunt.delivery.Afleverkanaal;
import nl.knooppunt.delivery.Zending;
import nl.knooppunt.payload.Payload;
import nl.knooppunt.registry.Kanaal;
import org.springframework.stereotype.Component;

/**
 * Webhook: POSTs the original bytes to the participant's URL. Headers {@code Knooppunt-Traceer-Id} and
 * {@code Idempotency-Key} (both the traceerId, so the receiver can drop a repeat), {@code Knooppunt-Bericht-Code}, and,
 * with a secret configured, {@code Knooppunt-Signature: sha256=<hex HMAC-SHA256 of the body>}. 2xx = delivered;
 * 408, 429, 5xx, a timeout or no connection = try again later; any other status = refused (DLQ).
 */
@Component
class RestAfleverkanaal implements Afleverkanaal {

    static final String SIGNATURE = "Knooppunt-Signature";

    private final HttpClient http;
    private final AfleveringProperties properties;

    RestAfleverkanaal(AfleveringProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Kanaal.Soort soort() {
        return Kanaal.Soort.REST;
    }

    @Override
    public void lever(Kanaal kanaal, Zending zending) throws Afleverfout {
        Map<String, String> s = kanaal.instellingen();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(s.get("url")))
                .timeout(properties.timeout())
                .header("Content-Type", "application/xml; charset=utf-8")
                .header("Knooppunt-Traceer-Id", zending.traceerId())
                .header("Idempotency-Key", zending.traceerId())
                .POST(body(zending.inhoud()));
        String code = zending.headers().get("berichtCode");
        if (code != null) {
            request.header("Knooppunt-Bericht-Code", code);
        }
        byte[] secret = secret(s);
        if (secret != null) {
            request.header(SIGNATURE, "sha256=" + hmac(secret, zending.inhoud()));
        }
        HttpResponse<Void> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) {
            throw Afleverfout.tijdelijk("HTTP_TIMEOUT", "geen antwoord binnen " + properties.timeout());
        } catch (IOException e) {
            throw Afleverfout.tijdelijk("HTTP_VERBINDING", e.getClass().getSimpleName() + " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Afleverfout.tijdelijk("ONDERBROKEN", "de hub stopt");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        if (status == 408 || status == 429 || status >= 500 || status < 400) {
            throw Afleverfout.tijdelijk("HTTP_" + status, "ontvanger antwoordde " + status);
        }
        throw Afleverfout.permanent("HTTP_" + status, "ontvanger weigert het bericht met " + status);
    }

    /** The HMAC secret from the named environment variable or file; missing → a temporary failure until it is set. */
    static byte[] secret(Map<String, String> s) throws Afleverfout {
        if (s.containsKey("hmacSecretEnv")) {
            String value = System.getenv(s.get("hmacSecretEnv"));
            if (value == null || value.isBlank()) {
                throw Afleverfout.tijdelijk("GEHEIM_ONTBREEKT", "omgevingsvariabele " + s.get("hmacSecretEnv") + " is leeg");
            }
            return value.strip().getBytes(StandardCharsets.UTF_8);
        }
        if (s.containsKey("hmacSecretFile")) {
            try {
                byte[] value = Files.readString(Path.of(s.get("hmacSecretFile"))).strip().getBytes(StandardCharsets.UTF_8);
                if (value.length == 0) {
                    throw Afleverfout.tijdelijk("GEHEIM_ONTBREEKT", "bestand " + s.get("hmacSecretFile") + " is leeg");
                }
                return value;
            } catch (IOException e) {
                throw Afleverfout.tijdelijk("GEHEIM_ONTBREEKT", "bestand " + s.get("hmacSecretFile") + " is niet leesbaar");
            }
        }
        return null;
    }

    /** A large bericht is streamed from its file, with its length as Content-Length (no chunked encoding). */
    private static HttpRequest.BodyPublisher body(Payload inhoud) {
        if (inhoud.inMemory()) {
            return HttpRequest.BodyPublishers.ofByteArray(inhoud.bytes());
        }
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(inhoud::open),
                inhoud.size());
    }

    /** HMAC-SHA256 over the bytes, read as a stream for a large bericht. */
    static String hmac(byte[] secret, Payload body) {
        try (InputStream in = body.open()) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                mac.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("bericht niet leesbaar", e);
        }
    }
}
