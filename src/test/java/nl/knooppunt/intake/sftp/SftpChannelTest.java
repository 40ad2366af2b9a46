package nl.knooppunt.intake.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Message;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.delivery.Zending;
import nl.knooppunt.intake.Bericht;
import nl.knooppunt.intake.Ontvangst;
import nl.knooppunt.registry.Kanaal;
import nl.knooppunt.registry.RegistryService;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;

/**
 * The SFTP channel end to end, driven by the real OpenSSH {@code sftp} client against the running hub: key login,
 * both pickup modes, a slow upload, a cut-off upload, the verwerkingsverslag and retours in {@code in/}, the chroot,
 * and who may not log in.
 */
class SftpChannelTest extends SharedHubTest {

    static final String AGB = "42420003";
    static final String ZONDER_SLEUTEL = "42420004";

    @Autowired
    SftpServer server;
    @Autowired
    RegistryService registry;
    @Autowired
    SftpMappen mappen;
    @Autowired
    InMapAflevering aflevering;
    @Autowired
    Ontvangst ontvangst;
    @Autowired
    SftpRegister register;
    @Autowired
    nl.knooppunt.payload.PayloadStore payloads;
    @Autowired
    nl.knooppunt.system.KnooppuntProperties properties;

    static Path dir;
    static OpenSsh ssh;
    static Path key;
    static Path andereKey;

    /** Once per class (the context is shared): client keys, and a registry in which 42420003 has one. */
    @BeforeEach
    void aanbiederMetSleutel() throws IOException {
        if (ssh != null) {
            return;
        }
        dir = tempDir("knooppunt-sftp-client");
        ssh = new OpenSsh(dir, server.port());
        key = ssh.sleutel("id_aanbieder");
        andereKey = ssh.sleutel("id_ander");
        schrijfAanbieders(ssh.publiek(key));
        registry.reload();
    }

    /** The shipped aanbieders, with SFTP keys for 42420003 only (42420004 has none). */
    void schrijfAanbieders(String publiekeSleutel) throws IOException {
        String shipped = new String(getClass().getResourceAsStream("/registry/aanbieders.yaml").readAllBytes(),
                StandardCharsets.UTF_8);
        String metSleutel = publiekeSleutel == null ? shipped : shipped.replace(
                "  naam: \"Stichting Beschermd Thuis Zeeland (fictief)\"\n",
                "  naam: \"Stichting Beschermd Thuis Zeeland (fictief)\"\n  sftp: { publicKeys: [\"" + publiekeSleutel + "\"] }\n");
        Files.writeString(REGISTRY_DIR.resolve("aanbieders.yaml"), metSleutel);
    }

    @Test
    void keyLoginShowsOnlyTheAanbiedersOwnFolders() {
        OpenSsh.Resultaat r = ssh.batch(AGB, key, "pwd", "ls -1 /");
        assertThat(r.exit()).as(r.uitvoer()).isZero();
        assertThat(r.uitvoer()).contains("Remote working directory: /");
        assertThat(r.uitvoer().lines().filter(l -> !l.startsWith("sftp>") && !l.startsWith("Remote")).map(String::trim))
                .containsExactlyInAnyOrder("/in", "/uit");
        assertThat(mappen.root().resolve("hostkey.pem")).as("host key kept in the data dir").isRegularFile();
    }

