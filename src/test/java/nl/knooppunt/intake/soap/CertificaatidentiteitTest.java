package nl.knooppunt.intake.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import nl.knooppunt.registry.Identiteit;
import nl.knooppunt.registry.Registry;
import org.junit.jupiter.api.Test;

class CertificaatidentiteitTest {

    static final TestPki.Sleutel CA = TestPki.ca("Unit-CA");

    private final Registry registry = new Registry(Map.of(), Map.of(), List.of(), List.of(), Map.of(), Map.of(), List.of(
            new Identiteit("0599", "00000001002220647000", null),
            new Identiteit("42420001", null, "CN=Zorggroep De Linde,O=Zorggroep De Linde,C=NL")));

    @Test
    void oinInTheSubjectSerialNumberDecides() {
        var certificaat = TestPki.client(CA, "SERIALNUMBER=00000001002220647000,CN=Wie dan ook,O=X,C=NL").certificaat();

        assertThat(Certificaatidentiteit.oin(certificaat.getSubjectX500Principal())).contains("00000001002220647000");
        assertThat(Certificaatidentiteit.deelnemer(certificaat, registry)).contains("0599");
    }

    @Test
    void withoutOinTheFullSubjectDecides() {
        var certificaat = TestPki.client(CA, "CN=Zorggroep De Linde,O=Zorggroep De Linde,C=NL").certificaat();

        assertThat(Certificaatidentiteit.oin(certificaat.getSubjectX500Principal())).isEmpty();
        assertThat(Certificaatidentiteit.deelnemer(certificaat, registry)).contains("42420001");
    }

    @Test
    void aPartialOrDifferentSubjectOrOtherOinMapsToNobody() {
        assertThat(Certificaatidentiteit.deelnemer(TestPki.client(CA, "CN=Zorggroep De Linde,O=Zorggroep De Linde")
                .certificaat(), registry)).isEmpty();
        assertThat(Certificaatidentiteit.deelnemer(TestPki.client(CA,
                "SERIALNUMBER=00000001002220647001,CN=Zorggroep De Linde,O=Zorggroep De Linde,C=NL").certificaat(),
                registry)).isEmpty();
        assertThat(Certificaatidentiteit.oin(new X500Principal("CN=a\\,SERIALNUMBER=1,O=b"))).isEmpty();
    }
}
