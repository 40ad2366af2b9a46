package nl.knooppunt.intake.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.testdata.GeneratedInput;
import org.junit.jupiter.api.Test;

/**
 * A chunked SOAP request (no Content-Length, as a CXF client sends a large bericht) over the size cap is cut off while
 * it is read and answered as the sender's fault KP004 — not as a transient failure the sender would offer again.
 */
class SoapOmvangEndToEndTest extends SharedHubTest {

    @Test
    void aChunkedRequestOverTheCapIsAnsweredWithKp004NotAsTransient() throws Exception {
        String head = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<k:VerstuurBericht xmlns:k=\"urn:knooppunt:berichten:1\"><k:bestandsnaam>groot.xml</k:bestandsnaam>"
                + "<k:bericht>";
        String tail = "</k:bericht></k:VerstuurBericht></soap:Body></soap:Envelope>";
        long filler = 40L * 1024 * 1024; // base64 'A's: over the 25 MB cap in base64 plus 1 MB, generated as sent
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ws/berichten"))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"urn:knooppunt:berichten:1/VerstuurBericht\"")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> GeneratedInput.stream(
                        head.getBytes(StandardCharsets.US_ASCII), filler, (byte) 'A',
                        tail.getBytes(StandardCharsets.US_ASCII))))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).contains("<faultstring>KP004: ").contains("faultcode>soap:Client<")
                .doesNotContain(TransientFaultInterceptor.TEXT);
    }
}
