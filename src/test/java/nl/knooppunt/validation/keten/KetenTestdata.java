package nl.knooppunt.validation.keten;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import nl.knooppunt.audit.Pseudonymizer;
import nl.knooppunt.intake.BerichtType;
import nl.knooppunt.registry.Productcode;
import nl.knooppunt.registry.Registry;
import nl.knooppunt.registry.RegistryLoader;
import nl.knooppunt.system.KnooppuntProperties;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.validation.bron.Productcodes;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

/** Shared fixtures for the level 3–4 unit tests: a pseudonymizer, the reader, the shipped registry. */
public final class KetenTestdata {

    public static final Pseudonymizer PSEUDONYMIZER = new Pseudonymizer(
            new KnooppuntProperties(Path.of("target/unused-data-dir"), null, null, DataSize.ofMegabytes(25),
                    new KnooppuntProperties.Pseudonym("k1", null),
                    new KnooppuntProperties.Audit("audit.contractmanagement", Duration.ofMillis(200), 500)),
            new MockEnvironment().withProperty("knooppunt.pseudonym.secret", "0123456789abcdef0123456789abcdef"));
    public static final InhoudLezer LEZER = new InhoudLezer(PSEUDONYMIZER);
    public static final Registry REGISTRY = new RegistryLoader(null).load();
    public static final Productcodes PRODUCTCODES = new Productcodes(new RegistryLoader(null).productcodes(REGISTRY.gemeenten()));
    /** The builder's default Dagtekening is 2026-11-02; its declaratie covers October 2026. */
    public static final LocalDate VANDAAG = LocalDate.of(2026, 11, 3);

    private KetenTestdata() {
    }

    public static Inhoud lees(BerichtBuilder builder) {
        return LEZER.lees(builder.build().getBytes(StandardCharsets.UTF_8), BerichtType.valueOf(builder.type()));
    }

    static Controlecontext context(KetenGeheugen geheugen) {
        return new Controlecontext(geheugen, REGISTRY, PRODUCTCODES, VANDAAG);
    }

    static Productcodes productcodes(List<Productcode> codes) {
        return new Productcodes(codes);
    }
}
