package nl.knooppunt.delivery.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.BytesMessage;
import jakarta.jms.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.delivery.push.ontvang.OntvangBericht;
import nl.knooppunt.delivery.push.ontvang.OntvangBerichtAntwoord;
import nl.knooppunt.delivery.push.ontvang.OntvangPortType;
import nl.knooppunt.delivery.push.ontvang.OntvangStatus;
import nl.knooppunt.registry.RegistryService;
import nl.knooppunt.testdata.BerichtBuilder;
import org.apache.camel.CamelContext;
import org.apache.cxf.Bus;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.AbstractSftpEventListenerAdapter;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.server.shell.UnknownCommandFactory;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/**
 * Push delivery against real targets: a JDK HTTP server (webhook), an Apache MINA SSHD SFTP server and a CXF SOAP
 * service, fed through the participants' real Artemis queues. Timings come from SharedHubTest (backoff 100–400 ms,
 * DLQ after 4 s). The registry is reloaded with the push channels, which starts the push routes, and restored after.
 */
class PushDeliveryTest extends SharedHubTest {

    static final String HERSTEL = "0772";     // webhook down for a while, then up
    static final String GIF = "0518";         // webhook that always fails one bericht
    static final String WEIGERT = "0034";     // webhook that refuses one bericht with 400
    static final String PLAT = "0307";        // nothing listens
    static final String SFTP = "0758";
    static final String SOAP = "0153";
    static final String SFTP_GROOT = "0855";  // an SFTP server that is up, for a large bericht
    static final String SOAP_MTOM = "0479";   // the SOAP service, called with MTOM

    @Autowired
    RegistryService registryService;
    @Autowired
    CamelContext camel;
    @Autowired
    Bus bus;

    // static: one set of targets for the class (JUnit makes a test instance per method)
    static final Webhook herstel = new Webhook();
    static final Webhook gif = new Webhook();
    static final Webhook weigert = new Webhook();
    static final int platPort = freePort();
    static final int sftpPort = freePort();
    static final Path sftpRoot = tempDir("push-sftp-root");
    static final Map<String, AtomicInteger> sftpRenames = new ConcurrentHashMap<>();
    static final int sftpGrootPort = freePort();
    static final Path sftpGrootRoot = tempDir("push-sftp-groot");
    /** Per file renamed into place on an SFTP server: the sizes of the files in the hub's push-werk at that moment. */
    static final Map<String, List<Long>> werkBijRename = new ConcurrentHashMap<>();
    static SshServer sshdGroot;
    static final SoapOntvanger soapOntvanger = new SoapOntvanger();
    static Path hmacFile;
    static SshServer sshd;
    static KeyPairProvider hostKeys;
    static Path clientKey;
    static String origineleKanalen;
    static EndpointImpl soapEndpoint;
    static RegistryService herlaad;

    /** In the first test's set-up: Camel starts (and loads the route templates) only then. */
    @BeforeEach
    void kanalen() throws Exception {
        if (origineleKanalen != null) {
            return;
        }
        herlaad = registryService;
        Files.createDirectories(sftpRoot.resolve("berichten"));
        Files.createDirectories(sftpGrootRoot.resolve("berichten"));
        hmacFile = Files.writeString(tempDir("push-secret").resolve("hmac"), "geheim-voor-de-test\n");
        Path keys = tempDir("push-keys");
        // ECDSA: MINA SSHD verifies ed25519 only with an extra library (net.i2p eddsa), which the test server lacks
        clientKey = keys.resolve("id_ecdsa");
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", "", "-C", "knooppunt", "-f",
                clientKey.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor()).as(new String(p.getInputStream().readAllBytes())).isZero();
        SimpleGeneratorHostKeyProvider provider = new SimpleGeneratorHostKeyProvider(keys.resolve("host.ser"));
        provider.setAlgorithm("EC");
        provider.setKeySize(256);
        hostKeys = provider;
        String hostKey = PublicKeyEntry.toString(provider.loadKeys(null).iterator().next().getPublic());

        soapEndpoint = new EndpointImpl(bus, soapOntvanger);
        soapEndpoint.publish("/test-ontvang");

