package nl.knooppunt.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.knooppunt.it.support.ArtemisProcess;
import nl.knooppunt.it.support.Batch;
import nl.knooppunt.it.support.Figures;
import nl.knooppunt.it.support.HubProcess;
import nl.knooppunt.it.support.Receiver;
import org.junit.jupiter.api.Test;

/** Item 2: the hub on an external Artemis broker process; kill -9 of the broker mid-batch, then a restart. */
class BrokerKillIT extends Scenario {

    static final int SOAP = 300;
    static final int SFTP = 200;

    @Test
    void kill9OfTheExternalBrokerMidBatchLosesNothingAndTheHubReconnectsByItself() throws Exception {
        setup("broker-kill");
        Figures figures = new Figures("broker-kill-9", "The hub runs against a standalone Artemis broker JVM (native "
                + "mode, configuration only). kill -9 of the broker in the middle of " + (SOAP + SFTP) + " berichten, "
                + "restart on the same journal, the hub untouched: while the broker is down senders get an error "
                + "(SOAP fault, SFTP rename refused) and nothing is accepted; the hub reconnects by itself; after "
                + "the senders resend, every bericht is delivered exactly once (the broker's duplicate-id cache on sender + "
                + "SHA-256 drops the resend of a bericht whose first send was persisted but not acknowledged) with one "
                + "AFGELEVERD audit event each. Such a bericht reaches the gemeente under the traceerId of the first "
                + "offer while the sender holds the second (figure traceerIdOfAnEarlierOffer).");
        try (ArtemisProcess broker = new ArtemisProcess("broker-kill-artemis", root.resolve("broker"));
                HubProcess hub = hub("broker-kill-hub")) {
            broker.start();
            hub.externalBroker(broker.url()).start();
            Batch batch = new Batch(SOAP, SFTP);
            long start = System.nanoTime();
            CompletableFuture<Void> sending = batch.sendAsync(hub.soapUrl(), hub.sftpPort(), key, 4);
            await("a third accepted").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> batch.acceptedCount() >= (SOAP + SFTP) / 3);
            long killedAt = System.nanoTime();
            broker.kill9();
            int acceptedAtKill = batch.acceptedCount();
            // while the broker is down the senders are told to try again later
            await("senders refused while the broker is down").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(50)).until(() -> batch.failed().size() >= 10 || sending.isDone());
            int acceptedWhileDown = batch.acceptedCount() - acceptedAtKill;
            int refusedWhileDown = batch.failed().size();
            broker.start();
            long brokerBackMs = millis(killedAt);
            sending.get(5, TimeUnit.MINUTES);
            assertThat(hub.isAlive()).as("the hub stayed up").isTrue();

            // the senders offer again until answered; the hub must get back to the broker on its own
            long resendFrom = System.nanoTime();
            int[] rounds = {0};
            int[] resent = {0};
            await("every bericht accepted after the broker came back").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        rounds[0]++;
                        List<Batch.Item> r = batch.resendFailed(hub.soapUrl(), hub.sftpPort(), key);
                        resent[0] += r.size();
                        return batch.failed().isEmpty();
                    });
            long hubRecoveredMs = millis(resendFrom);

            Receiver receiver = awaitAllDelivered(broker.url(), batch, Duration.ofMinutes(3));
            long allDeliveredMs = millis(killedAt);
            assertExactlyOnce(receiver, batch);
            receiver.close();
            Eindstand eind = auditCompleteAndStopped(broker.url(), hub, batch.size(), Duration.ofMinutes(2));
            Audit audit = eind.audit();
            Map<String, Long> db = eind.db();
            assertThat(db.get("berichtenAfgeleverd")).isEqualTo(batch.size());

            figures.put("berichten", batch.size()).put("soap", SOAP).put("sftp", SFTP)
                    .put("acceptedBeforeKill", acceptedAtKill)
                    .put("acceptedWhileBrokerDown", acceptedWhileDown)
                    .put("refusedWhileBrokerDown", refusedWhileDown)
                    .put("resentAfterRestart", resent[0])
                    .put("resendRounds", rounds[0])
                    .put("deliveredDistinct", receiver.counts().size())
                    .put("deliveredTwice", receiver.duplicates())
                    .put("traceerIdOfAnEarlierOffer", traceerIdMismatches(batch))
                    .put("auditAfgeleverd", audit.count("AFGELEVERD"))
                    .put("auditEventsRepublished", audit.republished())
                    .put("brokerDownMs", brokerBackMs)
                    .put("brokerBackToAllAcceptedMs", hubRecoveredMs)
                    .put("killToAllDeliveredMs", allDeliveredMs)
                    .put("totalMs", millis(start))
                    .put("hubHeapPeakMb", hub.peakHeapMb())
                    .put("brokerHeapPeakMb", broker.peakHeapMb());
            figures.write();
        }
    }
}
