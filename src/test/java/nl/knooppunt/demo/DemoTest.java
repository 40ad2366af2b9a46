package nl.knooppunt.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Message;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.knooppunt.HubTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo profile on its own hub instance, fast: the demo aanbieders send the whole traffic plan once over the real
 * SFTP server and SOAP endpoint, the gemeente systems answer, and the demo stops by itself.
 */
@ActiveProfiles("demo")
class DemoTest extends HubTestSupport {

    private static final Path OWN_DATA = tempDir("knooppunt-demo");

    @DynamicPropertySource
    static void demo(DynamicPropertyRegistry registry) {
        registry.add("knooppunt.data-dir", OWN_DATA::toString);
        registry.add("knooppunt.broker.port", HubTestSupport::freePort);
        registry.add("knooppunt.sftp.port", () -> "0");
        registry.add("knooppunt.audit.publish-interval", () -> "50");
        registry.add("knooppunt.demo.interval", () -> "40ms");
        registry.add("knooppunt.demo.max-berichten", () -> Verkeer.laad().berichten().size());
        registry.add("knooppunt.demo.uitloop", () -> "4s");
    }

    @Autowired
    Demo demo;
    @Autowired
    nl.knooppunt.intake.sftp.SftpServer sftpServer;

    @Test
    void trafficFlowsOverSftpAndSoapReachesEveryRegionGetsAnswersAndStops() throws Exception {
        // a newcomer sends a file of their own as a demo aanbieder while the demo runs (README: examples/verstuur.sh)
        try (SftpAanbieder nieuwkomer = new SftpAanbieder("42420003", DemoVoorbereiding.sleutelBestand(OWN_DATA, "42420003"),
                demo.knownHosts(), "127.0.0.1", sftpServer.port())) {
            nieuwkomer.stuur("eigen-wmo315.xml", "<geen-bericht/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(demo.wachtTotKlaar(180, TimeUnit.SECONDS)).as("demo finished by itself").isTrue();
        // its verslag waits in in/ for its sender: the demo took only the verslagen of its own files
        try (var in = java.nio.file.Files.list(OWN_DATA.resolve("sftp/home/42420003/in"))) {
            assertThat(in.map(f -> f.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("eigen-wmo315.xml.") && n.endsWith(".verslag.xml"));
        }
        assertThat(demo.uitkomsten()).noneMatch(u -> u.geval().contains("eigen-wmo315"));
        Map<String, Integer> tellers = demo.tellers();
        List<Demo.Uitkomst> uitkomsten = demo.uitkomsten();

        assertThat(tellers).as("%s", tellers).doesNotContainKey("beurt mislukt")
                .containsEntry("verstuurd via sftp", 7).containsEntry("verstuurd via soap", 17);
        assertThat(uitkomsten).as("every bericht got an answer from the hub, SFTP ones by verslag")
                .hasSize(Verkeer.laad().berichten().size());
        assertThat(uitkomsten).filteredOn(u -> u.kanaal().equals("sftp")).hasSize(7)
                .allSatisfy(u -> assertThat(u.status()).isEqualTo("GEACCEPTEERD"));

        // each region's gemeente systems received berichten
        for (String gemeente : List.of("0599", "0489", "0502", "0542", "0505", "0202", "0718", "0687", "0193",
                "1978")) {
            assertThat(tellers.get("ontvangen door gemeente " + gemeente)).as("gemeente %s", gemeente).isPositive();
        }
        // the gemeenten answered through the hub, and the answers reached the aanbieders (queue and SFTP in/)
        for (String antwoord : List.of("WMO319", "WMO301", "WMO325")) {
            assertThat(tellers.get(antwoord + " verstuurd door gemeenten: GEACCEPTEERD")).as(antwoord).isPositive();
            assertThat(tellers).as(antwoord).doesNotContainKey(antwoord + " verstuurd door gemeenten: AFGEKEURD");
            assertThat(tellers.get(antwoord + " ontvangen door aanbieders")).as(antwoord).isPositive();
        }
        assertThat(tellers.get("ontvangen via SFTP in/")).isPositive();

        JsonNode bw = status(uitkomst(uitkomsten, "Beschermd wonen onder mandaat: Albrandswaard"));
        assertThat(bw.get("responsible").asText()).as("%s", bw).isEqualTo("0613");
        assertThat(bw.get("executing").asText()).as("%s", bw).isEqualTo("0599");
        assertThat(bw.get("bestemming").asText()).as("%s", bw).isEqualTo("0599");

        JsonNode steenwijk = status(uitkomst(uitkomsten, "Steenwijkerland via Zwolle"));
        assertThat(steenwijk.get("bestemming").asText()).as("%s", steenwijk).isEqualTo("0193");
        JsonNode opvang = status(uitkomst(uitkomsten, "Duiven via Arnhem"));
        assertThat(opvang.get("bestemming").asText()).as("%s", opvang).isEqualTo("0202");

        JsonNode begeleiding = status(uitkomst(uitkomsten, "Wmo-begeleiding en dagbesteding in Rotterdam"));
        assertThat(begeleiding.get("bestemming").asText()).isEqualTo("0599");
        assertThat(begeleiding.get("responsible").asText()).isEqualTo("0599");

        JsonNode herindeling = status(uitkomst(uitkomsten, "Herindeling"));
        assertThat(herindeling.get("ontvanger").asText()).isEqualTo("0689");
        assertThat(herindeling.get("bestemming").asText()).isEqualTo("1978");

        Demo.Uitkomst onbekend = uitkomst(uitkomsten, "Onbekende gemeente");
        assertThat(onbekend.codes()).contains("KP010");
        assertThat(status(onbekend).get("status").asText()).isEqualTo("GEPARKEERD");

        Demo.Uitkomst elfproef = uitkomst(uitkomsten, "elfproef");
        assertThat(elfproef.status()).isEqualTo("AFGEKEURD");
        assertThat(elfproef.codes()).contains("CS002");

        Demo.Uitkomst totaal = uitkomst(uitkomsten, "fout totaalbedrag");
        assertThat(totaal.status()).isEqualTo("AFGEKEURD");

        Demo.Uitkomst wlz = uitkomst(uitkomsten, "Uitstroom naar Wlz");
        assertThat(wlz.status()).isEqualTo("GEACCEPTEERD");
        Message signaal = receive("zorgkantoor.ZK29", wlz.traceerId());
        assertThat(signaal).as("zorgkantoor signal for the uitstroom naar Wlz").isNotNull();

        demo.stop();
        assertThat(demo.isRunning()).isFalse();
    }

    private static Demo.Uitkomst uitkomst(List<Demo.Uitkomst> uitkomsten, String geval) {
        return uitkomsten.stream().filter(u -> u.geval().contains(geval)).findFirst()
                .orElseThrow(() -> new AssertionError("no outcome for " + geval + " in " + uitkomsten));
    }

    private JsonNode status(Demo.Uitkomst u) throws Exception {
        String body = api("LEZER").get().uri("/api/berichten/{id}", u.traceerId()).retrieve().body(String.class);
        return json.readTree(body);
    }
}
