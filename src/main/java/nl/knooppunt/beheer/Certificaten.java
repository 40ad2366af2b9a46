package nl.knooppunt.beheer;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.knooppunt.intake.soap.ClientCertificaatGezien;
import nl.knooppunt.intake.soap.SoapProperties;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Certificate expiry: each participant's client certificate as seen at the SOAP gate (table
 * {@code deelnemer_certificaat}, written at most once an hour per certificate), and the entries of the hub's own key
 * store and trust store. Less than {@value #WAARSCHUWING_DAGEN} days left is a warning.
 */
@Service
public class Certificaten {

    static final int WAARSCHUWING_DAGEN = 30;
    private static final Duration BIJWERKEN = Duration.ofHours(1);

    public record Certificaat(String bron, String naam, String onderwerp, String serienummer, Instant geldigTot,
                              Instant laatstGezien, long dagenGeldig, boolean waarschuwing) {
    }

    private final JdbcTemplate jdbc;
    private final SoapProperties soap;
    private final Clock clock;
    private final Map<String, Instant> bijgewerkt = new ConcurrentHashMap<>();

    @org.springframework.beans.factory.annotation.Autowired
    public Certificaten(JdbcTemplate jdbc, SoapProperties soap) {
        this(jdbc, soap, Clock.systemUTC());
    }

    Certificaten(JdbcTemplate jdbc, SoapProperties soap, Clock clock) {
        this.jdbc = jdbc;
        this.soap = soap;
        this.clock = clock;
    }

    @EventListener
    public void gezien(ClientCertificaatGezien gezien) {
        X509Certificate c = gezien.certificaat();
        String serie = c.getSerialNumber().toString(16);
        String sleutel = gezien.deelnemer() + "/" + serie;
        Instant nu = clock.instant();
        Instant vorige = bijgewerkt.get(sleutel);
        if (vorige != null && vorige.plus(BIJWERKEN).isAfter(nu)) {
            return;
        }
        int n = jdbc.update("update deelnemer_certificaat set laatst_gezien = ? where deelnemer = ? and serienummer = ?",
                Timestamp.from(nu), gezien.deelnemer(), serie);
        if (n == 0) {
            String onderwerp = naam(c);
            jdbc.update("insert into deelnemer_certificaat (deelnemer, serienummer, onderwerp, geldig_tot, laatst_gezien) "
                            + "values (?, ?, ?, ?, ?)", gezien.deelnemer(), serie,
                    onderwerp.length() > 500 ? onderwerp.substring(0, 500) : onderwerp,
                    Timestamp.from(c.getNotAfter().toInstant()), Timestamp.from(nu));
        }
        bijgewerkt.put(sleutel, nu);
    }

    /** Per participant, every certificate it used, the one that expires first on top. */
    public List<Certificaat> deelnemers() {
        return jdbc.query("select deelnemer, onderwerp, serienummer, geldig_tot, laatst_gezien from deelnemer_certificaat "
                        + "order by geldig_tot, deelnemer",
                (rs, i) -> certificaat("deelnemer", rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()));
    }

    /** The hub's own SOAP key store and trust store (knooppunt.soap.tls), when configured. */
    public List<Certificaat> hub() {
        List<Certificaat> result = new ArrayList<>();
        SoapProperties.Tls tls = soap.tls();
        lees(result, "key store", tls.keyStore(), tls.keyStoreType(), tls.keyStorePassword());
        lees(result, "trust store", tls.trustStore(), tls.trustStoreType(), tls.trustStorePassword());
        return result;
    }

    private void lees(List<Certificaat> result, String bron, Path pad, String type,
                      nl.knooppunt.intake.soap.Geheim wachtwoord) {
        if (pad == null) {
            return;
        }
        try (InputStream in = Files.newInputStream(pad)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, wachtwoord == null ? null : wachtwoord.tekens());
            for (String alias : Collections.list(store.aliases())) {
                Certificate c = store.getCertificate(alias);
                if (c instanceof X509Certificate x) {
                    result.add(certificaat(bron, alias, naam(x),
                            x.getSerialNumber().toString(16), x.getNotAfter().toInstant(), null));
                }
            }
        } catch (Exception e) {
            result.add(new Certificaat(bron, pad.getFileName().toString(), "niet leesbaar: " + e.getClass().getSimpleName(),
                    null, null, null, 0, true));
        }
    }

    /** The subject as people read it, the OIN (serialNumber) by name rather than as an OID with hex. */
    static String naam(X509Certificate c) {
        return c.getSubjectX500Principal().getName(javax.security.auth.x500.X500Principal.RFC2253,
                Map.of("2.5.4.5", "SERIALNUMBER", "2.5.4.97", "ORGANIZATIONIDENTIFIER"));
    }

    private Certificaat certificaat(String bron, String naam, String onderwerp, String serie, Instant tot, Instant gezien) {
        long dagen = Duration.between(clock.instant(), tot).toDays();
        return new Certificaat(bron, naam, onderwerp, serie, tot, gezien, dagen, dagen < WAARSCHUWING_DAGEN);
    }
}