        Path file = REGISTRY_DIR.resolve("kanalen.yaml");
        origineleKanalen = Files.readString(file);
        Files.writeString(file, origineleKanalen
                + rest(HERSTEL, herstel.url()) + "    hmacSecretFile: \"" + hmacFile + "\"\n"
                + rest(GIF, gif.url()) + rest(WEIGERT, weigert.url())
                + rest(PLAT, "http://127.0.0.1:" + platPort + "/berichten")
                + "- deelnemer: \"" + SFTP + "\"\n  kanaal: sftp\n  instellingen:\n"
                + "    host: 127.0.0.1\n    port: " + sftpPort + "\n    user: breda\n    remoteDir: /berichten\n"
                + "    knownHosts: \"[127.0.0.1]:" + sftpPort + " " + hostKey + "\"\n"
                + "    privateKeyFile: \"" + clientKey + "\"\n"
                + "- deelnemer: \"" + SFTP_GROOT + "\"\n  kanaal: sftp\n  instellingen:\n"
                + "    host: 127.0.0.1\n    port: " + sftpGrootPort + "\n    user: tilburg\n    remoteDir: /berichten\n"
                + "    knownHosts: \"[127.0.0.1]:" + sftpGrootPort + " " + hostKey + "\"\n"
                + "    privateKeyFile: \"" + clientKey + "\"\n"
                + "- deelnemer: \"" + SOAP + "\"\n  kanaal: soap\n  instellingen:\n"
                + "    url: http://localhost:" + port + "/ws/test-ontvang\n"
                + "- deelnemer: \"" + SOAP_MTOM + "\"\n  kanaal: soap\n  instellingen:\n"
                + "    url: http://localhost:" + port + "/ws/test-ontvang\n    mtom: \"true\"\n");
        registryService.reload();
        assertThat(camel.getRoute("push-gemeente-" + HERSTEL)).as("status %s, routes %s", camel.getStatus(), camel.getRoutes().size()).isNotNull();
        assertThat(camel.getRoute("push-gemeente-" + SFTP)).isNotNull();
    }

    @Test
    void theRegistryStartsAndStopsThePushRoutes() throws Exception {
        assertThat(camel.getRoutes()).filteredOn(r -> r.getRouteId().startsWith("push-")).extracting("routeId")
                .containsExactlyInAnyOrder("push-gemeente-" + HERSTEL, "push-gemeente-" + GIF, "push-gemeente-" + WEIGERT,
                        "push-gemeente-" + PLAT, "push-gemeente-" + SFTP, "push-gemeente-" + SOAP,
                        "push-gemeente-" + SFTP_GROOT, "push-gemeente-" + SOAP_MTOM);
        Path file = REGISTRY_DIR.resolve("kanalen.yaml");
        String metPush = Files.readString(file);
        try {
            Files.writeString(file, origineleKanalen);
            registryService.reload();
            assertThat(camel.getRoutes()).noneMatch(r -> r.getRouteId().startsWith("push-"));
        } finally {
            Files.writeString(file, metPush);
            registryService.reload();
        }
        assertThat(camel.getRoute("push-gemeente-" + SFTP)).isNotNull();
    }

    private static String rest(String gemeente, String url) {
        return "- deelnemer: \"" + gemeente + "\"\n  kanaal: rest\n  instellingen:\n    url: " + url + "\n";
    }

    @AfterAll
    static void herstel() throws Exception {
        Files.writeString(REGISTRY_DIR.resolve("kanalen.yaml"), origineleKanalen);
        herlaad.reload();
        herstel.close();
        gif.close();
        weigert.close();
        soapEndpoint.stop();
        if (sshd != null) {
            sshd.stop(true);
        }
        if (sshdGroot != null) {
            sshdGroot.stop(true);
        }
    }

    @Test
    void aWebhookThatIsDownForAWhileGetsEverythingOnceWhenItRecovers() throws Exception {
        herstel.antwoord = id -> 503;
        List<String> ids = new ArrayList<>();
        List<byte[]> inhoud = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            byte[] xml = xml(HERSTEL, "HERSTEL" + i);
            inhoud.add(xml);
            ids.add(zet(HERSTEL, xml));
        }
        // every bericht was tried and refused at least twice before the target comes back
        await().atMost(Duration.ofSeconds(10)).until(() -> ids.stream().allMatch(id -> herstel.pogingen(id) >= 2));
        herstel.antwoord = id -> 200;

        await().atMost(Duration.ofSeconds(10)).until(() -> ids.stream().allMatch(id -> herstel.geaccepteerd(id) == 1));
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            Webhook.Verzoek laatste = herstel.verzoeken.stream().filter(v -> id.equals(v.traceerId()) && v.status() == 200)
                    .findFirst().orElseThrow();
            assertThat(laatste.body()).isEqualTo(inhoud.get(i));
            assertThat(laatste.idempotencyKey()).isEqualTo(id);
            assertThat(laatste.signature()).isEqualTo("sha256="
                    + RestAfleverkanaal.hmac("geheim-voor-de-test".getBytes(StandardCharsets.UTF_8),
                            nl.knooppunt.payload.Payload.of(inhoud.get(i))));
            await().atMost(Duration.ofSeconds(5)).until(() -> events(id, "AFGELEVERD_PUSH") == 1);
            assertThat(events(id, "AFLEVERPOGING")).isGreaterThanOrEqualTo(2);
        }
        // nothing is left on the queue and nothing went to the DLQ
        assertThat(receive("gemeente." + HERSTEL, ids.get(0), 300)).isNull();
        for (String id : ids) {
            assertThat(receive(PushAflevering.DLQ, id, 100)).isNull();
        }
        // and nothing arrives twice later on
        assertThat(ids).allMatch(id -> herstel.geaccepteerd(id) == 1);
    }

    @Test
    void aBerichtThatAlwaysFailsGoesToTheDlqWithItsReasonWhileTheOthersFlow() throws Exception {
        // the answer is set before the bericht is on the queue: the push route may deliver it at once
        String giftig = UUID.randomUUID().toString();
        gif.antwoord = id -> id.equals(giftig) ? 500 : 200;
        zet(GIF, giftig, xml(GIF, "GIF0"));
        List<String> anderen = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            anderen.add(zet(GIF, xml(GIF, "GIF" + i)));
        }

        // the others arrive while the failing one is still being retried: no head-of-line blocking
        // (the bound only has to stay below knooppunt.aflevering.duur, 8 s in tests; a loaded CI machine is slow)
        await().atMost(Duration.ofSeconds(6)).until(() -> anderen.stream().allMatch(id -> gif.geaccepteerd(id) == 1));
        assertThat(events(giftig, "NAAR_DLQ")).isZero();
        assertThat(gif.pogingen(giftig)).isGreaterThanOrEqualTo(1);

        Message dlq = receive(PushAflevering.DLQ, giftig, 20_000);
        assertThat(dlq).as("the failing bericht on the DLQ").isNotNull();
        assertThat(property(dlq, PushAflevering.REDEN)).startsWith("niet afgeleverd na").contains("HTTP_500");
        assertThat(property(dlq, PushAflevering.QUEUE)).isEqualTo("gemeente." + GIF);
        assertThat(dlq.getIntProperty(PushAflevering.POGINGEN)).isGreaterThan(3);
        assertThat(bytes(dlq)).isEqualTo(xml(GIF, "GIF0"));
        assertThat(gif.geaccepteerd(giftig)).isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> events(giftig, "NAAR_DLQ") == 1);
        assertThat(events(giftig, "AFLEVERPOGING")).isEqualTo(dlq.getIntProperty(PushAflevering.POGINGEN));
        assertThat(receive("gemeente." + GIF, giftig, 300)).isNull();
    }

    @Test
    void aBerichtTheReceiverRefusesGoesToTheDlqAtOnce() throws Exception {
        String geweigerd = UUID.randomUUID().toString();
        weigert.antwoord = id -> id.equals(geweigerd) ? 400 : 200;
        zet(WEIGERT, geweigerd, xml(WEIGERT, "WEIGER0"));
        String goed = zet(WEIGERT, xml(WEIGERT, "WEIGER1"));

        Message dlq = receive(PushAflevering.DLQ, geweigerd, 5_000);
        assertThat(dlq).isNotNull();
        assertThat(property(dlq, PushAflevering.REDEN)).startsWith("geweigerd door ontvanger: HTTP_400");
        assertThat(dlq.getIntProperty(PushAflevering.POGINGEN)).isEqualTo(1);
        assertThat(weigert.pogingen(geweigerd)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(3)).until(() -> weigert.geaccepteerd(goed) == 1);
    }

    @Test
    void aGemeenteThatIsDownDoesNotSlowAnother() throws Exception {
        List<String> plat = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            plat.add(zet(PLAT, xml(PLAT, "PLAT" + i)));
        }
        await().atMost(Duration.ofSeconds(3)).until(() -> plat.stream().allMatch(id -> events(id, "AFLEVERPOGING") >= 1));
        herstel.antwoord = id -> 200;
        long start = System.nanoTime();
        List<String> vlot = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            vlot.add(zet(HERSTEL, xml(HERSTEL, "VLOT" + i)));
        }
        await().atMost(Duration.ofSeconds(6)).until(() -> vlot.stream().allMatch(id -> herstel.geaccepteerd(id) == 1));
        Duration vertraging = Duration.ofNanos(System.nanoTime() - start);
        // still failing over there, and not yet given up on
        assertThat(plat).allMatch(id -> events(id, "NAAR_DLQ") == 0 && events(id, "AFGELEVERD_PUSH") == 0);
        assertThat(vertraging).isLessThan(Duration.ofSeconds(6));

        for (String id : plat) {
            Message dlq = receive(PushAflevering.DLQ, id, 20_000);
            assertThat(dlq).isNotNull();
            assertThat(property(dlq, PushAflevering.REDEN)).contains("HTTP_VERBINDING");
        }
    }

    @Test
    void anSftpServerThatIsDownForAWhileGetsEveryFileOnceByTempNameAndRename() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(zet(SFTP, xml(SFTP, "SFTP" + i)));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> ids.stream().allMatch(id -> events(id, "AFLEVERPOGING") >= 2));
        assertThat(ids).allMatch(id -> reden(id).contains("SFTP_VERBINDING"));

        startSftp();

        Path dir = sftpRoot.resolve("berichten");
        await().atMost(Duration.ofSeconds(10)).until(() -> ids.stream().allMatch(id -> Files.exists(dir.resolve(id + ".xml"))));
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            assertThat(Files.readAllBytes(dir.resolve(id + ".xml"))).isEqualTo(xml(SFTP, "SFTP" + i));
            await().atMost(Duration.ofSeconds(5)).until(() -> events(id, "AFGELEVERD_PUSH") == 1);
            assertThat(sftpRenames.get(id + ".xml").get()).as("renamed into place once").isEqualTo(1);
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void aSoapServiceThatFaultsForAWhileGetsEveryBerichtOnce() throws Exception {
        soapOntvanger.storing = true;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(zet(SOAP, xml(SOAP, "SOAP" + i)));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> ids.stream().allMatch(id -> events(id, "AFLEVERPOGING") >= 2));
        assertThat(reden(ids.get(0))).startsWith("SOAP_FAULT");
        soapOntvanger.storing = false;

        await().atMost(Duration.ofSeconds(10)).until(() -> ids.stream().allMatch(soapOntvanger.ontvangen::containsKey));
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            assertThat(soapOntvanger.ontvangen.get(id)).isEqualTo(new String(xml(SOAP, "SOAP" + i), StandardCharsets.UTF_8));
            assertThat(soapOntvanger.aantal.get(id).get()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(5)).until(() -> events(id, "AFGELEVERD_PUSH") == 1);
        }
    }

    @Test
    void aLargeBerichtGoesOverSftpFromAWorkFileThatIsDeletedAfterwards() throws Exception {
        sshdGroot = sftpServer(sftpGrootPort, sftpGrootRoot);
        byte[] groot = groot("SFTP");

        String id = zet(SFTP_GROOT, groot);

        await().atMost(Duration.ofSeconds(20)).until(() -> events(id, "AFGELEVERD_PUSH") == 1);
        assertThat(Files.readAllBytes(sftpGrootRoot.resolve("berichten").resolve(id + ".xml"))).isEqualTo(groot);
        // while it was written, the bericht came from a work file of its own size, not from one array in the heap
        assertThat(werkBijRename.get(id + ".xml")).contains((long) groot.length);
        assertThat(werkbestanden()).isEmpty();
    }

    @Test
    void aLargeBerichtReachesAWebhookWhole() throws Exception {
        herstel.antwoord = id -> 200;
        byte[] groot = groot("REST");

        String id = zet(HERSTEL, groot);

        await().atMost(Duration.ofSeconds(20)).until(() -> herstel.geaccepteerd(id) == 1);
        Webhook.Verzoek verzoek = herstel.verzoeken.stream().filter(v -> id.equals(v.traceerId())).findFirst().orElseThrow();
        assertThat(verzoek.body()).isEqualTo(groot);
        assertThat(verzoek.signature()).isEqualTo("sha256=" + RestAfleverkanaal.hmac(
                "geheim-voor-de-test".getBytes(StandardCharsets.UTF_8), nl.knooppunt.payload.Payload.of(groot)));
        await().atMost(Duration.ofSeconds(5)).until(() -> events(id, "AFGELEVERD_PUSH") == 1);
        assertThat(werkbestanden()).isEmpty();
    }

    @Test
    void aLargeBerichtTheReceiverRefusesIsWholeOnTheDlq() throws Exception {
        String geweigerd = UUID.randomUUID().toString();
        weigert.antwoord = id -> id.equals(geweigerd) ? 400 : 200;
        byte[] groot = groot("DLQ");

        zet(WEIGERT, geweigerd, groot);

        assertThat(receiveBody(PushAflevering.DLQ, geweigerd)).isEqualTo(groot);
        assertThat(werkbestanden()).isEmpty();
    }

    @Test
    void aLargeBerichtGoesToASoapServiceAsAnMtomAttachment() throws Exception {
        soapOntvanger.storing = false;
        byte[] groot = groot("SOAP");

        String id = zet(SOAP_MTOM, groot);

        await().atMost(Duration.ofSeconds(20)).until(() -> soapOntvanger.ontvangen.containsKey(id));
        assertThat(soapOntvanger.ontvangen.get(id)).isEqualTo(new String(groot, StandardCharsets.UTF_8));
        assertThat(soapOntvanger.alsBijlage.get(id)).as("sent as an MTOM attachment").isTrue();
        String klein = zet(SOAP, xml(SOAP, "INLINE"));
        await().atMost(Duration.ofSeconds(10)).until(() -> soapOntvanger.ontvangen.containsKey(klein));
        assertThat(soapOntvanger.alsBijlage.get(klein)).as("without mtom: inline base64").isFalse();
    }

    // ------------------------------------------------------------------ helpers

    /** Puts a bericht on the participant's queue the way delivery.Delivery does; returns its traceerId. */
    private String zet(String gemeente, byte[] xml) {
        return zet(gemeente, UUID.randomUUID().toString(), xml);
    }

    private String zet(String gemeente, String traceerId, byte[] xml) {
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.send("gemeente." + gemeente, session -> {
            BytesMessage m = session.createBytesMessage();
            m.writeBytes(xml);
            m.setStringProperty("_AMQ_DUPL_ID", traceerId);
            m.setStringProperty("traceerId", traceerId);
            m.setStringProperty("kanaal", "SOAP");
            m.setStringProperty("berichtCode", "444");
            m.setStringProperty("afzender", "42420001");
            m.setStringProperty("ontvanger", gemeente);
            m.setStringProperty("bestemming", gemeente);
            return m;
        });
        return traceerId;
    }

    private static byte[] xml(String gemeente, String identificatie) {
        return BerichtBuilder.wmo315().gemeente(gemeente).identificatie(identificatie).build()
                .getBytes(StandardCharsets.UTF_8);
    }

    private int events(String traceerId, String type) {
        return jdbc.queryForObject("select count(*) from audit_event where traceer_id = ? and event_type = ?",
                Integer.class, traceerId, type);
    }

    private String reden(String traceerId) {
        String inhoud = jdbc.queryForList("select inhoud from audit_event where traceer_id = ? and event_type = ? "
                + "order by tijdstip", String.class, traceerId, "AFLEVERPOGING").get(0);
        try {
            return json.readTree(inhoud).get("reden").asText();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void startSftp() throws IOException {
        sshd = sftpServer(sftpPort, sftpRoot);
    }

    private static SshServer sftpServer(int port, Path root) throws IOException {
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(port);
        sshd.setKeyPairProvider(hostKeys);
        sshd.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(Path.of(clientKey + ".pub")));
        sshd.setPasswordAuthenticator(null);
        sshd.setKeyboardInteractiveAuthenticator(null);
        sshd.setCommandFactory(UnknownCommandFactory.INSTANCE);
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        sftp.addSftpEventListener(new AbstractSftpEventListenerAdapter() {
            @Override
            public void moved(ServerSession session, Path src, Path dst, java.util.Collection<java.nio.file.CopyOption> opts,
                              Throwable thrown) {
                if (thrown == null) {
                    sftpRenames.computeIfAbsent(dst.getFileName().toString(), k -> new AtomicInteger()).incrementAndGet();
                    werkBijRename.put(dst.getFileName().toString(), werkbestanden());
                }
            }
        });
        sshd.setSubsystemFactories(List.of(sftp));
        sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
        sshd.start();
        return sshd;
    }

    /** The sizes of the files in the hub's work directory for large push deliveries. */
    private static List<Long> werkbestanden() {
        try (var files = Files.list(DATA_DIR.resolve("push-werk"))) {
            return files.map(f -> f.toFile().length()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** A bericht of 3 MB: an Artemis large message on the queue, and a work file for the push. */
    private static byte[] groot(String label) {
        StringBuilder xml = new StringBuilder("<groot label=\"" + label + "\">");
        while (xml.length() < 3 * 1024 * 1024) {
            xml.append("<regel>").append(xml.length()).append("</regel>\n");
        }
        return xml.append("</groot>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A gemeente's SOAP service as generated from schemas/knooppunt-ontvang.wsdl, idempotent on traceerId. */
    @jakarta.jws.WebService(serviceName = "OntvangService", portName = "OntvangPort",
            targetNamespace = "urn:knooppunt:ontvang:1",
            endpointInterface = "nl.knooppunt.delivery.push.ontvang.OntvangPortType")
    public static class SoapOntvanger implements OntvangPortType {
        volatile boolean storing;
        final Map<String, String> ontvangen = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> aantal = new ConcurrentHashMap<>();
        final Map<String, Boolean> alsBijlage = new ConcurrentHashMap<>();

        @Override
        public OntvangBerichtAntwoord ontvangBericht(OntvangBericht request) {
            if (storing) {
                throw new SoapFault("tijdelijk niet beschikbaar", Fault.FAULT_CODE_SERVER);
            }
            OntvangBerichtAntwoord antwoord = new OntvangBerichtAntwoord();
            antwoord.setTraceerId(request.getTraceerId());
            String bericht;
            try (java.io.InputStream in = request.getBericht().getInputStream()) {
                bericht = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            boolean nieuw = ontvangen.putIfAbsent(request.getTraceerId(), bericht) == null;
            alsBijlage.put(request.getTraceerId(), bijlage());
            aantal.computeIfAbsent(request.getTraceerId(), k -> new AtomicInteger()).incrementAndGet();
            antwoord.setStatus(nieuw ? OntvangStatus.ONTVANGEN : OntvangStatus.AL_ONTVANGEN);
            return antwoord;
        }

        /** Whether this call carried the bericht as an attachment (MTOM) rather than inline. */
        private static boolean bijlage() {
            org.apache.cxf.message.Message m = org.apache.cxf.phase.PhaseInterceptorChain.getCurrentMessage();
            return m != null && m.getAttachments() != null && !m.getAttachments().isEmpty();
        }
    }

}
