package nl.knooppunt.intake.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLSocket;
import nl.knooppunt.HubTestSupport;
import nl.knooppunt.intake.soap.api.BerichtenPortType;
import nl.knooppunt.intake.soap.api.BevestigOntvangst;
import nl.knooppunt.intake.soap.api.BevestigOntvangstAntwoord;
import nl.knooppunt.intake.soap.api.Bevestigingsresultaat;
import nl.knooppunt.intake.soap.api.HaalBerichtenOp;
import nl.knooppunt.intake.soap.api.HaalBerichtenOpAntwoord;
import nl.knooppunt.intake.soap.api.OpgehaaldBericht;
import nl.knooppunt.intake.soap.api.Status;
import nl.knooppunt.intake.soap.api.StatusOpvragen;
import nl.knooppunt.intake.soap.api.StatusOpvragenAntwoord;
import nl.knooppunt.intake.soap.api.VerstuurBericht;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * SOAP over mutual TLS with a real CXF client and certificates made in the test: the certificate decides who the
 * caller is (OIN or subject via identiteiten.yaml); no certificate, a foreign CA, an expired or unknown certificate,
 * TLS 1.1 and the plain port are refused; a spoofed Afzender gets KP008; each caller sees only its own mailbox and
 * the status of its own berichten. Its own hub instance: TLS on, SOAP without certificate off.
 */
class MtlsSoapTest extends HubTestSupport {

    static final String OIN_ROTTERDAM = "00000001002220647000";
    static final String OIN_AAN_DE_MAAS = "00000003273654320000";
    static final String SUBJECT_DE_LINDE = "CN=Zorggroep De Linde,O=Zorggroep De Linde,C=NL";

    static final Path DATA_DIR = tempDir("knooppunt-mtls-data");

    @org.springframework.beans.factory.annotation.Autowired
    Postbus postbus;
    static final Path REGISTRY_DIR = tempDir("knooppunt-mtls-registry");
    static final Path TLS_DIR = tempDir("knooppunt-mtls-stores");
    static final int BROKER_PORT = freePort();
    static final int TLS_PORT = freePort();

    static final TestPki.Sleutel CA = TestPki.ca("Knooppunt test-CA");
    static final TestPki.Sleutel ANDERE_CA = TestPki.ca("Andere CA");
    static final TestPki.Sleutel SERVER = TestPki.server(CA);
    /** gemeente 0599 Rotterdam, by the OIN in its subject serialNumber (Digikoppeling) */
    static final TestPki.Sleutel ROTTERDAM = TestPki.client(CA,
            "SERIALNUMBER=" + OIN_ROTTERDAM + ",CN=Gemeente Rotterdam,O=Gemeente Rotterdam,C=NL");
    /** aanbieder 42420001, by its full subject (no OIN) */
    static final TestPki.Sleutel DE_LINDE = TestPki.client(CA, SUBJECT_DE_LINDE);
    /** aanbieder 42420002, by OIN */
    static final TestPki.Sleutel AAN_DE_MAAS = TestPki.client(CA,
            "SERIALNUMBER=" + OIN_AAN_DE_MAAS + ",CN=Begeleiding Aan de Maas,O=Begeleiding Aan de Maas,C=NL");
    static final TestPki.Sleutel ONBEKEND = TestPki.client(CA, "CN=Niet Geregistreerd,O=Onbekend,C=NL");
    static final TestPki.Sleutel VERLOPEN = TestPki.client(CA, SUBJECT_DE_LINDE,
            Instant.now().minus(Duration.ofDays(60)), Instant.now().minus(Duration.ofDays(1)));
    static final TestPki.Sleutel VREEMDE_CA = TestPki.client(ANDERE_CA, SUBJECT_DE_LINDE);

