package nl.knooppunt.intake.soap;

import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import nl.knooppunt.registry.Registry;

/**
 * Which participant a TLS client certificate belongs to, through {@code identiteiten.yaml}: the OIN in the subject's
 * serialNumber (OID 2.5.4.5, Digikoppeling / PKIoverheid) first, else the full subject DN (RFC 2253).
 * The certificate chain and validity were already checked by the TLS handshake.
 */
final class Certificaatidentiteit {

    static final String SERIAL_NUMBER_OID = "2.5.4.5";

    private Certificaatidentiteit() {
    }

    static Optional<String> deelnemer(X509Certificate certificaat, Registry registry) {
        X500Principal subject = certificaat.getSubjectX500Principal();
        Optional<String> viaOin = oin(subject).flatMap(registry::deelnemerMetOin);
        return viaOin.isPresent() ? viaOin : registry.deelnemerMetSubject(subject.getName(X500Principal.RFC2253));
    }

    /** The subject's serialNumber attribute as text, if the certificate has one. */
    static Optional<String> oin(X500Principal subject) {
        String dn = subject.getName(X500Principal.RFC2253, Map.of(SERIAL_NUMBER_OID, "SERIALNUMBER"));
        try {
            for (Rdn rdn : new LdapName(dn).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("SERIALNUMBER") && rdn.getValue() instanceof String value) {
                    return Optional.of(value);
                }
            }
            return Optional.empty();
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }
}
