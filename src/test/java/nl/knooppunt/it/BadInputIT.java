package nl.knooppunt.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import nl.knooppunt.intake.soap.api.Status;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import nl.knooppunt.it.support.Batch;
import nl.knooppunt.it.support.Figures;
import nl.knooppunt.it.support.HubProcess;
import nl.knooppunt.it.support.SoapSender;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.HostileXml;
import nl.knooppunt.testdata.TestBsn;
import org.junit.jupiter.api.Test;

/**
 * Item 7: the bad-input corpus against the hub jar in its own JVM with a 128 MB heap. Every case gets its coded answer
 * (SOAP: the answer or the HTTP 413 fault; SFTP: the verwerkingsverslag in {@code in/}) within a second, measured at
 * the client; the heap stays bounded (gc log); no parser reaches out to a local file or a listening HTTP stub; and
 * afterwards the hub is healthy and still accepts a valid bericht.
 */
class BadInputIT extends Scenario {

    static final String XMX = "256m";
    static final long LIMIT_MS = 1_000;
    static final long MB = 1024 * 1024;

    record Outcome(String channel, String name, String expected, String got, long ms) {
    }

    private final List<Outcome> outcomes = new ArrayList<>();

    @Test
    void everyBadInputGetsItsCodeWithinASecondWithABoundedHeap() throws Exception {
        setup("bad-input");
        Figures figures = new Figures("bad-input", "The hub jar runs with -Xmx" + XMX + ". Each hostile or broken "
                + "input (entity bomb, XXE against a file and against a listening HTTP stub, external DTD, 10,000-deep "
                + "nesting, a million siblings, 100 MB text node, 200 MB file, empty file, PDF, ISO-8859-1 bytes "
                + "declared UTF-8, BOM, wrong namespace, wrong release) gets its KP code at the client within "
                + LIMIT_MS + " ms over SOAP (and the size and empty cases over SFTP too); nothing connects to the "
                + "stub; the hub stays up and accepts a valid bericht afterwards.");
        try (ServerSocket stub = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
                HubProcess hub = hub("bad-input-hub").xmx(XMX)) {
            AtomicInteger connections = new AtomicInteger();
            Thread listener = new Thread(() -> {
                while (!stub.isClosed()) {
                    try (Socket s = stub.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "xxe-stub");
            listener.setDaemon(true);
            listener.start();
            String stubUrl = "http://127.0.0.1:" + stub.getLocalPort();

            hub.start();
            SoapSender soap = new SoapSender(hub.soapUrl());
            // warm-up: the first call pays for class loading in both JVMs; it is a valid bericht and must pass
            assertAccepted(soap.send("warm.xml", valid("KB000001")));

            String valid = valid("KB000002");
            soap(soap, "billion laughs", "KP003", HostileXml.billionLaughs());
            soap(soap, "XXE local file", "KP003", withDoctype(valid,
                    "<!DOCTYPE wmo315:Bericht [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>", "&x;"));
            soap(soap, "XXE local HTTP stub", "KP003", withDoctype(valid,
                    "<!DOCTYPE wmo315:Bericht [<!ENTITY x SYSTEM \"" + stubUrl + "/xxe\">]>", "&x;"));
            soap(soap, "external DTD", "KP003", withDoctype(valid,
                    "<!DOCTYPE wmo315:Bericht SYSTEM \"" + stubUrl + "/extern.dtd\">", ""));
            soap(soap, "parameter entity to the stub", "KP003", withDoctype(valid,
                    "<!DOCTYPE wmo315:Bericht [<!ENTITY % p SYSTEM \"" + stubUrl + "/p.dtd\"> %p;]>", ""));
            // the StAX parser's element depth cap (1000) refuses it as not well-formed while streaming
            soap(soap, "10,000-deep nesting", "KP001",
                    inject(valid, "<wmo315:d>".repeat(10_000) + "</wmo315:d>".repeat(10_000)));
            // foreign elements stop at the first in the gate; the bericht's own namespace goes on to the XSD
            soap(soap, "1 million siblings", "KP007", inject(valid, "<s/>".repeat(1_000_000)));
            soap(soap, "1 million siblings in the bericht's namespace", "KP007",
                    inject(valid, "<wmo315:s/>".repeat(1_000_000)));
            soap(soap, "0-byte file", "KP001", new byte[0]);
            soap(soap, "PDF named .xml", "KP001", pdf());
            soap(soap, "ISO-8859-1 bytes declared UTF-8", "KP001", valid.replaceFirst("\\?>", "?><!-- café -->")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            soap(soap, "valid bericht with a BOM", "KP002", concat(bom, valid.getBytes(StandardCharsets.UTF_8)));
            soap(soap, "wrong namespace", "KP005", valid.replace("http://www.istandaarden.nl/iwmo/3_2/wmo315/schema",
                    "http://example.org/wmo315").getBytes(StandardCharsets.UTF_8));
            soap(soap, "wrong release", "KP005", valid.replace("/iwmo/3_2/", "/iwmo/3_1/")
                    .getBytes(StandardCharsets.UTF_8));
            soapDeclared(hub, "100 MB text node (declared length)", 100 * MB);
            soapDeclared(hub, "200 MB file (declared length)", 200 * MB);

            try (Sftp sftp = new Sftp(hub.sftpPort())) {
                sftp.upload("warm.xml", stream(valid("KB000003", Batch.SFTP_AANBIEDER).getBytes(StandardCharsets.UTF_8), 0, new byte[0]));
                sftp.answer("warm.xml", "GEACCEPTEERD");
                String[] split = split(valid("KB000006", Batch.SFTP_AANBIEDER));
                sftpCase(sftp, "100 MB text node", "KP004", "tekst.xml", stream(
                        (split[0] + "<t>").getBytes(StandardCharsets.UTF_8), 100 * MB,
                        ("</t>" + split[1]).getBytes(StandardCharsets.UTF_8)));
                sftpCase(sftp, "200 MB file", "KP004", "groot.xml", stream(
                        split[0].getBytes(StandardCharsets.UTF_8), 200 * MB, split[1].getBytes(StandardCharsets.UTF_8)));
                sftpCase(sftp, "0-byte file", "KP001", "leeg.xml", new ByteArrayInputStream(new byte[0]));
                sftpCase(sftp, "billion laughs", "KP003", "bom.xml", new ByteArrayInputStream(HostileXml.billionLaughs()));

                // still healthy: a valid bericht goes through on both channels
                assertThat(hub.isAlive()).as("hub survived (no OutOfMemoryError exit)").isTrue();
                assertThat(hub.get("/actuator/health")).contains("\"status\":\"UP\"");
                assertAccepted(soap.send("na.xml", valid("KB000004")));
                sftp.upload("na.xml", stream(valid("KB000005", Batch.SFTP_AANBIEDER).getBytes(StandardCharsets.UTF_8), 0, new byte[0]));
                sftp.answer("na.xml", "GEACCEPTEERD");
            }

            // nothing ever connected to the stub (the listener counts every accepted connection)
            assertThat(connections.get()).as("connections to the XXE stub").isZero();
            long peak = hub.peakHeapMb();
            assertThat(hub.logTail(5_000)).doesNotContain("OutOfMemoryError");

            List<Outcome> wrong = outcomes.stream().filter(o -> !o.got().equals(o.expected())).toList();
            assertThat(wrong).as("cases with another answer than their code").isEmpty();
            List<Outcome> slow = outcomes.stream().filter(o -> o.ms() >= LIMIT_MS).toList();
            assertThat(slow).as("cases answered in " + LIMIT_MS + " ms or more").isEmpty();
            assertThat(peak).as("heap peak (MB) under -Xmx" + XMX).isBetween(1L, 256L);

            figures.put("xmx", XMX).put("cases", outcomes.size())
                    .put("slowestMs", outcomes.stream().mapToLong(Outcome::ms).max().orElse(0))
                    .put("xxeStubConnections", connections.get())
                    .put("hubHeapPeakMb", peak);
            Map<String, String> perCase = new LinkedHashMap<>();
            for (Outcome o : outcomes) {
                perCase.put(o.channel() + ": " + o.name(), o.got() + " in " + o.ms() + " ms");
            }
            figures.put("perCase", perCase);
            figures.write();
        }
    }

    private static String valid(String identificatie) {
        return valid(identificatie, Batch.SOAP_AANBIEDER);
    }

    private static String valid(String identificatie, String aanbieder) {
        return BerichtBuilder.wmo315().aanbieder(aanbieder).bsn(TestBsn.nth(1)).identificatie(identificatie)
                .build();
    }

    private static void assertAccepted(VerstuurBerichtAntwoord a) {
        assertThat(a.getStatus()).as(a.getMeldingen().stream().map(m -> m.getCode() + " " + m.getOmschrijving())
                .collect(Collectors.joining("; "))).isEqualTo(Status.GEACCEPTEERD);
    }

    private void soap(SoapSender soap, String name, String expected, String xml) {
        soap(soap, name, expected, xml.getBytes(StandardCharsets.UTF_8));
    }

    private void soap(SoapSender soap, String name, String expected, byte[] bytes) {
        long start = System.nanoTime();
        String got;
        try {
            VerstuurBerichtAntwoord a = soap.send(name.replaceAll("\\W+", "-") + ".xml", bytes);
            got = a.getStatus() == Status.GEACCEPTEERD ? "GEACCEPTEERD"
                    : a.getMeldingen().isEmpty() ? a.getStatus().name() : a.getMeldingen().get(0).getCode();
        } catch (RuntimeException e) {
            got = "exception " + e;
        }
        outcomes.add(new Outcome("SOAP", name, expected, got, millis(start)));
    }

    /**
     * A SOAP request that declares {@code size} bytes: only the headers and the start of the envelope are sent, then
     * the answer is read. The hub must refuse it by the declared length (HTTP 413, fault KP004) without waiting for
     * the body — the rest is never sent.
     */
    private void soapDeclared(HubProcess hub, String name, long size) throws IOException {
        long start = System.nanoTime();
        String got;
        try (Socket s = new Socket("127.0.0.1", hub.httpPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /ws/berichten HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml; charset=UTF-8\r\n"
                    + "SOAPAction: \"\"\r\nContent-Length: " + size + "\r\n\r\n"
                    + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            int n;
            try {
                while ((n = in.read(buf)) > 0) {
                    answer.write(buf, 0, n);
                    if (answer.toString(StandardCharsets.UTF_8).contains("</soap:Envelope>")) {
                        break;
                    }
                }
            } catch (SocketTimeoutException e) {
                // fall through: what came so far is judged below
            }
            String text = answer.toString(StandardCharsets.UTF_8);
            got = text.startsWith("HTTP/1.1 413") && text.contains("<faultstring>KP004") ? "KP004"
                    : "answer " + (text.length() > 200 ? text.substring(0, 200) : text);
        }
        outcomes.add(new Outcome("SOAP", name, "KP004", got, millis(start)));
    }

    private void sftpCase(Sftp sftp, String name, String expected, String file, InputStream content) throws Exception {
        long start = sftp.upload(file, content); // the rename is answered (or the put refused) once the hub has it
        String verslag = sftp.answer(file, null);
        String got = verslag.contains("<Code>" + expected + "</Code>") || verslag.contains(":Code>" + expected + "<")
                ? expected : "verslag " + (verslag.length() > 300 ? verslag.substring(0, 300) : verslag);
        outcomes.add(new Outcome("SFTP", name, expected, got, millis(start)));
    }

    /** The valid bericht split just before its closing root tag, so something can be put inside the Bericht. */
    private static String[] split(String xml) {
        int at = xml.lastIndexOf("</wmo315:Bericht>");
        return new String[] {xml.substring(0, at), xml.substring(at)};
    }

    private static byte[] inject(String xml, String inside) {
        String[] s = split(xml);
        return (s[0] + inside + s[1]).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withDoctype(String xml, String doctype, String inRoot) {
        String withDtd = xml.replaceFirst("\\?>", "?>" + doctype.replace("$", "\\$"));
        return inject(withDtd, inRoot);
    }

    private static byte[] pdf() {
        return ("%PDF-1.4\n%âãÏÓ\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** prefix + {@code fill} times 'a' + suffix, generated as it is read (never held in memory). */
    private static InputStream stream(byte[] prefix, long fill, byte[] suffix) {
        return nl.knooppunt.testdata.GeneratedInput.stream(prefix, fill, (byte) 'a', suffix);
    }

    /** The SFTP aanbieder 42420003 (JSch), with a look into {@code in/} for the verwerkingsverslag of a file. */
    private final class Sftp implements AutoCloseable {
        private final Session session;
        private ChannelSftp channel;

        Sftp(int port) throws Exception {
            JSch jsch = new JSch();
            jsch.addIdentity(key.toString());
            session = jsch.getSession(Batch.SFTP_AANBIEDER, "127.0.0.1", port);
            session.setConfig("StrictHostKeyChecking", "no");
            session.setConfig("PreferredAuthentications", "publickey");
            session.connect(10_000);
            openChannel();
        }

        private void openChannel() throws Exception {
            channel = (ChannelSftp) session.openChannel("sftp");
            channel.connect(10_000);
            // one write in flight: when the hub refuses a write past the size cap, JSch throws at that ack, and with
            // pipelined writes the acks of the others would stay unread and confuse the channel's next command
            channel.setBulkRequests(1);
        }

        /**
         * Upload and rename; returns the moment the hub had the file (rename answered, or the put refused: an upload
         * over max-bericht-size is stopped by the hub while it is written).
         */
        long upload(String name, InputStream content) throws Exception {
            try {
                channel.put(content, "uit/" + name + ".part");
            } catch (com.jcraft.jsch.SftpException e) {
                long refused = System.nanoTime(); // the hub took what came and answers with a verslag
                // after a failed put JSch may still have an answer of that upload unread (e.g. to its close of the
                // handle), which its next command would take for its own: go on in a fresh channel, as a client would
                channel.disconnect();
                openChannel();
                return refused;
            }
            channel.rename("uit/" + name + ".part", "uit/" + name);
            return System.nanoTime();
        }

        /** Waits for the verslag of {@code name} and returns it (asserting its status when given). */
        String answer(String name, String status) {
            String[] found = {null};
            await("verwerkingsverslag for " + name).atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(20)).until(() -> {
                        for (Object o : channel.ls("in")) {
                            String f = ((ChannelSftp.LsEntry) o).getFilename();
                            if (f.startsWith(name + ".") && f.endsWith(".verslag.xml")) {
                                found[0] = f;
                                return true;
                            }
                        }
                        return false;
                    });
            try (InputStream in = channel.get("in/" + found[0])) {
                String verslag = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                channel.rm("in/" + found[0]);
                if (status != null) {
                    assertThat(verslag).as("verslag of " + name).contains(status);
                }
                return verslag;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            channel.disconnect();
            session.disconnect();
        }
    }
}
