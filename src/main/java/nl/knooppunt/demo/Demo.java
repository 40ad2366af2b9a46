package nl.knooppunt.demo;

import com.jcraft.jsch.JSchException;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.knooppunt.broker.JmsInhoud;
import nl.knooppunt.intake.sftp.SftpMappen;
import nl.knooppunt.intake.sftp.SftpServer;
import nl.knooppunt.intake.soap.api.BerichtenPortType;
import nl.knooppunt.intake.soap.api.VerstuurBericht;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import nl.knooppunt.system.KnooppuntProperties;
import org.apache.camel.CamelContext;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * The demo: fictional aanbieders send the berichten of {@code demo/verkeer.yaml} over the hub's real SFTP server and
 * SOAP endpoint; fictional gemeente systems read their queues and answer through SOAP; the aanbieders fetch what comes
 * back. One scheduler thread does it all in turns, so the demo never competes with itself. It starts when the hub is
 * ready and stops after {@code max-berichten} plus {@code uitloop}, or when the hub stops.
 */
public class Demo {

    private static final Logger log = LoggerFactory.getLogger(Demo.class);
    private static final int PER_BEURT = 50;

    /** What happened to one demo bericht at the hub. {@code status}: GEACCEPTEERD, AFGEKEURD or DUBBEL. */
    public record Uitkomst(String geval, String kanaal, String traceerId, String status, List<String> codes) {
    }

    private final DemoProperties properties;
    private final KnooppuntProperties hub;
    private final ConnectionFactory connectionFactory;
    private final SftpServer sftpServer;
    private final SftpMappen sftpMappen;
    private final Environment environment;
    private final CamelContext camel;
    private final Verkeer verkeer = Verkeer.laad();
    private final DemoBerichten berichten = new DemoBerichten(Clock.systemDefaultZone(),
            run());

    private final List<Uitkomst> uitkomsten = new ArrayList<>();
    private final Map<String, Verkeer.Geval> sftpBestanden = new LinkedHashMap<>();
    private final Map<String, AtomicInteger> tellers = new LinkedHashMap<>();
    private final CountDownLatch klaar = new CountDownLatch(1);

    private volatile boolean running;
    private ScheduledExecutorService scheduler;
    private BerichtenPortType soap;
    private String knownHosts;
    private final Map<String, SftpAanbieder> sftp = new LinkedHashMap<>();
    private Connection jms;
    private Session sessie;
    private final Map<String, MessageConsumer> gemeenteConsumers = new LinkedHashMap<>();
    private final Map<String, MessageConsumer> aanbiederConsumers = new LinkedHashMap<>();
    private int verzonden;
    private Instant laatste;

    Demo(DemoProperties properties, KnooppuntProperties hub, ConnectionFactory connectionFactory, SftpServer sftpServer,
         SftpMappen sftpMappen, Environment environment, CamelContext camel) {
        this.camel = camel;
        this.properties = properties;
        this.hub = hub;
        this.connectionFactory = connectionFactory;
        this.sftpServer = sftpServer;
        this.sftpMappen = sftpMappen;
        this.environment = environment;
    }

    /** 3 base-36 characters from the clock: they repeat only after 13 hours (46656 s). */
    private static String run() {
        String r = Long.toString(System.currentTimeMillis() / 1000 % 46_656, 36).toUpperCase();
        return "0".repeat(3 - r.length()) + r;
    }

