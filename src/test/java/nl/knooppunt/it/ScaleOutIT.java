package nl.knooppunt.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.JMSException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.knooppunt.intake.soap.api.Melding;
import nl.knooppunt.intake.soap.api.Status;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import nl.knooppunt.it.support.ArtemisProcess;
import nl.knooppunt.it.support.Figures;
import nl.knooppunt.it.support.HubProcess;
import nl.knooppunt.it.support.JvmProcess;
import nl.knooppunt.it.support.Receiver;
import nl.knooppunt.it.support.SoapSender;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Two hub replicas (the built jar, two JVMs) on one standalone Artemis broker and one PostgreSQL database, as in
 * production: both start at once on an empty database (Flyway's lock decides), 5,000 berichten go in over SOAP spread
 * over both, one replica is killed with {@code kill -9} halfway, and its senders offer again to the other (as an
 * aanbieder does after a failed call; a bericht the killed replica had claimed is finished by the survivor's recovery,
 * delivery.Herstel, and its offer is then answered KP009). Then every accepted bericht was delivered exactly once, and
 * its audit is complete in PostgreSQL and on {@code audit.contractmanagement}, each event once. The replicas log ECS JSON, as the
 * prod profile does, and no BSN is in their logs.
 * <p>Needs PostgreSQL ({@code KNOOPPUNT_TEST_POSTGRES_URL}, set by {@code .ci/run}); skipped, with the reason, without.
 */
class ScaleOutIT {

    private static final String ENV = "KNOOPPUNT_TEST_POSTGRES_URL";
    private static final int AANTAL = Integer.getInteger("knooppunt.it.scaleout.aantal", 5_000);
    private static final int SENDERS = 8;
    private static final Pattern EERDER = Pattern.compile("traceerId ([0-9a-f-]{36})");

    @Test
    void twoReplicasOneKilledEveryBerichtDeliveredOnceAndAudited() throws Exception {
        String admin = System.getenv(ENV);
        Assumptions.assumeTrue(admin != null && admin.startsWith("jdbc:postgresql:"),
                "geen PostgreSQL: zet " + ENV + " (.ci/run doet dat); de twee-replica-IT is overgeslagen");
        String database = "knooppunt_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)
                .toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        String url = admin.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
        String user = url.contains("user=") ? url.replaceFirst(".*[?&]user=([^&]*).*", "$1") : "postgres";
        String password = url.replaceFirst(".*[?&]password=([^&]*).*|.*", "$1");

        Path root = JvmProcess.itDir().resolve("scaleout");
        Path registry = root.resolve("registry");
        List<String> bsns = TestBsn.first(900);
        Figures figures = new Figures("scaleout", "two replicas, one killed: every accepted bericht delivered once, audit complete");
        try (ArtemisProcess broker = new ArtemisProcess("scaleout-artemis", root.resolve("broker"));
                HubProcess a = replica("scaleout-hub-a", root.resolve("a"), registry, url, user, password);
                HubProcess b = replica("scaleout-hub-b", root.resolve("b"), registry, url, user, password)) {
            broker.start();
            a.externalBroker(broker.url());
            b.externalBroker(broker.url());
            startTogether(a, b);
            try (Connection db = DriverManager.getConnection(url, user, password)) {
                assertThat(count(db, "select count(*) from flyway_schema_history where not success")).isZero();
                assertThat(count(db, "select count(*) from (select version from flyway_schema_history where version "
                        + "is not null group by version having count(*) > 1) d")).as("a migration applied twice").isZero();
            }

            SoapSender naarA = new SoapSender(a.soapUrl());
            SoapSender naarB = new SoapSender(b.soapUrl());
            Map<Integer, String> geaccepteerd = new ConcurrentHashMap<>();   // bericht n -> traceerId delivered for it
            Map<Integer, String> afgekeurd = new ConcurrentHashMap<>();
            AtomicInteger verstuurd = new AtomicInteger();
            AtomicInteger opnieuw = new AtomicInteger();
            AtomicInteger kp009 = new AtomicInteger();
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
            List<Future<?>> taken = new ArrayList<>();
            for (int t = 0; t < SENDERS; t++) {
                int thread = t;
                taken.add(pool.submit(() -> {
                    for (int n = thread; n < AANTAL; n += SENDERS) {
                        String xml = BerichtBuilder.wmo315().gemeente("0599").bsn(bsns.get(n % bsns.size()))
                                .identificatie("SO" + n).build()
                                // an aanvraag has its own ReferentieAanbieder (the keten store keys on it)
                                .replaceAll("VOT-\\d{4}-0001", "VOT-SO" + n);
                        SoapSender eerst = n % 2 == 0 ? naarA : naarB;
                        String naam = "SO" + n + ".xml";
                        VerstuurBerichtAntwoord antwoord = aanbieden(eerst, naam, xml, opnieuw);
                        if (antwoord == null) {
                            // after a failed call the aanbieder offers the same bytes again, to the replica left. A
                            // bericht the killed replica had claimed is answered with a transient fault ("in
                            // behandeling") until the survivor's recovery has finished it (knooppunt.herstel.na below,
                            // plus the recovery lock of the dead replica); then the offer is answered KP009
                            antwoord = await().atMost(Duration.ofMinutes(5)).pollDelay(Duration.ZERO)
                                    .pollInterval(Duration.ofSeconds(1))
                                    .until(() -> aanbieden(naarA, naam, xml, opnieuw), java.util.Objects::nonNull);
                        }
                        verstuurd.incrementAndGet();
                        if (antwoord.getStatus() == Status.GEACCEPTEERD) {
                            String eerder = eerder(antwoord.getMeldingen());
                            if (eerder != null) {
                                kp009.incrementAndGet();
                            }
                            geaccepteerd.put(n, eerder != null ? eerder : antwoord.getTraceerId());
                        } else {
                            afgekeurd.put(n, codes(antwoord.getMeldingen()));
                        }
                    }
                    return null;
                }));
            }
            await().atMost(Duration.ofMinutes(15)).until(() -> verstuurd.get() >= AANTAL / 2
                    || taken.stream().allMatch(Future::isDone));
            int bijKill = verstuurd.get();
            assertThat(b.kill9()).isEqualTo(137);
            for (Future<?> f : taken) {
                f.get(20, TimeUnit.MINUTES);
            }
            pool.shutdown();
            double seconden = (System.nanoTime() - start) / 1e9;

            assertThat(afgekeurd).as("rejected berichten (bericht -> codes)").isEmpty();
            assertThat(geaccepteerd).hasSize(AANTAL);
            Set<String> traceerIds = new HashSet<>(geaccepteerd.values());
            assertThat(traceerIds).as("one traceerId per bericht").hasSize(AANTAL);

            try (Receiver gemeente = new Receiver(broker.url());
                    Receiver audit = new Receiver(broker.url());
                    Connection db = DriverManager.getConnection(url, user, password)) {
                gemeente.drain("gemeente.0599", "traceerId", 5_000);
                assertThat(gemeente.duplicates()).as("delivered twice").isZero();
                assertThat(gemeente.counts().keySet()).as("delivered").containsExactlyInAnyOrderElementsOf(traceerIds);

                // the outbox of the killed replica is published by the survivor (once ShedLock's lock-max is over); one
                // publisher at a time, one durable send and one commit per event: on a loaded machine it runs minutes
                // behind the intake
                await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2)).until(() ->
                        count(db, "select count(*) from audit_event where not gepubliceerd") == 0);
                Map<String, Set<String>> soorten = new HashMap<>();
                Set<String> eventIds = new HashSet<>();
                try (Statement s = db.createStatement();
                        ResultSet rs = s.executeQuery("select traceer_id, event_type, event_id from audit_event")) {
                    while (rs.next()) {
                        soorten.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                        eventIds.add(rs.getString(3));
                    }
                }
                for (String traceerId : traceerIds) {
                    assertThat(soorten.get(traceerId)).as("audit of " + traceerId)
                            .contains("ONTVANGEN", "GEROUTEERD", "AFGELEVERD");
                }
                audit.drain("audit.contractmanagement", m -> {
                    try {
                        return m.getStringProperty("eventId");
                    } catch (JMSException e) {
                        throw new IllegalStateException(e);
                    }
                }, 5_000);
                assertThat(audit.duplicates()).as("audit events published twice").isZero();
                assertThat(audit.counts().keySet()).as("published audit events")
                        .containsExactlyInAnyOrderElementsOf(eventIds);

                figures.put("berichten", AANTAL).put("seconden", Math.round(seconden))
                        .put("berichten_per_seconde", Math.round(AANTAL / seconden))
                        .put("verstuurd_bij_kill", bijKill).put("opnieuw_aangeboden", opnieuw.get())
                        .put("kp009_na_opnieuw", kp009.get()).put("auditevents", eventIds.size()).write();
            }

            ObjectMapper json = new ObjectMapper();
            for (HubProcess hub : List.of(a, b)) {
                for (Path log : hub.logs()) {
                    String inhoud = Files.readString(log, StandardCharsets.UTF_8);
                    for (String bsn : bsns) {
                        assertThat(inhoud).as("BSN in " + log).doesNotContain(bsn);
                    }
                    for (String regel : inhoud.split("\n")) {
                        if (regel.startsWith("{")) {
                            assertThat(json.readTree(regel).path("@timestamp").isMissingNode()).as(regel).isFalse();
                        }
                    }
                    assertThat(inhoud).as("ECS JSON lines in " + log).contains("\"ecs\":{\"version\"");
                }
            }
        }
    }

    private static HubProcess replica(String name, Path dataDir, Path registry, String url, String user, String password) {
        return new HubProcess(name, dataDir, registry)
                .property("spring.datasource.url", url)
                .property("spring.datasource.username", user)
                .property("spring.datasource.password", password)
                // the replicas must pseudonymise alike: one secret for all
                .property("knooppunt.pseudonym.secret", "scaleout-it-pseudoniem-geheim-32")
                .property("logging.structured.format.console", "ecs")
                .property("knooppunt.cluster.lock-max-per-route.audit-publish", "30s")
                // the recovery of deliveries the killed replica abandoned, in seconds rather than minutes
                .property("knooppunt.herstel.na", "15s")
                .property("knooppunt.herstel.interval", "5s")
                .property("knooppunt.cluster.lock-max-per-route.herstel-afleveringen", "30s");
    }

    /** One offer; null when the call failed (connection refused, no answer, a SOAP fault). */
    private static VerstuurBerichtAntwoord aanbieden(SoapSender naar, String naam, String xml, AtomicInteger opnieuw) {
        try {
            return naar.send(naam, xml);
        } catch (RuntimeException e) {
            opnieuw.incrementAndGet();
            return null;
        }
    }

    /** Both replicas start at the same moment on the empty database: Flyway must let one migrate, the other wait. */
    private static void startTogether(HubProcess a, HubProcess b) throws Exception {
        ExecutorService starters = Executors.newFixedThreadPool(2);
        try {
            Future<?> fa = starters.submit(a::start);
            Future<?> fb = starters.submit(b::start);
            fa.get(5, TimeUnit.MINUTES);
            fb.get(5, TimeUnit.MINUTES);
        } finally {
            starters.shutdownNow();
        }
    }

    private static String eerder(List<Melding> meldingen) {
        for (Melding m : meldingen) {
            if ("KP009".equals(m.getCode())) {
                Matcher matcher = EERDER.matcher(String.valueOf(m.getOmschrijving()));
                return matcher.find() ? matcher.group(1) : "KP009-zonder-traceerId";
            }
        }
        return null;
    }

    private static String codes(List<Melding> meldingen) {
        return meldingen.stream().map(m -> m.getCode() + " " + m.getOmschrijving()).toList().toString();
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