    @Test
    void uploadByTempNameAndRenameIsDeliveredWithAnAcceptedVerslag() throws Exception {
        String xml = bericht(AGB);
        Path local = lokaal("rename.xml", xml);
        OpenSsh.Resultaat r = ssh.batch(AGB, key, "put " + local + " uit/wmo315-a.xml.part",
                "rename uit/wmo315-a.xml.part uit/wmo315-a.xml");
        assertThat(r.exit()).as(r.uitvoer()).isZero();
        assertThat(mappen.uit(AGB).resolve("wmo315-a.xml")).as("taken out of uit/ at the rename").doesNotExist();

        Document verslag = verslag("wmo315-a.xml");
        assertThat(tekst(verslag, "Status")).isEqualTo("GEACCEPTEERD");
        assertThat(tekst(verslag, "BerichtStatus")).isEqualTo("AFGELEVERD");
        String traceerId = tekst(verslag, "TraceerId");
        Message delivered = receive("gemeente.0599", traceerId);
        assertThat(delivered).isNotNull();
        assertThat(new String(bytes(delivered), StandardCharsets.UTF_8)).isEqualTo(xml);
        assertThat(property(delivered, "kanaal")).isEqualTo("SFTP");
        assertThat(mappen.werk(AGB)).isEmptyDirectory();

        // the aanbieder fetches the verslag and deletes it
        String naam = verslagBestand("wmo315-a.xml").getFileName().toString();
        Path download = dir.resolve("download-" + naam);
        OpenSsh.Resultaat get = ssh.batch(AGB, key, "get in/" + naam + " " + download, "rm in/" + naam);
        assertThat(get.exit()).as(get.uitvoer()).isZero();
        assertThat(Files.readString(download)).contains(traceerId);
        assertThat(mappen.in(AGB).resolve(naam)).doesNotExist();
    }

    /**
     * Over {@link nl.knooppunt.payload.Payload#STREAM_VANAF} the upload stays in its work file: every reader streams
     * it, the payload store gets it in parts and the queue as an Artemis large message streamed from the
     * file (delivery.Stroomzending; without it the message on the queue would be empty). Byte-exact at both ends.
     */
    @Test
    void aLargeDeclaratieIsStreamedFromItsFileToThePayloadStoreAndTheQueue() throws Exception {
        String xml = BerichtBuilder.wmo323().aanbieder(AGB)
                .identificatie("G" + UUID.randomUUID().toString().replace("-", "").substring(0, 11))
                .declaratieNummer("DG" + UUID.randomUUID().toString().replace("-", "").substring(0, 10))
                .prestaties(1500, TestBsn.first(20)).build();
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        assertThat((long) bytes.length).isGreaterThan(nl.knooppunt.payload.Payload.STREAM_VANAF);
        Path local = lokaal("groot.xml", xml);
        OpenSsh.Resultaat r = ssh.batch(AGB, key, "put " + local + " uit/wmo323-groot.xml.part",
                "rename uit/wmo323-groot.xml.part uit/wmo323-groot.xml");
        assertThat(r.exit()).as(r.uitvoer()).isZero();

        Document verslag = verslag("wmo323-groot.xml");
        assertThat(tekst(verslag, "Status")).as(tekst(verslag, "Omschrijving")).isEqualTo("GEACCEPTEERD");
        assertThat(tekst(verslag, "BerichtStatus")).isEqualTo("AFGELEVERD");
        String traceerId = tekst(verslag, "TraceerId");
        assertThat(receiveBody("gemeente.0599", traceerId)).as("the whole declaratie on the queue").isEqualTo(bytes);
        assertThat(payloads.open(traceerId).map(nl.knooppunt.payload.Payload::bytes)).as("the whole declaratie in the payload store").contains(bytes);
        assertThat(jdbc.queryForObject("select count(*) from payload_deel where traceer_id = ?", Integer.class, traceerId))
                .as("in parts of 1 MiB").isEqualTo(2);
        // read back (the recovery, a release from the parking queue) part by part, never whole
        nl.knooppunt.payload.Payload opnieuw = payloads.open(traceerId).orElseThrow();
        assertThat(opnieuw.inMemory()).isFalse();
        assertThat(opnieuw.size()).isEqualTo(bytes.length);
        assertThat(opnieuw.sha256()).isEqualTo(nl.knooppunt.intake.Ontvangst.sha256(bytes));
        // the dashboard shows the first part, masked, and says so
        String getoond = api("LEZER").get().uri("/api/berichten/" + traceerId + "/payload?reden=controle")
                .retrieve().body(String.class);
        assertThat(getoond).contains("*********").contains("alleen de eerste 1.000.000 tekens getoond");
        assertThat(TestBsn.first(20)).noneMatch(getoond::contains);
        assertThat(jdbc.queryForObject("select grootte from bericht where traceer_id = ?", Long.class, traceerId))
                .isEqualTo(bytes.length);
        assertThat(mappen.werk(AGB)).as("the work file is removed after the route").isEmptyDirectory();
    }

