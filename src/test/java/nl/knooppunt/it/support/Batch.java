package nl.knooppunt.it.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.knooppunt.intake.soap.api.Status;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;

/**
 * A batch of wmo315 berichten for gemeente 0599, each with its own Identificatie ({@code KS000001} over SOAP,
 * {@code KF000001} over SFTP), sent by several SOAP threads and one SFTP aanbieder at once. It records what the
 * senders saw: accepted (SOAP GEACCEPTEERD, SFTP rename OK), failed (no answer, refused, fault: the sender keeps it to
 * offer again), and anything else (a rejection, which no bericht in the batch deserves).
 */
public final class Batch {

    public static final String SOAP_AANBIEDER = "42420001";
    public static final String SFTP_AANBIEDER = "42420003";
    private static final Pattern ID = Pattern.compile("K[SF]\\d{6}");

    public record Item(String identificatie, boolean soap, String xml) {
    }

    private final List<Item> soapItems = new ArrayList<>();
    private final List<Item> sftpItems = new ArrayList<>();
    private final Map<String, String> accepted = new ConcurrentHashMap<>();
    private final Queue<Item> failed = new ConcurrentLinkedQueue<>();
    private final Queue<String> rejected = new ConcurrentLinkedQueue<>();
    private final Map<String, Integer> kp009 = new ConcurrentHashMap<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final Queue<String> faults = new ConcurrentLinkedQueue<>();

    public Batch(int soap, int sftp) {
        for (int i = 1; i <= soap; i++) {
            soapItems.add(item("KS", i, SOAP_AANBIEDER, true));
        }
        for (int i = 1; i <= sftp; i++) {
            sftpItems.add(item("KF", i, SFTP_AANBIEDER, false));
        }
    }

    private static Item item(String prefix, int i, String aanbieder, boolean soap) {
        String id = prefix + String.format("%06d", i);
        return new Item(id, soap, BerichtBuilder.wmo315().aanbieder(aanbieder).bsn(TestBsn.nth(i % 97))
                .identificatie(id).build());
    }

    public int size() {
        return soapItems.size() + sftpItems.size();
    }

    public List<Item> items() {
        List<Item> all = new ArrayList<>(soapItems);
        all.addAll(sftpItems);
        return all;
    }

    /** Sends everything: {@code soapThreads} SOAP senders and one SFTP sender, until each has gone through its list. */
    public CompletableFuture<Void> sendAsync(String soapUrl, int sftpPort, Path key, int soapThreads) {
        ExecutorService pool = Executors.newFixedThreadPool(soapThreads + 1);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int t = 0; t < soapThreads; t++) {
            List<Item> part = new ArrayList<>();
            for (int i = t; i < soapItems.size(); i += soapThreads) {
                part.add(soapItems.get(i));
            }
            all.add(CompletableFuture.runAsync(() -> sendSoap(soapUrl, part), pool));
        }
        all.add(CompletableFuture.runAsync(() -> sendSftp(sftpPort, key, sftpItems), pool));
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> pool.shutdown());
    }

    /** The sender's second try after an outage: everything that got no OK, once more, in one thread each. */
    public List<Item> resendFailed(String soapUrl, int sftpPort, Path key) {
        List<Item> again = new ArrayList<>();
        Item i;
        while ((i = failed.poll()) != null) {
            again.add(i);
        }
        sendSoap(soapUrl, again.stream().filter(Item::soap).toList());
        sendSftp(sftpPort, key, again.stream().filter(x -> !x.soap()).toList());
        return again;
    }

    /** Offers berichten that were accepted before once more (a sender unsure of its earlier send): must be KP009. */
    public void resend(String soapUrl, int sftpPort, Path key, List<Item> items) {
        sendSoap(soapUrl, items.stream().filter(Item::soap).toList());
        sendSftp(sftpPort, key, items.stream().filter(x -> !x.soap()).toList());
    }

    private void sendSoap(String url, List<Item> items) {
        SoapSender soap = new SoapSender(url);
        for (Item item : items) {
            attempts.incrementAndGet();
            try {
                VerstuurBerichtAntwoord a = soap.send(item.identificatie() + ".xml", item.xml());
                if (a.getStatus() == Status.GEACCEPTEERD) {
                    accepted.putIfAbsent(item.identificatie(), a.getTraceerId());
                    if (a.getMeldingen().stream().anyMatch(m -> "KP009".equals(m.getCode()))) {
                        kp009.merge(item.identificatie(), 1, Integer::sum);
                    }
                } else {
                    rejected.add(item.identificatie() + " " + a.getStatus() + " " + a.getMeldingen().stream()
                            .map(m -> m.getCode() + " " + m.getOmschrijving()).toList());
                }
            } catch (RuntimeException e) {
                failed.add(item); // no answer, connection refused or a SOAP fault: the sender offers it again later
                Throwable root = e;
                while (root.getCause() != null && root.getCause() != root) {
                    root = root.getCause();
                }
                faults.add(root.getClass().getSimpleName() + ": " + root.getMessage());
            }
        }
    }

    private void sendSftp(int port, Path key, List<Item> items) {
        if (items.isEmpty()) {
            return;
        }
        try (SftpSender sftp = new SftpSender(port, SFTP_AANBIEDER, key)) {
            for (Item item : items) {
                attempts.incrementAndGet();
                if (sftp.upload(item.identificatie() + ".xml", item.xml())) {
                    accepted.putIfAbsent(item.identificatie(), "sftp");
                } else {
                    failed.add(item);
                }
            }
        }
    }

    /** Identificatie → traceerId (SOAP) or "sftp", for every bericht a sender saw accepted. */
    public Map<String, String> accepted() {
        return accepted;
    }

    public int acceptedCount() {
        return accepted.size();
    }

    public Queue<Item> failed() {
        return failed;
    }

    public Queue<String> rejected() {
        return rejected;
    }

    /** Identificatie → number of KP009 answers (duplicate, not delivered again). */
    public Map<String, Integer> kp009() {
        return kp009;
    }

    /** What SOAP senders got instead of an answer: exception type and message (a SOAP fault, a refused connection). */
    public Queue<String> faults() {
        return faults;
    }

    public int attempts() {
        return attempts.get();
    }

    /** The batch Identificatie in a delivered bericht's bytes. */
    public static String identificatie(byte[] body) {
        Matcher m = ID.matcher(new String(body, StandardCharsets.UTF_8));
        return m.find() ? m.group() : "?";
    }
}
