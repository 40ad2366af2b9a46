package nl.knooppunt.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import nl.knooppunt.it.support.HubProcess;
import nl.knooppunt.it.support.SftpSender;
import nl.knooppunt.it.support.SoapSender;
import nl.knooppunt.testdata.GeneratedInput;
import org.awaitility.Awaitility;

/**
 * A 200 MB file sent to the hub process, over SOAP and over SFTP, generated while it is sent (this JVM never holds
 * it): the time from the first byte sent to the refusal, what the refusal says, and the hub's heap peak meanwhile
 * ({@link HeapSampler}).
 */
final class OversizeRefusal {

    static final long SIZE = 200L * 1024 * 1024;

    private final HubProcess hub;
    private final String agb;
    private final Path key;

    OversizeRefusal(HubProcess hub, String agb, Path key) {
        this.hub = hub;
        this.agb = agb;
        this.key = key;
    }

    /**
     * A real SOAP request for a 200 MB bericht (base64 in {@code VerstuurBericht}), written on a raw socket while
     * the answer is read: with a declared Content-Length (what the hub refuses unread), or chunked (what a CXF
     * client sends by default).
     */
    String soap(boolean chunked) throws Exception {
        String head = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<k:VerstuurBericht xmlns:k=\"urn:knooppunt:berichten:1\"><k:bestandsnaam>groot.xml</k:bestandsnaam>"
                + "<k:bericht>";
        String tail = "</k:bericht></k:VerstuurBericht></soap:Body></soap:Envelope>";
        long base64 = (SIZE + 2) / 3 * 4;
        long length = head.length() + base64 + tail.length();
        AtomicLong written = new AtomicLong();
        // one valid bericht first: the refusal of a warm hub is measured, not its first request's class loading
        new SoapSender(hub.soapUrl()).send("bench-warm.xml", BenchData.set(97, 1).get(0));
        try (HeapSampler heap = new HeapSampler(hub.pid()); Socket socket = new Socket("127.0.0.1", hub.httpPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            long t0 = System.nanoTime();
            Thread writer = new Thread(() -> {
                try {
                    out.write(("POST /ws/berichten HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml; charset=UTF-8\r\n"
                            + "SOAPAction: \"urn:knooppunt:berichten:1/VerstuurBericht\"\r\n"
                            + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + length + "\r\n")
                            + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    OutputStream body = chunked ? new Chunked(out) : out;
                    body.write(head.getBytes(StandardCharsets.US_ASCII));
                    try (InputStream file = file(); OutputStream enc = Base64.getEncoder().wrap(new Counting(body,
                            written))) {
                        file.transferTo(enc);
                    }
                    body.write(tail.getBytes(StandardCharsets.US_ASCII));
                    if (chunked) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                } catch (IOException e) {
                    // the hub closed the connection after refusing: what was written until then is counted
                }
            }, "bench-soap-200mb");
            writer.setDaemon(true);
            writer.start();
            String answer = readAnswer(socket.getInputStream());
            double ms = (System.nanoTime() - t0) / 1e6;
            socket.close();
            writer.join(30_000);
            String status = answer.lines().findFirst().orElse("(no answer)");
            String fault = between(answer, "<faultstring>", "</faultstring>");
            return String.format(Locale.ROOT, "  SOAP %-21s %7.0f ms to \"%s\"%s; %.1f MB sent by then; "
                    + "hub heap peak %s", chunked ? "(chunked):" : "(Content-Length):", ms, status,
                    fault == null ? "" : ", fault " + shorten(fault), written.get() / 1e6, heap.peak());
        }
    }

    /**
     * The same file over SFTP (JSch, streamed): the time until the server refuses the upload, and until the
     * verwerkingsverslag is in the aanbieder's {@code in/}.
     */
    String sftp() throws Exception {
        Path in = hub.dataDir().resolve("sftp/home/" + agb + "/in");
        try (HeapSampler heap = new HeapSampler(hub.pid()); SftpSender sftp = new SftpSender(hub.sftpPort(), agb, key)) {
            // login and a first transfer outside the clock
            sftp.upload("bench-warm.xml", new String(BenchData.set(99, 1).get(0), StandardCharsets.UTF_8));
            long t0 = System.nanoTime();
            boolean uploaded = sftp.upload("groot-200mb.xml", file());
            double refused = (System.nanoTime() - t0) / 1e6;
            String verslag = verslag(in, "groot-200mb.xml.");
            double answered = (System.nanoTime() - t0) / 1e6;
            return String.format(Locale.ROOT, "  SFTP (JSch put):         %7.0f ms to the refused write%s, %.0f ms to "
                    + "the verwerkingsverslag (%s); hub heap peak %s", refused,
                    uploaded ? " (NOT REFUSED: the whole upload was accepted)" : "", answered, verslag, heap.peak());
        }
    }

    /**
     * The same with the OpenSSH {@code sftp} client from a sparse 200 MB local file (no disk, no heap): the time of
     * the whole {@code sftp -b} run, which includes the login, and of a run that only logs in, for comparison.
     */
    String openSsh(Path dir) throws Exception {
        Path local = dir.resolve("groot-200mb.xml");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(local.toFile(), "rw")) {
            f.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".getBytes(StandardCharsets.UTF_8));
            f.setLength(SIZE);
        }
        Path in = hub.dataDir().resolve("sftp/home/" + agb + "/in");
        long login = sftpBatch(dir, "pwd").nanos();
        try (HeapSampler heap = new HeapSampler(hub.pid())) {
            long t0 = System.nanoTime();
            Batch put = sftpBatch(dir, "put " + local + " uit/groot-ssh.xml.part");
            String verslag = verslag(in, "groot-ssh.xml.");
            double answered = (System.nanoTime() - t0) / 1e6;
            return String.format(Locale.ROOT, "  SFTP (OpenSSH sftp -b):  %7.0f ms to the failed put (exit %d, login "
                    + "alone %.0f ms), %.0f ms to the verwerkingsverslag (%s); hub heap peak %s", put.nanos() / 1e6,
                    put.exit(), login / 1e6, answered, verslag, heap.peak());
        } finally {
            Files.deleteIfExists(local);
        }
    }

    private record Batch(int exit, long nanos) {
    }

    private Batch sftpBatch(Path dir, String command) throws Exception {
        Path batch = dir.resolve("batch.txt");
        Files.writeString(batch, command + "\n");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("sftp", "-F", "/dev/null", "-P", String.valueOf(hub.sftpPort()),
                "-o", "StrictHostKeyChecking=accept-new", "-o", "UserKnownHostsFile=" + dir.resolve("known_hosts"),
                "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-i", key.toString(), "-b", batch.toString(),
                agb + "@127.0.0.1").redirectErrorStream(true).redirectOutput(dir.resolve("sftp.log").toFile()).start();
        if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("sftp did not end: " + command);
        }
        return new Batch(p.exitValue(), System.nanoTime() - t0);
    }

