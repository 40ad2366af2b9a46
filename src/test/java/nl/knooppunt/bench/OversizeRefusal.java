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
            sftp.upload("bench-warm.xml", new String(BenchData.set(99, 1).get(0), StandardCharsets.UTF_8)); // login and first transfer outside the clock
            long t0 = System.nanoTime();
            boolean uploaded = sftp.upload("groot-200mb.xml", file());
            double refused = (System.nanoTime() - t0) / 1e6;
            Path[] verslag = {null};
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(10)).until(() -> (verslag[0] = find(in, "groot-200mb.xml.")) != null);
            double answered = (System.nanoTime() - t0) / 1e6;
            String text = Files.readString(verslag[0]);
            return String.format(Locale.ROOT, "  SFTP (JSch put):         %7.0f ms to the refused write%s, %.0f ms to "
                    + "the verwerkingsverslag (%s, %s); hub heap peak %s", refused,
                    uploaded ? " (NOT REFUSED: the whole upload was accepted)" : "", answered,
                    between(text, "<Status>", "</Status>"), between(text, "<Code>", "</Code>"), heap.peak());
        }
    }

    /** 200 MB: the start of a bericht, then filler, generated as it is read. */
    private static InputStream file() {
        byte[] start = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<wmo323:Bericht xmlns:wmo323=\"http://www.istandaarden.nl/iwmo/3_2/wmo323/schema\">\n"
                .getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            long position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= SIZE) {
                    return -1;
                }
                int n = (int) Math.min(len, SIZE - position);
                for (int i = 0; i < n; i++) {
                    long p = position + i;
                    b[off + i] = p < start.length ? start[(int) p] : (byte) ' ';
                }
                position += n;
                return n;
            }
        };
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

    /** Hub heap occupancy sampled with {@code jstat -gc <pid> 10} (S0U+S1U+EU+OU) while it runs; the highest. */
    static final class HeapSampler implements AutoCloseable {
        private final Process jstat;
        private final Thread reader;
        private volatile double peakKb = -1;

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
            return peakKb < 0 ? "not measured (jstat gave no sample)" : String.format(Locale.ROOT, "%.0f MB", peakKb / 1024);
        }

        @Override
        public void close() {
            jstat.destroy();
        }
    }
}