    @Test
    void plainUploadWaitsForItsDoneMarker() throws Exception {
        String xml = bericht(AGB);
        Path local = lokaal("marker.xml", xml);
        Path leeg = lokaal("leeg", "");
        OpenSsh.Resultaat r = ssh.batch(AGB, key, "put " + local + " uit/wmo315-m.xml");
        assertThat(r.exit()).as(r.uitvoer()).isZero();
        assertThat(mappen.uit(AGB).resolve("wmo315-m.xml")).as("no marker yet: stays").hasContent(xml);
        assertThat(berichtenMetNaam("wmo315-m.xml")).isZero();

        r = ssh.batch(AGB, key, "put " + leeg + " uit/wmo315-m.xml.done");
        assertThat(r.exit()).as(r.uitvoer()).isZero();
        assertThat(mappen.uit(AGB).resolve("wmo315-m.xml")).doesNotExist();
        assertThat(mappen.uit(AGB).resolve("wmo315-m.xml.done")).as("marker removed").doesNotExist();
        Document verslag = verslag("wmo315-m.xml");
        assertThat(tekst(verslag, "Status")).isEqualTo("GEACCEPTEERD");
        assertThat(new String(bytes(receive("gemeente.0599", tekst(verslag, "TraceerId"))), StandardCharsets.UTF_8))
                .isEqualTo(xml);
    }

    @Test
    void slowUploadInChunksIsNotTakenEarlyAndArrivesWhole() throws Exception {
        String xml = bericht(AGB);
        byte[] all = xml.getBytes(StandardCharsets.UTF_8);
        Path local = dir.resolve("slow.xml");
        Path remote = mappen.uit(AGB).resolve("wmo315-slow.xml");
        Process sftp = ssh.interactief(AGB, key);
        try {
            int chunks = 4;
            for (int i = 1; i <= chunks; i++) {
                int upTo = all.length * i / chunks;
                Files.write(local, java.util.Arrays.copyOf(all, upTo));
                OpenSsh.stuur(sftp, (i == 1 ? "put " : "reput ") + local + " uit/wmo315-slow.xml");
                await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(remote) && Files.size(remote) == upTo);
                assertThat(remote).as("chunk %d of %d still in uit/", i, chunks).exists();
                assertThat(mappen.werk(AGB)).isEmptyDirectory();
                assertThat(berichtenMetNaam("wmo315-slow.xml")).isZero();
            }
            Files.write(dir.resolve("slow.xml.done"), new byte[0]);
            OpenSsh.stuur(sftp, "put " + dir.resolve("slow.xml.done") + " uit/wmo315-slow.xml.done");
            OpenSsh.stuur(sftp, "bye");
            assertThat(sftp.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(sftp.exitValue()).isZero();
        } finally {
            sftp.destroyForcibly();
        }
        Document verslag = verslag("wmo315-slow.xml");
        assertThat(tekst(verslag, "Status")).isEqualTo("GEACCEPTEERD");
        assertThat(bytes(receive("gemeente.0599", tekst(verslag, "TraceerId")))).isEqualTo(all);
    }