    static {
        write(REGISTRY_DIR.resolve("identiteiten.yaml"), """
                - deelnemer: "0599"
                  oin: "%s"
                - deelnemer: "42420001"
                  subject: "%s"
                - deelnemer: "42420002"
                  oin: "%s"
                """.formatted(OIN_ROTTERDAM, SUBJECT_DE_LINDE, OIN_AAN_DE_MAAS));
        TestPki.schrijf(SERVER.keyStore(), TLS_DIR.resolve("server.p12"));
        TestPki.schrijf(TestPki.trustStore(CA.certificaat()), TLS_DIR.resolve("trust.p12"));
    }

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        registry.add("knooppunt.data-dir", DATA_DIR::toString);
        registry.add("knooppunt.registry-dir", REGISTRY_DIR::toString);
        registry.add("knooppunt.broker.port", () -> BROKER_PORT);
        registry.add("knooppunt.audit.publish-interval", () -> "50");
        registry.add("knooppunt.redelivery.delay-ms", () -> "20");
        registry.add("knooppunt.soap.zonder-certificaat", () -> "false");
        registry.add("knooppunt.soap.tls.port", () -> TLS_PORT);
        registry.add("knooppunt.soap.tls.key-store", () -> TLS_DIR.resolve("server.p12").toString());
        registry.add("knooppunt.soap.tls.key-store-password", () -> new String(TestPki.PASSWORD));
        registry.add("knooppunt.soap.tls.trust-store", () -> TLS_DIR.resolve("trust.p12").toString());
        registry.add("knooppunt.soap.tls.trust-store-password", () -> new String(TestPki.PASSWORD));
    }

    // --- identity -------------------------------------------------------------------------------------------------

    @Test
    void gemeenteIdentifiedByOinSendsBericht() {
        VerstuurBerichtAntwoord antwoord = verstuur(ROTTERDAM, BerichtBuilder.wmo301().gemeente("0599")
                .aanbieder("42420001").identificatie(id()).toewijzingNummer(nummer()).bsn(TestBsn.nth(3)).build());

        assertThat(meldingen(antwoord)).isEmpty();
        assertThat(antwoord.getStatus()).isEqualTo(Status.GEACCEPTEERD);
    }

    @Test
    void aanbiederIdentifiedBySubjectSendsBericht() {
        VerstuurBerichtAntwoord antwoord = verstuur(DE_LINDE, BerichtBuilder.wmo315().gemeente("0599")
                .aanbieder("42420001").identificatie(id()).bsn(TestBsn.nth(4)).build());

        assertThat(meldingen(antwoord)).isEmpty();
        assertThat(antwoord.getStatus()).isEqualTo(Status.GEACCEPTEERD);
    }

    @Test
    void theGateRecordsTheClientCertificateExpiryForBeheer() throws Exception {
        verstuur(ROTTERDAM, BerichtBuilder.wmo301().gemeente("0599").aanbieder("42420001").identificatie(id())
                .toewijzingNummer(nummer()).bsn(TestBsn.nth(6)).build());

        com.fasterxml.jackson.databind.JsonNode certificaten = json.readTree(api("LEZER").get()
                .uri("/api/beheer/certificaten").retrieve().body(String.class));
        com.fasterxml.jackson.databind.JsonNode rotterdam = null;
        for (com.fasterxml.jackson.databind.JsonNode c : certificaten.get("deelnemers")) {
            if (c.get("naam").asText().equals("0599")) {
                rotterdam = c;
            }
        }
        assertThat(rotterdam).as("%s", certificaten).isNotNull();
        assertThat(Instant.parse(rotterdam.get("geldigTot").asText()))
                .isEqualTo(ROTTERDAM.certificaat().getNotAfter().toInstant());
        assertThat(rotterdam.get("onderwerp").asText()).contains(OIN_ROTTERDAM);
        // the hub's own server certificate and the CA it trusts
        assertThat(certificaten.get("hub").toString()).contains("key store").contains("trust store")
                .contains("Knooppunt test-CA");
    }

    @Test
    void spoofedAfzenderIsRefusedWithKp008() {
        String traceerIds = "select count(*) from bericht where status = 'AFGELEVERD'";
        Integer afgeleverd = jdbc.queryForObject(traceerIds, Integer.class);

        // De Linde's certificate, Aan de Maas as Afzender
        VerstuurBerichtAntwoord antwoord = verstuur(DE_LINDE, BerichtBuilder.wmo315().gemeente("0599")
                .aanbieder("42420002").identificatie(id()).bsn(TestBsn.nth(5)).build());

        assertThat(antwoord.getStatus()).isEqualTo(Status.AFGEKEURD);
        assertThat(meldingen(antwoord)).singleElement().asString()
                .startsWith("KP008").contains("aangeleverd door 42420001").contains("Afzender is 42420002");
        assertThat(jdbc.queryForObject("select status from bericht where traceer_id = ?", String.class,
                antwoord.getTraceerId())).isEqualTo("AFGEKEURD");
        assertThat(jdbc.queryForObject(traceerIds, Integer.class)).isEqualTo(afgeleverd);
    }

    @Test
    void noCertificateIsRefusedInTheHandshake() {
        assertRefusedInHandshake(null);
    }

    @Test
    void certificateFromAnotherCaIsRefusedInTheHandshake() {
        assertRefusedInHandshake(VREEMDE_CA);
    }

    @Test
    void expiredCertificateIsRefusedInTheHandshake() {
        assertRefusedInHandshake(VERLOPEN);
    }

    @Test
    void unknownCertificateIsRefusedWith403AndKp031() throws Exception {
        HttpResponse<String> response = post(HttpClient.newBuilder().sslContext(TestPki.sslContext(ONBEKEND, CA.certificaat()))
                .build(), "https://localhost:" + TLS_PORT + "/ws/berichten");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<faultstring>KP031: Het clientcertificaat hoort bij geen deelnemer");

        assertThatThrownBy(() -> verstuur(ONBEKEND, BerichtBuilder.wmo315().identificatie(id()).build()))
                .hasStackTraceContaining("403");
    }

    @Test
    void plainPortRefusesSoapWithKp030() throws Exception {
        HttpResponse<String> response = post(HttpClient.newHttpClient(), "http://localhost:" + port + "/ws/berichten");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("KP030").contains("gebruik poort " + TLS_PORT);
        // the rest of the main port is not affected
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void onlyTls12AndTls13AreAccepted() throws Exception {
        assertThat(handshake("TLSv1.3")).isEqualTo("TLSv1.3");
        assertThat(handshake("TLSv1.2")).isEqualTo("TLSv1.2");
        // this JVM allows TLS 1.1 (src/test/resources/legacy-tls.security): the connector refuses it by itself
        assertThatThrownBy(() -> handshake("TLSv1.1")).isInstanceOfAny(javax.net.ssl.SSLException.class, java.net.SocketException.class);
        assertThatThrownBy(() -> handshake("TLSv1")).isInstanceOfAny(javax.net.ssl.SSLException.class, java.net.SocketException.class);
    }

    // --- mailbox and status ---------------------------------------------------------------------------------------

    @Test
    void fetchAcknowledgeRoundTripOnlyInTheCallersOwnMailbox() {
        String xml = BerichtBuilder.wmo301().gemeente("0599").aanbieder("42420001").identificatie(id())
                .toewijzingNummer(nummer()).bsn(TestBsn.nth(6)).build();
        VerstuurBerichtAntwoord verstuurd = verstuur(ROTTERDAM, xml);
        assertThat(verstuurd.getStatus()).as("%s", meldingen(verstuurd)).isEqualTo(Status.GEACCEPTEERD);
        String traceerId = verstuurd.getTraceerId();

        OpgehaaldBericht opgehaald = haalOp(DE_LINDE, 100).getBericht().stream()
                .filter(b -> b.getTraceerId().equals(traceerId)).findFirst().orElseThrow();
        assertThat(new String(bytes(opgehaald), StandardCharsets.UTF_8)).isEqualTo(xml);
        assertThat(opgehaald.getBerichtCode()).isEqualTo("414");
        assertThat(opgehaald.getBerichtType()).isEqualTo("WMO301");
        assertThat(opgehaald.getAfzender()).isEqualTo("0599");
        assertThat(opgehaald.getOntvanger()).isEqualTo("42420001");
        assertThat(traceerIds(haalOp(DE_LINDE, 100))).as("browsing takes nothing").contains(traceerId);

        // another aanbieder neither sees nor acknowledges it
        assertThat(traceerIds(haalOp(AAN_DE_MAAS, 100))).doesNotContain(traceerId);
        assertThat(bevestig(AAN_DE_MAAS, traceerId)).containsExactly(Map.entry(traceerId, Bevestigingsresultaat.NIET_IN_POSTBUS));
        assertThat(traceerIds(haalOp(DE_LINDE, 100))).contains(traceerId);

        assertThat(bevestig(DE_LINDE, traceerId, "geen-uuid' OR traceerId <> '"))
                .containsExactly(Map.entry(traceerId, Bevestigingsresultaat.VERWIJDERD),
                        Map.entry("geen-uuid' OR traceerId <> '", Bevestigingsresultaat.NIET_IN_POSTBUS));
        assertThat(traceerIds(haalOp(DE_LINDE, 100))).doesNotContain(traceerId);
        assertThat(bevestig(DE_LINDE, traceerId)).as("acknowledging twice is no error")
                .containsExactly(Map.entry(traceerId, Bevestigingsresultaat.NIET_IN_POSTBUS));
        assertThat(receive("aanbieder.42420001", traceerId, 500)).as("gone from the queue").isNull();
    }

    @Test
    void aLargeBerichtIsFetchedAsAnAttachmentStreamedFromAWorkFile() throws Exception {
        StringBuilder groot = new StringBuilder("<groot>");
        while (groot.length() < 3 * 1024 * 1024) {
            groot.append("<regel>").append(groot.length()).append("</regel>\n");
        }
        byte[] bytes = groot.append("</groot>").toString().getBytes(StandardCharsets.UTF_8);
        String traceerId = java.util.UUID.randomUUID().toString();
        new org.springframework.jms.core.JmsTemplate(connectionFactory).send("aanbieder.42420001", session -> {
            jakarta.jms.BytesMessage m = session.createBytesMessage();
            m.writeBytes(bytes);
            m.setStringProperty("traceerId", traceerId);
            m.setStringProperty("berichtCode", "414");
            return m;
        });

        // the mailbox hands it on from a work file (an Artemis large message saved in chunks), not from an array
        Postbus.Item item = postbus.haalOp("42420001", 100).berichten().stream()
                .filter(i -> i.traceerId().equals(traceerId)).findFirst().orElseThrow();
        assertThat(item.inhoud().inMemory()).isFalse();
        assertThat(item.inhoud().sha256()).as("read once, then the work file is gone")
                .isEqualTo(nl.knooppunt.payload.Payload.of(bytes).sha256());
        assertThat(werkbestanden()).isEmpty();

        // over SOAP it arrives whole, as an MTOM attachment
        OpgehaaldBericht opgehaald = haalOp(DE_LINDE, 100).getBericht().stream()
                .filter(b -> b.getTraceerId().equals(traceerId)).findFirst().orElseThrow();
        assertThat(opgehaald.getBericht().getDataSource().getClass().getName()).startsWith("org.apache.cxf.attachment.");
        assertThat(bytes(opgehaald)).isEqualTo(bytes);
        assertThat(werkbestanden()).isEmpty();
        assertThat(bevestig(DE_LINDE, traceerId)).containsEntry(traceerId, Bevestigingsresultaat.VERWIJDERD);
    }

    @Test
    void fetchHonoursMaxAndSaysWhetherMoreAreWaiting() {
        for (int i = 0; i < 2; i++) {
            assertThat(verstuur(ROTTERDAM, BerichtBuilder.wmo301().gemeente("0599").aanbieder("42420001")
                    .identificatie(id()).toewijzingNummer(nummer()).bsn(TestBsn.nth(7)).build()).getStatus())
                    .isEqualTo(Status.GEACCEPTEERD);
        }

        HaalBerichtenOpAntwoord een = haalOp(DE_LINDE, 1);
        assertThat(een.getBericht()).hasSize(1);
        assertThat(een.isMeer()).isTrue();
        HaalBerichtenOpAntwoord alles = haalOp(DE_LINDE, 1000);
        assertThat(alles.getBericht().size()).isGreaterThanOrEqualTo(2).isLessThanOrEqualTo(100);
    }

    @Test
    void statusOnlyForTheSenderAndTheRecipient() {
        VerstuurBerichtAntwoord verstuurd = verstuur(ROTTERDAM, BerichtBuilder.wmo301().gemeente("0599")
                .aanbieder("42420001").identificatie(id()).toewijzingNummer(nummer()).bsn(TestBsn.nth(8)).build());
        String traceerId = verstuurd.getTraceerId();

        StatusOpvragenAntwoord afzender = status(ROTTERDAM, traceerId);
        assertThat(afzender.getStatus()).isEqualTo("AFGELEVERD");
        assertThat(afzender.getBerichtCode()).isEqualTo("414");
        assertThat(afzender.getAfzender()).isEqualTo("0599");
        assertThat(afzender.getOntvanger()).isEqualTo("42420001");
        assertThat(afzender.getOntvangenOp()).isNotNull();
        assertThat(status(DE_LINDE, traceerId).getStatus()).isEqualTo("AFGELEVERD");

        StatusOpvragenAntwoord vreemd = status(AAN_DE_MAAS, traceerId);
        assertThat(vreemd.getStatus()).isEqualTo("ONBEKEND");
        assertThat(vreemd.getBerichtCode()).isNull();
        assertThat(vreemd.getAfzender()).isNull();
        assertThat(status(ROTTERDAM, UUID.randomUUID().toString()).getStatus()).isEqualTo("ONBEKEND");
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private void assertRefusedInHandshake(TestPki.Sleutel sleutel) {
        Integer voor = jdbc.queryForObject("select count(*) from bericht", Integer.class);
        assertThatThrownBy(() -> verstuur(sleutel, BerichtBuilder.wmo315().identificatie(id()).build()))
                .satisfies(e -> assertThat(heeftOorzaak(e, IOException.class)).as("an I/O failure, not an answer: %s", e)
                        .isTrue())
                .hasStackTraceContaining("SSL");
        // the server aborts the handshake; depending on timing the client sees the alert or the closed socket
        assertThatThrownBy(() -> handshakeAls(sleutel, "TLSv1.2"))
                .isInstanceOfAny(javax.net.ssl.SSLException.class, java.net.SocketException.class);
        assertThat(jdbc.queryForObject("select count(*) from bericht", Integer.class)).isEqualTo(voor);
    }

    private String handshake(String protocol) throws IOException {
        return handshakeAls(DE_LINDE, protocol);
    }

    /** A raw TLS handshake, then one read: TLS 1.3 reports a refused client certificate only after the handshake. */
    private String handshakeAls(TestPki.Sleutel sleutel, String protocol) throws IOException {
        try (SSLSocket socket = (SSLSocket) TestPki.sslContext(sleutel, CA.certificaat()).getSocketFactory()
                .createSocket("localhost", TLS_PORT)) {
            socket.setSoTimeout(10_000);
            socket.setEnabledProtocols(new String[] {protocol});
            socket.startHandshake();
            socket.getOutputStream().write(("GET /ws/berichten?wsdl HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(statusLine).isEqualTo("HTTP/1.1 200");
            return socket.getSession().getProtocol();
        }
    }

    private BerichtenPortType client(TestPki.Sleutel sleutel) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(BerichtenPortType.class);
        factory.setAddress("https://localhost:" + TLS_PORT + "/ws/berichten");
        factory.setProperties(Map.of("mtom-enabled", true));
        BerichtenPortType port = (BerichtenPortType) factory.create();
        Client client = ClientProxy.getClient(port);
        TLSClientParameters tls = new TLSClientParameters();
        if (sleutel != null) {
            tls.setKeyManagers(sleutel.keyManagers());
        }
        tls.setTrustManagers(TestPki.trustManagers(CA.certificaat()));
        ((HTTPConduit) client.getConduit()).setTlsClientParameters(tls);
        return port;
    }

    private VerstuurBerichtAntwoord verstuur(TestPki.Sleutel sleutel, String xml) {
        VerstuurBericht request = new VerstuurBericht();
        request.setBestandsnaam("mtls.xml");
        request.setBericht(nl.knooppunt.intake.soap.SoapIntake.bijlage(xml.getBytes(StandardCharsets.UTF_8)));
        return client(sleutel).verstuurBericht(request);
    }

    private HaalBerichtenOpAntwoord haalOp(TestPki.Sleutel sleutel, int max) {
        HaalBerichtenOp request = new HaalBerichtenOp();
        request.setMax(max);
        HaalBerichtenOpAntwoord antwoord = client(sleutel).haalBerichtenOp(request);
        assertThat(antwoord.getMeldingen()).isEmpty();
        return antwoord;
    }

    private Map<String, Bevestigingsresultaat> bevestig(TestPki.Sleutel sleutel, String... traceerIds) {
        BevestigOntvangst request = new BevestigOntvangst();
        request.getTraceerId().addAll(List.of(traceerIds));
        BevestigOntvangstAntwoord antwoord = client(sleutel).bevestigOntvangst(request);
        assertThat(antwoord.getMeldingen()).isEmpty();
        Map<String, Bevestigingsresultaat> resultaat = new java.util.LinkedHashMap<>();
        antwoord.getBevestiging().forEach(b -> resultaat.put(b.getTraceerId(), b.getResultaat()));
        return resultaat;
    }

    private StatusOpvragenAntwoord status(TestPki.Sleutel sleutel, String traceerId) {
        StatusOpvragen request = new StatusOpvragen();
        request.setTraceerId(traceerId);
        return client(sleutel).statusOpvragen(request);
    }

    private static HttpResponse<String> post(HttpClient client, String url) throws Exception {
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:kp=\"urn:knooppunt:berichten:1\"><soapenv:Body><kp:StatusOpvragen><kp:traceerId>x</kp:traceerId>"
                + "</kp:StatusOpvragen></soapenv:Body></soapenv:Envelope>";
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] bytes(OpgehaaldBericht bericht) {
        try (java.io.InputStream in = bericht.getBericht().getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> werkbestanden() throws IOException {
        try (var files = java.nio.file.Files.list(DATA_DIR.resolve("soap-ophalen"))) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    private static List<String> traceerIds(HaalBerichtenOpAntwoord antwoord) {
        return antwoord.getBericht().stream().map(OpgehaaldBericht::getTraceerId).toList();
    }

    private static List<String> meldingen(VerstuurBerichtAntwoord antwoord) {
        return antwoord.getMeldingen().stream().map(m -> m.getCode() + " " + m.getOmschrijving()).toList();
    }

    private static boolean heeftOorzaak(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.concurrent.atomic.AtomicLong NUMMERS = new java.util.concurrent.atomic.AtomicLong(900_000);

    private static long nummer() {
        return NUMMERS.incrementAndGet();
    }

    private static String id() {
        return "M" + UUID.randomUUID().toString().replace("-", "").substring(0, 11);
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
