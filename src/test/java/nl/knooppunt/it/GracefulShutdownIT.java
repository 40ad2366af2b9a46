package nl.knooppunt.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.knooppunt.it.support.Batch;
import nl.knooppunt.it.support.Figures;
import nl.knooppunt.it.support.HubProcess;
import nl.knooppunt.it.support.Receiver;
import org.junit.jupiter.api.Test;

/** Item 5: SIGTERM of the hub under load; in-flight work finishes or rolls back; restart; nothing lost or twice. */
class GracefulShutdownIT extends Scenario {

    static final int SOAP = 300;
    static final int SFTP = 200;

    @Test
    void sigtermUnderLoadFinishesOrRollsBackInFlightWork() throws Exception {
        setup("graceful");
        Figures figures = new Figures("graceful-shutdown", "SIGTERM to the hub JVM in the middle of " + (SOAP + SFTP)
                + " berichten over SOAP and SFTP: the JVM ends by itself (Spring graceful shutdown) with nothing "
                + "half done: after a restart on the same data dir and a resend of what got no answer, every bericht "
                + "is delivered exactly once, the audit trail is complete and the outbox empty.");
        try (HubProcess hub = hub("graceful-hub")) {
            hub.start();
            Batch batch = new Batch(SOAP, SFTP);
            long start = System.nanoTime();
            CompletableFuture<Void> sending = batch.sendAsync(hub.soapUrl(), hub.sftpPort(), key, 4);
            await("a third accepted").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> batch.acceptedCount() >= (SOAP + SFTP) / 3);
            int acceptedAtStop = batch.acceptedCount();
            long stopAt = System.nanoTime();
            int exit = hub.stop();
            long stopMs = millis(stopAt);
            assertThat(exit).as("ended by SIGTERM through its shutdown hooks, not killed").isIn(0, 143);
            sending.get(5, TimeUnit.MINUTES);
            int failedAtStop = batch.failed().size();

            hub.start();
            long restartMs = millis(stopAt);
            List<Batch.Item> resent = batch.resendFailed(hub.soapUrl(), hub.sftpPort(), key);
            assertThat(batch.failed()).isEmpty();

            Receiver receiver = awaitAllDelivered(hub.brokerUrl(), batch, Duration.ofMinutes(3));
            assertExactlyOnce(receiver, batch);
            assertThat(traceerIdMismatches(batch)).as("the sender's traceerId arrived").isZero();
            receiver.close();
            Eindstand eind = auditCompleteAndStopped(hub.brokerUrl(), hub, batch.size(), Duration.ofMinutes(2));
            Audit audit = eind.audit();
            Map<String, Long> db = eind.db();
            assertThat(db.get("berichtenAfgeleverd")).isEqualTo(batch.size());

            figures.put("berichten", batch.size()).put("soap", SOAP).put("sftp", SFTP)
                    .put("acceptedAtSigterm", acceptedAtStop)
                    .put("sigtermToExitMs", stopMs)
                    .put("exitCode", exit)
                    .put("unansweredOrRefused", failedAtStop)
                    .put("resentAfterRestart", resent.size())
                    .put("deliveredDistinct", receiver.counts().size())
                    .put("deliveredTwice", receiver.duplicates())
                    .put("traceerIdOfAnEarlierOffer", traceerIdMismatches(batch))
                    .put("auditAfgeleverd", audit.count("AFGELEVERD"))
                    .put("stopToHealthyAgainMs", restartMs)
                    .put("totalMs", millis(start))
                    .put("hubHeapPeakMb", hub.peakHeapMb());
            figures.write();
        }
    }
}