    /** 200 MB: the start of a bericht, then filler, generated as it is read. */
    private static InputStream file() {
        byte[] start = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<wmo323:Bericht xmlns:wmo323=\""
                + "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema\">\n").getBytes(StandardCharsets.UTF_8);
        return GeneratedInput.stream(start, SIZE - start.length, (byte) ' ', new byte[0]);
    }

    /** Reads an HTTP answer until its body is complete (Content-Length, chunked end, or the connection closes). */
    private static String readAnswer(InputStream in) throws IOException {
        StringBuilder answer = new StringBuilder();
        byte[] buf = new byte[8192];
        int n;
        try {
            while ((n = in.read(buf)) > 0) {
                answer.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                String text = answer.toString();
                if (text.contains("Envelope>") && text.lastIndexOf("Envelope>") > text.indexOf("\r\n\r\n")) {
                    break;
                }
            }
        } catch (SocketException e) {
            // reset after the answer: what came is judged
        }
        return answer.toString();
    }

    /** Waits for the verwerkingsverslag in {@code in/}; returns its Status and first Code. */
    private static String verslag(Path in, String prefix) throws IOException {
        Path[] found = {null};
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .until(() -> (found[0] = find(in, prefix)) != null);
        String text = Files.readString(found[0]);
        return between(text, "<Status>", "</Status>") + ", " + between(text, "<Code>", "</Code>");
    }

    private static Path find(Path dir, String prefix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(".verslag.xml")).findFirst().orElse(null);
        }
    }

    private static String between(String text, String from, String to) {
        int a = text.indexOf(from);
        int b = a < 0 ? -1 : text.indexOf(to, a + from.length());
        return b < 0 ? null : text.substring(a + from.length(), b);
    }

    private static String shorten(String s) {
        return s.length() > 90 ? s.substring(0, 90) + "…" : s;
    }

    /** HTTP/1.1 chunked body. */
    private static final class Chunked extends OutputStream {
        private final OutputStream out;

        Chunked(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return;
            }
            out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(b, off, len);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Counts the bytes that went out. */
    private static final class Counting extends OutputStream {
        private final OutputStream out;
        private final AtomicLong count;

        Counting(OutputStream out, AtomicLong count) {
            this.out = out;
            this.count = count;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count.incrementAndGet();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count.addAndGet(len);
        }

        @Override
        public void close() throws IOException {
            // the socket stays open for the tail
        }
    }

    /**
     * Hub heap occupancy sampled with {@code jstat -gc <pid> 10} (S0U+S1U+EU+OU, so uncollected garbage counts too)
     * while it runs: the highest, and the first sample for comparison.
     */
    static final class HeapSampler implements AutoCloseable {
        private final Process jstat;
        private final Thread reader;
        private volatile double peakKb = -1;
        private volatile double firstKb = -1;

        HeapSampler(long pid) throws IOException {
            jstat = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(), "-gc",
                    String.valueOf(pid), "10").redirectErrorStream(true).start();
            Object first = new Object();
            boolean[] seen = {false};
            reader = new Thread(() -> {
                try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(jstat.getInputStream(),
                        StandardCharsets.US_ASCII))) {
                    List<String> header = null;
                    String line;
                    while ((line = lines.readLine()) != null) {
                        List<String> cols = Arrays.asList(line.trim().split("\\s+"));
                        if (cols.contains("EU")) {
                            header = cols;
                            continue;
                        }
                        if (header != null && cols.size() == header.size()) {
                            double used = 0;
                            for (String c : List.of("S0U", "S1U", "EU", "OU")) {
                                used += Double.parseDouble(cols.get(header.indexOf(c)));
                            }
                            if (firstKb < 0) {
                                firstKb = used;
                            }
                            peakKb = Math.max(peakKb, used);
                            synchronized (first) {
                                seen[0] = true;
                                first.notifyAll();
                            }
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // jstat ended
                }
            }, "bench-jstat");
            reader.setDaemon(true);
            reader.start();
            synchronized (first) {
                long end = System.currentTimeMillis() + 20_000;
                while (!seen[0] && System.currentTimeMillis() < end && jstat.isAlive()) {
                    try {
                        first.wait(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        String peak() {
            return peakKb < 0 ? "not measured (jstat gave no sample)"
                    : String.format(Locale.ROOT, "%.0f MB (at the start %.0f MB)", peakKb / 1024, firstKb / 1024);
        }

        @Override
        public void close() {
            jstat.destroy();
        }
    }
}
