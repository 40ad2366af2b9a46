package nl.knooppunt.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.knooppunt.it.support.ArtemisProcess;
import nl.knooppunt.it.support.Batch;
import nl.knooppunt.it.support.Figures;
import nl.knooppunt.it.support.HubProcess;
import nl.knooppunt.it.support.Receiver;
import org.junit.jupiter.api.Test;

/** Item 4: the gemeente's address on the broker is full (max-size with address-full-policy FAIL). */
// small and sequential (one SOAP sender, one SFTP sender) so the run is short and its course the same every time
class AddressFullIT extends Scenario {

    static final int SOAP = 30;
    static final int SFTP = 10;
    static final long MAX_SIZE = 16 * 1024;

    @Test
    void aFullAddressGivesTheSenderATransientErrorAndDropsNothing() throws Exception {
        setup("address-full");
        Figures figures = new Figures("address-full", "The external broker gives gemeente.0599 a max-size of "
                + MAX_SIZE / 1024 + " KiB with address-full-policy FAIL and nobody consumes: once it is full, SOAP "
                + "senders get a SOAP fault (transient: offer again) and SFTP files stay with the hub to be retried; "
                + "nothing is accepted and then dropped. When the gemeente consumes again, the senders' resends and "
                + "the hub's own retries deliver all " + (SOAP + SFTP) + " berichten exactly once, DLQ empty.");
        try (ArtemisProcess broker = new ArtemisProcess("address-full-artemis", root.resolve("broker"))
                .full("gemeente.0599", MAX_SIZE, "FAIL");
                HubProcess hub = hub("address-full-hub")) {
            broker.start();
            hub.externalBroker(broker.url()).start();
            Batch batch = new Batch(SOAP, SFTP);
            long start = System.nanoTime();
            CompletableFuture<Void> sending = batch.sendAsync(hub.soapUrl(), hub.sftpPort(), key, 1);
            sending.get(2, TimeUnit.MINUTES);
            int acceptedWhileFull = batch.acceptedCount();
            int refused = batch.failed().size();
            assertThat(refused).as("senders were refused once the address was full").isPositive();
            assertThat(batch.faults()).as("a SOAP fault, not a hang or an AFGEKEURD").isNotEmpty()
                    .allMatch(f -> f.startsWith("SoapFault: Tijdelijke storing"));
            assertThat(batch.rejected()).isEmpty();
            String fault = batch.faults().peek();

            // the gemeente consumes again; the senders offer what was refused until it is accepted
            long freedAt = System.nanoTime();
            Receiver receiver = new Receiver(broker.url());
            int[] resent = {0};
            await("everything accepted once there is room").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200)).until(() -> {
                        receiver.drain(QUEUE, this::deliveredId, 300);
                        List<Batch.Item> r = batch.resendFailed(hub.soapUrl(), hub.sftpPort(), key);
                        resent[0] += r.size();
                        return batch.failed().isEmpty();
                    });
            Receiver all = awaitAllDelivered(receiver, batch, Duration.ofSeconds(60));
            long recoverMs = millis(freedAt);
            assertExactlyOnce(all, batch);
            all.close();
            try (Receiver dlq = new Receiver(broker.url())) {
                assertThat(dlq.drain("knooppunt.dlq", "traceerId", 1_000)).as("DLQ").isZero();
            }
            Eindstand eind = auditCompleteAndStopped(broker.url(), hub, batch.size(), Duration.ofSeconds(60));
            Audit audit = eind.audit();

            figures.put("berichten", batch.size()).put("soap", SOAP).put("sftp", SFTP)
                    .put("maxSizeBytes", MAX_SIZE)
                    .put("acceptedBeforeFull", acceptedWhileFull)
                    .put("refusedWhileFull", refused)
                    .put("soapFaultSample", fault.length() > 160 ? fault.substring(0, 160) + "…" : fault)
                    .put("resent", resent[0])
                    .put("deliveredDistinct", all.counts().size())
                    .put("deliveredTwice", all.duplicates())
                    .put("auditAfgeleverd", audit.count("AFGELEVERD"))
                    .put("roomToAllDeliveredMs", recoverMs)
                    .put("totalMs", millis(start))
                    .put("hubHeapPeakMb", hub.peakHeapMb())
                    .put("brokerHeapPeakMb", broker.peakHeapMb());
            figures.write();
        }
    }
}
