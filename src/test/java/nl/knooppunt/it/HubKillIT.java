package nl.knooppunt.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.knooppunt.it.support.Batch;
import nl.knooppunt.it.support.Figures;
import nl.knooppunt.it.support.HubProcess;
import nl.knooppunt.it.support.Receiver;
import org.junit.jupiter.api.Test;

/** Item 1 (and the durability half of 3): kill -9 of the hub process mid-batch, restart on the same data dir. */
class HubKillIT extends Scenario {

    static final int SOAP = 600;
    static final int SFTP = 400;

    @Test
    void kill9OfTheHubMidBatchLosesNothingAndDeliversNothingTwice() throws Exception {
        setup("hub-kill");
        Figures figures = new Figures("hub-kill-9", "kill -9 of the hub JVM in the middle of " + (SOAP + SFTP)
                + " berichten over SOAP and SFTP, restart on the same data dir: every bericht delivered exactly once; "
                + "senders resend what got no answer; berichten accepted before the kill and offered again are "
                + "answered KP009 and not delivered again (the idempotency store in H2 survived); the audit trail is "
                + "complete (one AFGELEVERD event per bericht, nothing left in the outbox). A bericht whose send got out "
                + "just before the kill, resent after the restart, is delivered once (the broker's duplicate id on "
                + "sender + SHA-256 drops the second send) under the traceerId of the first offer, while the sender "
                + "holds the second (figure traceerIdOfAnEarlierOffer; the first is closed as DUPLICAAT naming the second).");
        try (HubProcess hub = hub("hub-kill")) {
            hub.start();
            Batch batch = new Batch(SOAP, SFTP);
            long start = System.nanoTime();
            CompletableFuture<Void> sending = batch.sendAsync(hub.soapUrl(), hub.sftpPort(), key, 4);
            await("a third accepted").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> batch.acceptedCount() >= (SOAP + SFTP) / 3);
            Set<String> acceptedBeforeKill = new HashSet<>(batch.accepted().keySet());
            long killedAt = System.nanoTime();
            hub.kill9();
            sending.get(5, TimeUnit.MINUTES);
            int acceptedAtKill = batch.acceptedCount();
            int failedAtKill = batch.failed().size();

            hub.start();
            long recoverMs = millis(killedAt);
            List<Batch.Item> resent = batch.resendFailed(hub.soapUrl(), hub.sftpPort(), key);
            assertThat(batch.failed()).as("after the restart every resend is answered").isEmpty();

            // a sender unsure of its earlier send offers berichten again that were accepted before the kill
            List<Batch.Item> again = Stream.concat(
                    batch.items().stream().filter(i -> i.soap() && acceptedBeforeKill.contains(i.identificatie())).limit(20),
                    batch.items().stream().filter(i -> !i.soap() && acceptedBeforeKill.contains(i.identificatie())).limit(10))
                    .toList();
            assertThat(again).hasSize(30);
            batch.resend(hub.soapUrl(), hub.sftpPort(), key, again);
            assertThat(batch.kp009().keySet()).as("KP009 for each bericht accepted before the kill and sent again")
                    .containsAll(again.stream().filter(Batch.Item::soap).map(Batch.Item::identificatie).toList());

            Receiver receiver = awaitAllDelivered(hub.brokerUrl(), batch, Duration.ofMinutes(3));
            long allDeliveredMs = millis(killedAt);
            assertExactlyOnce(receiver, batch);
            // only a bericht in flight at the kill (no answer yet) can reach the gemeente under an earlier traceerId
            assertThat(traceerIdMismatches(batch)).as("traceerId of an earlier offer").isLessThanOrEqualTo(failedAtKill);
            receiver.close();
            Eindstand eind = auditCompleteAndStopped(hub.brokerUrl(), hub, batch.size(), Duration.ofMinutes(2));
            Audit audit = eind.audit();
            Map<String, Long> db = eind.db();
            assertThat(db.get("auditAfgeleverd")).isEqualTo(batch.size());
            assertThat(db.get("berichtenAfgeleverd")).isEqualTo(batch.size());

            figures.put("berichten", batch.size()).put("soap", SOAP).put("sftp", SFTP)
                    .put("acceptedBeforeKill", acceptedBeforeKill.size())
                    .put("acceptedWhenSendersStopped", acceptedAtKill)
                    .put("unansweredOrRefusedAtKill", failedAtKill)
                    .put("resentAfterRestart", resent.size())
                    .put("offeredAgainAfterAcceptance", again.size())
                    .put("answeredKP009", batch.kp009().size())
                    .put("deliveredDistinct", receiver.counts().size())
                    .put("deliveredTwice", receiver.duplicates())
                    .put("traceerIdOfAnEarlierOffer", traceerIdMismatches(batch))
                    .put("auditAfgeleverd", audit.count("AFGELEVERD"))
                    .put("auditEventsRepublished", audit.republished())
                    .put("dbAuditAfgeleverd", db.get("auditAfgeleverd"))
                    .put("dbAuditUnpublished", db.get("auditUnpublished"))
                    .put("offersCutOffByKill", db.get("berichtenAfgebroken"))
                    .put("killToHealthyMs", recoverMs)
                    .put("killToAllDeliveredMs", allDeliveredMs)
                    .put("totalMs", millis(start))
                    .put("hubHeapPeakMb", hub.peakHeapMb());
            figures.write();
        }
    }
}
