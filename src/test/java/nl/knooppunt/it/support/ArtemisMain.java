package nl.knooppunt.it.support;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.CoreQueueConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * A standalone Artemis broker in its own JVM (started by {@link ArtemisProcess} with the test classpath, so the same
 * Artemis version as the hub). Persistent NIO journal in {@code artemis.dir}; the address settings the hub's embedded
 * broker applies to itself (broker.EmbeddedBrokerConfiguration, delivery.push.PushBrokerSettings), as an operator would
 * put them in broker.xml. Optional {@code artemis.full=<match>:<bytes>:<FAIL|BLOCK>} gives one address a small
 * max-size, {@code artemis.max-disk-usage=<percent>} a disk limit. Prints {@link #READY} when its acceptor is up;
 * SIGTERM stops it gracefully, SIGKILL leaves the journal as a crash would.
 */
public final class ArtemisMain {

    public static final String READY = "KNOOPPUNT-IT ARTEMIS READY";

    private ArtemisMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getProperty("artemis.dir"));
        int port = Integer.getInteger("artemis.port");
        Configuration cfg = new ConfigurationImpl()
                .setName("knooppunt-it-broker")
                .setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setLargeMessagesDirectory(dir.resolve("large-messages").toString())
                .setNodeManagerLockDirectory(dir.toString())
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setJournalBufferTimeout_NIO(100_000);
        cfg.addAcceptorConfiguration("knooppunt", "tcp://127.0.0.1:" + port + "?protocols=CORE,AMQP");
        String disk = System.getProperty("artemis.max-disk-usage");
        if (disk != null) {
            cfg.setMaxDiskUsage(Integer.parseInt(disk));
            cfg.setDiskScanPeriod(200);
        }
        for (String q : new String[] {"knooppunt.dlq", "knooppunt.expired"}) {
            cfg.addAddressConfiguration(new CoreAddressConfiguration().setName(q).addRoutingType(RoutingType.ANYCAST)
                    .addQueueConfiguration(new CoreQueueConfiguration().setName(q).setAddress(q)
                            .setRoutingType(RoutingType.ANYCAST).setDurable(true)));
        }
        cfg.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of("knooppunt.dlq"))
                .setExpiryAddress(SimpleString.of("knooppunt.expired"))
                .setMaxDeliveryAttempts(10)
                .setRedeliveryDelay(1000).setRedeliveryMultiplier(2).setMaxRedeliveryDelay(60_000)
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE)
                .setAutoCreateQueues(true).setAutoCreateAddresses(true)
                .setAutoDeleteQueues(false).setAutoDeleteAddresses(false)
                .setDefaultAddressRoutingType(RoutingType.ANYCAST)
                .setDefaultQueueRoutingType(RoutingType.ANYCAST));
        for (String match : new String[] {"gemeente.#", "aanbieder.#"}) {
            // PushBrokerSettings.deelnemer with the hub's default aflevering settings (30 s, x2, max 1 h)
            cfg.addAddressSetting(match, new AddressSettings()
                    .setDeadLetterAddress(SimpleString.of("knooppunt.dlq"))
                    .setExpiryAddress(SimpleString.of("knooppunt.expired"))
                    .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE)
                    .setRedeliveryDelay(30_000).setRedeliveryMultiplier(2.0).setMaxRedeliveryDelay(3_600_000)
                    .setMaxDeliveryAttempts(-1));
        }
        for (String match : new String[] {"knooppunt.dlq", "knooppunt.expired"}) {
            cfg.addAddressSetting(match, new AddressSettings()
                    .setDeadLetterAddress(SimpleString.of("knooppunt.dlq"))
                    .setExpiryAddress(SimpleString.of("knooppunt.expired"))
                    .setMaxDeliveryAttempts(-1)
                    .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE));
        }
        String full = System.getProperty("artemis.full");
        if (full != null) {
            String[] f = full.split(":");
            cfg.addAddressSetting(f[0], new AddressSettings()
                    .setDeadLetterAddress(SimpleString.of("knooppunt.dlq"))
                    .setExpiryAddress(SimpleString.of("knooppunt.expired"))
                    .setMaxSizeBytes(Long.parseLong(f[1]))
                    .setAddressFullMessagePolicy(AddressFullMessagePolicy.valueOf(f[2]))
                    .setMaxDeliveryAttempts(-1));
        }
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(cfg);
        broker.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.stop();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "artemis-stop"));
        System.out.println(READY + " port=" + port);
        System.out.flush();
        stopped.await();
    }
}