    @Test
    void cutOffUploadIsNeverTaken() throws Exception {
        Path big = dir.resolve("big.xml");
        byte[] inhoud = new byte[2_000_000];
        java.util.Arrays.fill(inhoud, (byte) 'x');
        Files.write(big, inhoud);
        Path remote = mappen.uit(AGB).resolve("big.xml");
        Process sftp = ssh.interactief(AGB, key, "-l", "2000"); // 2000 Kbit/s: about 8 s for the whole file
        try {
            OpenSsh.stuur(sftp, "put " + big + " uit/big.xml");
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(remote) && Files.size(remote) > 0);
            sftp.destroyForcibly();
            sftp.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            sftp.destroyForcibly();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> server.sessies() == 0);
        assertThat(Files.size(remote)).as("cut off mid-way").isLessThan(inhoud.length);
        assertThat(mappen.werk(AGB)).isEmptyDirectory();
        assertThat(berichtenMetNaam("big.xml")).isZero();
        Files.delete(remote);
    }

    /**
     * A 200 MB upload (a sparse local file, so the test needs neither 200 MB of disk nor of heap) is stopped by the
     * server once it passes max-bericht-size: the put fails at the client, the aanbieder finds a KP004 verslag, the hub
     * never holds more than the cap plus one write, and the same session goes on to deliver a valid bericht.
     */
    @Test
    void uploadOverTheSizeCapIsStoppedWhileWrittenAndRefusedWithKp004() throws Exception {
        long max = properties.maxBerichtSize().toBytes();
        Path groot = dir.resolve("groot-200mb.xml");
        String[] delen = bericht(AGB).split("</wmo315:Bericht>");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(groot.toFile(), "rw")) {
            f.write(delen[0].getBytes(StandardCharsets.UTF_8));
            f.setLength(200L * 1024 * 1024);
        }
        String na = bericht(AGB);
        Path klein = lokaal("na.xml", na);

        OpenSsh.Resultaat r = ssh.batch(AGB, key, "-put " + groot + " uit/groot.xml.part",
                "-rename uit/groot.xml.part uit/groot.xml",
                "put " + klein + " uit/na-groot.xml.part", "rename uit/na-groot.xml.part uit/na-groot.xml");
        assertThat(r.exit()).as(r.uitvoer()).isZero();
        assertThat(r.uitvoer()).as("the put failed at the client").containsIgnoringCase("failure");

        Document verslag = verslag("groot.xml");
        assertThat(tekst(verslag, "Status")).isEqualTo("AFGEKEURD");
        assertThat(tekst(verslag, "Code")).isEqualTo("KP004");
        assertThat(tekst(verslag, "Toelichting")).contains("maximale berichtgrootte van " + max + " bytes");
        assertThat(mappen.uit(AGB).resolve("groot.xml.part")).as("taken out of uit/").doesNotExist();
        assertThat(jdbc.queryForObject("select count(*) from bericht where bestandsnaam = 'groot.xml' and status = "
                + "'AFGEKEURD'", Integer.class)).isOne();
        assertThat(jdbc.queryForObject("select max(grootte) from bericht where bestandsnaam = 'groot.xml'",
                Long.class)).as("the hub took the cap plus at most one write, not 200 MB").isBetween(max + 1,
                max + 1024 * 1024);

        Document naVerslag = verslag("na-groot.xml");
        assertThat(tekst(naVerslag, "Status")).as("the same session delivers the next file").isEqualTo("GEACCEPTEERD");
        assertThat(new String(bytes(receive("gemeente.0599", tekst(naVerslag, "TraceerId"))), StandardCharsets.UTF_8))
                .isEqualTo(na);
        await().atMost(Duration.ofSeconds(10)).until(() -> isLeeg(mappen.werk(AGB)));
    }

    @Test
    void spoofedAfzenderIsRefusedWithKp008() throws Exception {
        Path local = lokaal("spoof.xml", bericht("42420001"));
        OpenSsh.Resultaat r = ssh.batch(AGB, key, "put " + local + " uit/spoof.xml.part",
                "rename uit/spoof.xml.part uit/spoof.xml");
        assertThat(r.exit()).as(r.uitvoer()).isZero();
        Document verslag = verslag("spoof.xml");
        assertThat(tekst(verslag, "Status")).isEqualTo("AFGEKEURD");
        assertThat(tekst(verslag, "Code")).isEqualTo("KP008");
        assertThat(receive("gemeente.0599", tekst(verslag, "TraceerId"), 500)).isNull();
    }

    @Test
    void fileThatIsNotXmlStillGetsAVerslag() throws Exception {
        Path local = lokaal("rommel.txt", "dit is geen bericht " + UUID.randomUUID());
        OpenSsh.Resultaat r = ssh.batch(AGB, key, "put " + local + " uit/rommel.txt.tmp",
                "rename uit/rommel.txt.tmp uit/rommel.txt");
        assertThat(r.exit()).as(r.uitvoer()).isZero();
        Document verslag = verslag("rommel.txt");
        assertThat(tekst(verslag, "Status")).isEqualTo("AFGEKEURD");
        assertThat(tekst(verslag, "Code")).isEqualTo("KP001");
    }

    @Test
    void sameContentAgainIsReportedDubbelAndNotDeliveredTwice() throws Exception {
        Path local = lokaal("twee.xml", bericht(AGB));
        assertThat(ssh.batch(AGB, key, "put " + local + " uit/eerste.xml.part",
                "rename uit/eerste.xml.part uit/eerste.xml").exit()).isZero();
        String traceerId = tekst(verslag("eerste.xml"), "TraceerId");
        assertThat(receive("gemeente.0599", traceerId)).isNotNull();

        assertThat(ssh.batch(AGB, key, "put " + local + " uit/tweede.xml.part",
                "rename uit/tweede.xml.part uit/tweede.xml").exit()).isZero();
        Document tweede = verslag("tweede.xml");
        assertThat(tekst(tweede, "Status")).isEqualTo("DUBBEL");
        assertThat(tekst(tweede, "TraceerId")).isEqualTo(traceerId);
        assertThat(receive("gemeente.0599", traceerId, 1000)).as("no second delivery").isNull();
    }

    @Test
    void crashAfterPickupResumesTheSameBerichtOnce() throws Exception {
        // the state a crash leaves: the file is in the work folder, the receipt committed, nothing after it
        String xml = bericht(AGB);
        byte[] inhoud = xml.getBytes(StandardCharsets.UTF_8);
        String afhaling = "20260101000000000-crash001";
        Bericht bericht = ontvangst.ontvang(inhoud, "crash.xml", SftpIntake.KANAAL, AGB);
        register.ontvangen(AGB, nl.knooppunt.intake.Ontvangst.sha256(inhoud), bericht.traceerId(), afhaling);
        Files.write(mappen.werk(AGB).resolve(afhaling + "_crash.xml"), inhoud);

        Document verslag = verslag("crash.xml");
        assertThat(tekst(verslag, "TraceerId")).isEqualTo(bericht.traceerId());
        assertThat(tekst(verslag, "Status")).isEqualTo("GEACCEPTEERD");
        assertThat(receive("gemeente.0599", bericht.traceerId())).isNotNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> isLeeg(mappen.werk(AGB)));

        // and a crash after the verslag, before the file was deleted: read again, nothing new
        Files.write(mappen.werk(AGB).resolve(afhaling + "_crash.xml"), inhoud);
        Path verslagPad = verslagBestand("crash.xml");
        Files.delete(verslagPad); // the aanbieder already fetched it
        await().atMost(Duration.ofSeconds(10)).until(() -> isLeeg(mappen.werk(AGB)));
        assertThat(verslagPad).as("no second verslag for the same pickup").doesNotExist();
        assertThat(receive("gemeente.0599", bericht.traceerId(), 1000)).isNull();
        assertThat(jdbc.queryForObject("select count(*) from bericht where traceer_id = ?", Integer.class,
                bericht.traceerId())).isEqualTo(1);
    }

    @Test
    void chrootCannotBeEscaped() throws Exception {
        Path local = lokaal("escape.xml", "x");
        List<String[]> pogingen = List.of(
                new String[] {"get /etc/passwd " + dir.resolve("p1")},
                new String[] {"get ../../../../../../etc/passwd " + dir.resolve("p2")},
                new String[] {"cd ..", "cd ..", "get etc/passwd " + dir.resolve("p3")},
                new String[] {"put " + local + " ../escape.xml"},
                new String[] {"put " + local + " /escape.xml"},
                new String[] {"put " + local + " uit/../../escape.xml"},
                new String[] {"put " + local + " in/escape.xml"},
                new String[] {"symlink /etc/passwd uit/link"},
                new String[] {"symlink ../../.. uit/link"},
                new String[] {"ln /etc/passwd uit/hard"},
                new String[] {"mkdir uit/sub"},
                new String[] {"rmdir uit"},
                new String[] {"put " + local + " uit/a.part", "rename uit/a.part in/a.xml"},
                new String[] {"put " + local + " uit/b.part", "rename uit/b.part ../b.xml"});
        for (String[] poging : pogingen) {
            OpenSsh.Resultaat r = ssh.batch(AGB, key, poging);
            assertThat(r.exit()).as("%s should fail: %s", String.join("; ", poging), r.uitvoer()).isNotZero();
        }
        OpenSsh.Resultaat cd = ssh.batch(AGB, key, "cd ../../..", "pwd", "ls -1");
        assertThat(cd.uitvoer()).contains("Remote working directory: /").doesNotContain("etc").doesNotContain("home");
        assertThat(Files.exists(Path.of(dir.resolve("p1").toString()))).isFalse();
        try (Stream<Path> files = Files.walk(mappen.root())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .doesNotContain("escape.xml", "link", "hard", "sub", "b.xml", "a.xml");
        }
        assertThat(mappen.uit(AGB)).isDirectory();
        Files.deleteIfExists(mappen.uit(AGB).resolve("a.part"));
        Files.deleteIfExists(mappen.uit(AGB).resolve("b.part"));
    }

    @Test
    void wrongKeyUnknownAgbNoKeysAndPasswordAreRefused() {
        assertThat(ssh.batch(AGB, andereKey, "pwd").exit()).as("wrong key").isNotZero();
        assertThat(ssh.batch("42429999", key, "pwd").exit()).as("unknown AGB").isNotZero();
        assertThat(ssh.batch(ZONDER_SLEUTEL, key, "pwd").exit()).as("aanbieder without keys").isNotZero();
        assertThat(ssh.batch("root", key, "pwd").exit()).as("not an AGB").isNotZero();
    }

    @Test
    void serverOffersPublickeyOnly() throws Exception {
        List<String> cmd = ssh.args(AGB, null, "-v", "-o", "PreferredAuthentications=password,keyboard-interactive",
                "-b", "/dev/null");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        assertThat(p.exitValue()).isNotZero();
        List<String> methoden = out.lines().map(String::strip)
                .filter(l -> l.startsWith("debug1: Authentications that can continue:")).toList();
        assertThat(methoden).isNotEmpty().allMatch(l -> l.endsWith("continue: publickey"));
    }

    @Test
    void registryReloadTakesEffectForTheNextLogin() throws Exception {
        try {
            schrijfAanbieders(ssh.publiek(andereKey));
            registry.reload();
            assertThat(ssh.batch(AGB, key, "pwd").exit()).as("old key no longer valid").isNotZero();
            assertThat(ssh.batch(AGB, andereKey, "pwd").exit()).as("new key valid").isZero();
        } finally {
            schrijfAanbieders(ssh.publiek(key));
            registry.reload();
        }
        assertThat(ssh.batch(AGB, key, "pwd").exit()).isZero();
    }

    @Test
    void retourInInFolderIsWrittenOnceAndCanBeFetched() throws Exception {
        String traceerId = UUID.randomUUID().toString();
        byte[] retour = bericht(AGB).getBytes(StandardCharsets.UTF_8);
        Zending zending = new Zending(AGB, traceerId, "WMO316_retour.xml", retour, Map.of("berichtCode", "417"));
        Kanaal kanaal = registry.current().kanaal(AGB);
        assertThat(kanaal.soort()).as("an aanbieder with keys gets its in/ folder").isEqualTo(Kanaal.Soort.SFTP_IN);

        aflevering.lever(kanaal, zending);
        aflevering.lever(kanaal, zending);
        String naam = "WMO316_retour_" + traceerId + ".xml";
        assertThat(mappen.in(AGB).resolve(naam)).hasBinaryContent(retour);
        try (Stream<Path> files = Files.list(mappen.in(AGB))) {
            assertThat(files.filter(f -> f.getFileName().toString().contains(traceerId))).hasSize(1);
        }
        Path download = dir.resolve(naam);
        OpenSsh.Resultaat r = ssh.batch(AGB, key, "get in/" + naam + " " + download, "rm in/" + naam);
        assertThat(r.exit()).as(r.uitvoer()).isZero();
        assertThat(download).hasBinaryContent(retour);

        aflevering.lever(kanaal, zending);
        assertThat(mappen.in(AGB).resolve(naam)).as("fetched and deleted: not delivered again").doesNotExist();
    }

    /**
     * The whole way back over SFTP: a bericht that breaks an in-message rule gets an AFGEKEURD verslag with the rule,
     * and the conformant retourbericht (WMO316) travels retour-hub → aanbieder queue → push loop → this aanbieder's
     * in/ folder, valid against our XSD.
     */
    @Test
    void aRejectedBerichtsRetourAppearsInIn() throws Exception {
        String identificatie = "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 11);
        String xml = Files.readString(Path.of("src/test/resources/corpus/ongeldig/TR018-wmo315-einddatum-voor-ingangsdatum.xml"))
                .replace("<wmo315:Afzender>42420001</wmo315:Afzender>", "<wmo315:Afzender>" + AGB + "</wmo315:Afzender>")
                .replace("<iwmo:Identificatie>WMO315-0001</iwmo:Identificatie>",
                        "<iwmo:Identificatie>" + identificatie + "</iwmo:Identificatie>");
        Path local = lokaal("tr018.xml", xml);
        OpenSsh.Resultaat r = ssh.batch(AGB, key, "put " + local + " uit/tr018.xml.part",
                "rename uit/tr018.xml.part uit/tr018.xml");
        assertThat(r.exit()).as(r.uitvoer()).isZero();

        Document verslag = verslag("tr018.xml");
        assertThat(tekst(verslag, "Status")).isEqualTo("AFGEKEURD");
        assertThat(tekst(verslag, "Code")).isEqualTo("TR018");

        await().atMost(Duration.ofSeconds(20)).until(() -> retourIn(identificatie) != null);
        byte[] retour = Files.readAllBytes(retourIn(identificatie));
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        sf.newSchema(Path.of("schemas/wmo316.xsd").toFile()).newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(retour)));
        assertThat(new String(retour, StandardCharsets.UTF_8)).contains("<wmo316:BerichtCode>445</wmo316:BerichtCode>")
                .contains("0001");
    }

    /** A non-verslag file in in/ that copies this heen Identificatie: the retourbericht. */
    Path retourIn(String identificatie) {
        try (Stream<Path> files = Files.list(mappen.in(AGB))) {
            return files.filter(f -> !f.getFileName().toString().endsWith(".verslag.xml"))
                    .filter(f -> f.getFileName().toString().endsWith(".xml"))
                    .filter(f -> {
                        try {
                            return Files.readString(f).contains(identificatie);
                        } catch (IOException e) {
                            return false;
                        }
                    }).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- helpers

    String bericht(String afzender) {
        return BerichtBuilder.wmo315().aanbieder(afzender).bsn(TestBsn.nth(21))
                .identificatie("S" + UUID.randomUUID().toString().replace("-", "").substring(0, 11)).build();
    }

    Path lokaal(String naam, String inhoud) throws IOException {
        Path p = dir.resolve(UUID.randomUUID() + "-" + naam);
        Files.writeString(p, inhoud);
        return p;
    }

    int berichtenMetNaam(String naam) {
        return jdbc.queryForObject("select count(*) from bericht where bestandsnaam = ?", Integer.class, naam);
    }

    Path verslagBestand(String naam) {
        await().atMost(Duration.ofSeconds(20)).until(() -> vindVerslag(naam) != null);
        return vindVerslag(naam);
    }

    Path vindVerslag(String naam) {
        try (Stream<Path> files = Files.list(mappen.in(AGB))) {
            return files.filter(f -> f.getFileName().toString().startsWith(naam + ".")
                    && f.getFileName().toString().endsWith(".verslag.xml")).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the verslag, checks it against schemas/verwerkingsverslag.xsd and that it holds no BSN. */
    Document verslag(String naam) throws Exception {
        byte[] xml = Files.readAllBytes(verslagBestand(naam));
        assertThat(new String(xml, StandardCharsets.UTF_8)).doesNotContain(TestBsn.nth(21));
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        sf.newSchema(Path.of("schemas/verwerkingsverslag.xsd").toFile()).newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(xml)));
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        assertThat(tekst(doc, "Bestandsnaam")).isEqualTo(naam);
        return doc;
    }

    static String tekst(Document doc, String element) {
        var nodes = doc.getElementsByTagNameNS(Verwerkingsverslag.NS, element);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    static boolean isLeeg(Path map) throws IOException {
        try (Stream<Path> files = Files.list(map)) {
            return files.findAny().isEmpty();
        }
    }
}
