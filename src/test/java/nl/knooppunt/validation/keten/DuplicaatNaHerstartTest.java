package nl.knooppunt.validation.keten;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import nl.knooppunt.KnooppuntApplication;
import nl.knooppunt.intake.soap.api.BerichtenPortType;
import nl.knooppunt.intake.soap.api.Melding;
import nl.knooppunt.intake.soap.api.Status;
import nl.knooppunt.intake.soap.api.VerstuurBericht;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import nl.knooppunt.testdata.BerichtBuilder;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The same bericht before and after a restart of the hub on the same data dir: one delivery, then KP009. */
class DuplicaatNaHerstartTest {

    private static ConfigurableApplicationContext start(Path dataDir, int brokerPort) {
        return new SpringApplicationBuilder(KnooppuntApplication.class).run(
                "--server.port=0", "--knooppunt.data-dir=" + dataDir, "--knooppunt.broker.port=" + brokerPort,
                "--knooppunt.audit.publish-interval=50", "--spring.main.banner-mode=off");
    }

    private static VerstuurBerichtAntwoord send(ConfigurableApplicationContext hub, byte[] bytes) {
        int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(BerichtenPortType.class);
        factory.setAddress("http://localhost:" + port + "/ws/berichten");
        factory.setProperties(Map.of("mtom-enabled", true));
        VerstuurBericht request = new VerstuurBericht();
        request.setBestandsnaam("test.xml");
        request.setBericht(nl.knooppunt.intake.soap.SoapIntake.bijlage(bytes));
        return ((BerichtenPortType) factory.create()).verstuurBericht(request);
    }

    @Test
    void eenDuplicaatWordtOokNaEenHerstartHerkend(@TempDir Path dataDir) throws IOException {
        int brokerPort;
        try (ServerSocket s = new ServerSocket(0)) {
            brokerPort = s.getLocalPort();
        }
        byte[] bericht = BerichtBuilder.wmo315().identificatie("H" + UUID.randomUUID().toString().substring(0, 8))
                .build().getBytes(StandardCharsets.UTF_8);

        String eerste;
        try (ConfigurableApplicationContext hub = start(dataDir, brokerPort)) {
            VerstuurBerichtAntwoord a = send(hub, bericht);
            assertThat(a.getStatus()).isEqualTo(Status.GEACCEPTEERD);
            assertThat(a.getMeldingen()).isEmpty();
            eerste = a.getTraceerId();
        }
        try (ConfigurableApplicationContext hub = start(dataDir, brokerPort)) {
            VerstuurBerichtAntwoord b = send(hub, bericht);
            assertThat(b.getStatus()).isEqualTo(Status.GEACCEPTEERD);
            assertThat(b.getMeldingen()).extracting(Melding::getCode).containsExactly("KP009");
            assertThat(b.getMeldingen().get(0).getOmschrijving()).contains(eerste);
            JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("select status from bericht order by ontvangen_op", String.class))
                    .containsExactly("AFGELEVERD", "DUPLICAAT");
        }
    }
}