    @EventListener(ApplicationReadyEvent.class)
    void hubIsKlaar() throws Exception {
        String host = environment.getProperty("server.address", "localhost");
        String url = "http://" + ("127.0.0.1".equals(host) ? "localhost" : host) + ":"
                + environment.getRequiredProperty("local.server.port");
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(BerichtenPortType.class);
        factory.setAddress(url + "/ws/berichten");
        factory.setProperties(Map.of("mtom-enabled", true));
        soap = (BerichtenPortType) factory.create();

        knownHosts = knownHosts();
        for (Verkeer.Aanbieder a : verkeer.viaSftp()) {
            sftp(a.agb());
        }
        jms = connectionFactory.createConnection();
        sessie = jms.createSession(true, Session.SESSION_TRANSACTED);
        for (Verkeer.Gemeente g : verkeer.gemeenten()) {
            gemeenteConsumers.put(g.code(), sessie.createConsumer(sessie.createQueue("gemeente." + g.code())));
        }
        for (Verkeer.Aanbieder a : verkeer.aanbieders()) {
            if (a.kanaal() == Verkeer.Kanaal.soap) {
                aanbiederConsumers.put(a.agb(), sessie.createConsumer(sessie.createQueue("aanbieder." + a.agb())));
            }
        }
        jms.start();

        log.info("""

                ==== Knooppunt demo ====
                Dashboard:    {}/   (inloggen: zie de regel 'Eerste beheerder aangemaakt: gebruiker=beheerder \
                wachtwoord=...' in dit log; die staat er alleen bij de eerste start met deze data-dir)
                Volg een bericht: {}/api/berichten/<traceerId>   Wachtrijen: Artemis op tcp://127.0.0.1:{} (Core en AMQP)
                Verkeer: {} fictieve aanbieders ({} via SFTP op poort {}, de rest via SOAP {}/ws/berichten), {} \
                gemeentesystemen; een bericht per {}, {}.
                SFTP-sleutels van de demo-aanbieders: {}""",
                url, url, environment.getProperty("knooppunt.broker.port"), verkeer.aanbieders().size(), sftp.size(),
                sftpServer.port(), url, verkeer.gemeenten().size(), properties.interval(),
                properties.maxBerichten() == 0 ? "zonder einde" : "tot " + properties.maxBerichten() + " berichten",
                hub.dataDir().resolve("demo").resolve("sleutels").toAbsolutePath().normalize());
        running = true;
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "knooppunt-demo"));
        scheduler.scheduleWithFixedDelay(this::beurt, 0, properties.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One turn: an aanbieder sends, the gemeenten answer, the aanbieders fetch. */
    private void beurt() {
        if (!camel.getStatus().isStarted()) {
            return; // the SOAP endpoint is a Camel route: it takes berichten once Camel runs
        }
        try {
            if (properties.maxBerichten() == 0 || verzonden < properties.maxBerichten()) {
                stuur(verkeer.berichten().get(verzonden % verkeer.berichten().size()));
                verzonden++;
                laatste = Instant.now();
            } else if (Instant.now().isAfter(laatste.plus(properties.uitloop()))) {
                log.info("Demo klaar: {} berichten verstuurd; {}", verzonden, tellers());
                scheduler.shutdown();
                klaar.countDown();
                return;
            }
            gemeentenAntwoorden();
            aanbiedersHalenOp();
        } catch (Exception e) {
            tel("beurt mislukt");
            log.warn("Demo: beurt mislukt, volgende beurt gaat door: {}", e.toString());
        }
    }

    private void stuur(Verkeer.Geval g) throws Exception {
        DemoBerichten.Heen heen = berichten.heen(g);
        Verkeer.Kanaal kanaal = verkeer.aanbieder(g.aanbieder()).kanaal();
        if (kanaal == Verkeer.Kanaal.sftp) {
            synchronized (sftpBestanden) {
                sftpBestanden.put(heen.bestandsnaam(), g);
            }
            sftp(g.aanbieder()).stuur(heen.bestandsnaam(), heen.xml());
            tel("verstuurd via sftp");
            return;
        }
        VerstuurBerichtAntwoord antwoord = verstuur(heen.bestandsnaam(), heen.xml());
        tel("verstuurd via soap");
        uitkomst(new Uitkomst(g.geval(), "soap", antwoord.getTraceerId(), antwoord.getStatus().value(),
                antwoord.getMeldingen().stream().map(m -> m.getCode()).toList()));
    }

    private void gemeentenAntwoorden() throws JMSException {
        for (Map.Entry<String, MessageConsumer> e : gemeenteConsumers.entrySet()) {
            for (int i = 0; i < PER_BEURT; i++) {
                Message m = e.getValue().receiveNoWait();
                if (m == null) {
                    break;
                }
                try {
                    beantwoord(e.getKey(), JmsInhoud.bytes(m));
                    sessie.commit();
                } catch (RuntimeException ex) {
                    sessie.rollback();
                    throw ex;
                }
            }
        }
    }

    private void beantwoord(String gemeente, byte[] bericht) {
        Velden v = Velden.lees(bericht);
        String type = BerichtNamen.naam(v.eerste("BerichtCode"));
        tel(type + " ontvangen door gemeenten");
        tel("ontvangen door gemeente " + gemeente);
        List<byte[]> antwoorden = switch (type) {
            case "WMO315" -> berichten.antwoordOp315(gemeente, v);
            case "WMO323" -> List.of(berichten.antwoordOp323(gemeente, v));
            default -> List.of();
        };
        for (byte[] a : antwoorden) {
            String antwoordType = BerichtNamen.naam(Velden.lees(a).eerste("BerichtCode"));
            VerstuurBerichtAntwoord r = verstuur(antwoordType.toLowerCase() + ".xml", a);
            tel(antwoordType + " verstuurd door gemeenten: " + r.getStatus().value());
            if (!"GEACCEPTEERD".equals(r.getStatus().value())) {
                log.warn("Demo: {} van gemeente {} afgekeurd: {}", antwoordType, gemeente,
                        r.getMeldingen().stream().map(m -> m.getCode() + " " + m.getOmschrijving()).toList());
            }
        }
    }

    private void aanbiedersHalenOp() throws Exception {
        for (Map.Entry<String, MessageConsumer> e : aanbiederConsumers.entrySet()) {
            for (int i = 0; i < PER_BEURT; i++) {
                Message m = e.getValue().receiveNoWait();
                if (m == null) {
                    break;
                }
                tel(BerichtNamen.naam(Velden.lees(JmsInhoud.bytes(m)).eerste("BerichtCode")) + " ontvangen door aanbieders");
                sessie.commit();
            }
        }
        for (String agb : List.copyOf(sftp.keySet())) {
            for (SftpAanbieder.Bestand b : sftp(agb).haalOp(this::voorDeDemo)) {
                Velden v = Velden.lees(b.inhoud());
                if (b.naam().endsWith(".verslag.xml")) {
                    verslag(v);
                } else {
                    tel(BerichtNamen.naam(v.eerste("BerichtCode")) + " ontvangen door aanbieders");
                    tel("ontvangen via SFTP in/");
                }
            }
        }
    }

    /**
     * A file in an aanbieder's {@code in/} is for the demo, except the verslag of a file that someone else sent as that
     * aanbieder (README: examples/verstuur.sh with a demo key), which waits there for its sender.
     */
    private boolean voorDeDemo(String naam) {
        if (!naam.endsWith(".verslag.xml")) {
            return true;
        }
        synchronized (sftpBestanden) {
            return sftpBestanden.keySet().stream().anyMatch(eigen -> naam.startsWith(eigen + "."));
        }
    }

    private void verslag(Velden v) {
        Verkeer.Geval g;
        synchronized (sftpBestanden) {
            g = sftpBestanden.remove(v.eerste("Bestandsnaam"));
        }
        uitkomst(new Uitkomst(g == null ? v.eerste("Bestandsnaam") : g.geval(), "sftp", v.eerste("TraceerId"),
                v.eerste("Status"), v.alle("Code")));
    }

    /** The aanbieder's SFTP session; a new login when the last one was closed (idle timeout, hub restart). */
    private SftpAanbieder sftp(String agb) throws JSchException {
        SftpAanbieder a = sftp.get(agb);
        if (a != null && a.verbonden()) {
            return a;
        }
        if (a != null) {
            a.close();
        }
        a = new SftpAanbieder(agb, DemoVoorbereiding.sleutelBestand(hub.dataDir(), agb), knownHosts, "127.0.0.1",
                sftpServer.port());
        sftp.put(agb, a);
        return a;
    }

    private VerstuurBerichtAntwoord verstuur(String naam, byte[] xml) {
        VerstuurBericht request = new VerstuurBericht();
        request.setBestandsnaam(naam);
        request.setBericht(nl.knooppunt.intake.soap.SoapIntake.bijlage(xml));
        return soap.verstuurBericht(request);
    }

    private void uitkomst(Uitkomst u) {
        synchronized (uitkomsten) {
            uitkomsten.add(u);
        }
        tel(u.status() + " via " + u.kanaal());
        log.info("Demo: {} via {}: {} {}{}", u.geval(), u.kanaal(), u.status(), u.traceerId(),
                u.codes().isEmpty() ? "" : " " + u.codes());
    }

    private void tel(String wat) {
        synchronized (tellers) {
            tellers.computeIfAbsent(wat, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** What the demo did so far: counters by what happened, in order of first occurrence. */
    public Map<String, Integer> tellers() {
        synchronized (tellers) {
            Map<String, Integer> copy = new LinkedHashMap<>();
            tellers.forEach((k, v) -> copy.put(k, v.get()));
            return copy;
        }
    }

    public List<Uitkomst> uitkomsten() {
        synchronized (uitkomsten) {
            return List.copyOf(uitkomsten);
        }
    }

    /** Waits until the demo finished by itself (max-berichten plus uitloop). */
    public boolean wachtTotKlaar(long timeout, TimeUnit unit) throws InterruptedException {
        return klaar.await(timeout, unit);
    }

    /**
     * The hub's SFTP host key as a known_hosts line, read from the hub's data dir: the demo pins it instead of trusting
     * on first use. The server makes the key at its first handshake; reading it here with the server's settings makes
     * it a little earlier, into the same file.
     */
    String knownHosts() throws Exception {
        SimpleGeneratorHostKeyProvider provider =
                new SimpleGeneratorHostKeyProvider(sftpMappen.root().resolve("hostkey.pem"));
        provider.setAlgorithm("EC");
        provider.setKeySize(256);
        var key = provider.loadKeys(null).iterator().next().getPublic();
        return "[127.0.0.1]:" + sftpServer.port() + " " + PublicKeyEntry.toString(key) + "\n";
    }

    public boolean isRunning() {
        return running;
    }

    /**
     * Stops when the hub begins to close, before the web server, Camel and the broker go down. Deliberately no
     * SmartLifecycle: a lifecycle bean that depends on the CamelContext makes Spring start Camel before its routes are
     * loaded.
     */
    @EventListener(ContextClosedEvent.class)
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        if (scheduler != null) {
            scheduler.shutdown();
            try {
                if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                    scheduler.shutdownNow();
                }
            } catch (InterruptedException e) {
                scheduler.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        sftp.values().forEach(SftpAanbieder::close);
        try {
            if (jms != null) {
                jms.close();
            }
        } catch (JMSException e) {
            log.warn("Demo: JMS-verbinding sluiten mislukt: {}", e.toString());
        }
        log.info("Demo gestopt: {} berichten verstuurd; {}", verzonden, tellers());
    }
}
