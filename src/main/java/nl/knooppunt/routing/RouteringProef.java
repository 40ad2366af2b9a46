package nl.knooppunt.routing;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import nl.knooppunt.intake.BerichtInfo;
import nl.knooppunt.intake.BerichtType;
import nl.knooppunt.intake.IntakeGate;
import nl.knooppunt.intake.ProductRegel;
import nl.knooppunt.registry.RegistryService;
import nl.knooppunt.validation.AfkeurException;
import nl.knooppunt.validation.Afkeurcode;
import nl.knooppunt.validation.Melding;
import nl.knooppunt.validation.XsdValidator;
import org.springframework.stereotype.Service;

/** "Where would it go?": the full routing decision, without storing, delivering or auditing anything. */
@Service
public class RouteringProef {

    /** The facts of a bericht that routing needs. */
    public record Vraag(
            @NotNull @Pattern(regexp = "[0-9]{3}", message = "is een BerichtCode van 3 cijfers, bv. 444") String berichtCode,
            @NotNull @Pattern(regexp = "[0-9]{4}", message = "is een gemeentecode van 4 cijfers") String gemeente,
            @Pattern(regexp = "[0-9]{2}", message = "is een productcategorie van 2 cijfers, bv. 15") String productcategorie,
            @NotNull LocalDate datum,
            boolean clientBekend,
            @Pattern(regexp = "[0-9]{8}", message = "is een AGB-code van 8 cijfers") String aanbieder) {
    }

    public enum Uitkomst { AFGELEVERD, TRIAGE, GEPARKEERD, AFGEKEURD }

    public record Antwoord(Uitkomst uitkomst, Route route, List<Melding> meldingen) {
    }

    private static final String PROEF_CLIENT = "00000000000000000000000000000000";

    private final IntakeGate gate;
    private final XsdValidator xsd;
    private final Router router;
    private final RegistryService registry;

    public RouteringProef(IntakeGate gate, XsdValidator xsd, Router router, RegistryService registry) {
        this.gate = gate;
        this.xsd = xsd;
        this.router = router;
        this.registry = registry;
    }

    public Antwoord bericht(byte[] bytes) {
        try {
            BerichtInfo info = gate.inspect(bytes);
            xsd.validate(bytes, info.type());
            return antwoord(router.decide(info, registry.current()));
        } catch (AfkeurException e) {
            return new Antwoord(e.parkeren() ? Uitkomst.GEPARKEERD : Uitkomst.AFGEKEURD, null, e.meldingen());
        }
    }

    public Antwoord vraag(Vraag vraag) {
        BerichtType type = BerichtType.byBerichtCode(vraag.berichtCode()).orElse(null);
        if (type == null) {
            return new Antwoord(Uitkomst.AFGEKEURD, null,
                    List.of(Afkeurcode.KP006.melding("BerichtCode " + vraag.berichtCode() + " is geen iWmo 3.2-bericht")));
        }
        boolean naarAanbieder = type.richting() == BerichtType.Richting.NAAR_AANBIEDER;
        String aanbieder = vraag.aanbieder() == null ? "00000000" : vraag.aanbieder();
        String datum = vraag.datum().toString();
        BerichtInfo info = new BerichtInfo(type, type.berichtCode(), naarAanbieder ? vraag.gemeente() : aanbieder,
                naarAanbieder ? aanbieder : vraag.gemeente(), "PROEF", datum, java.util.Set.of(), null, 1,
                List.of(PROEF_CLIENT), vraag.productcategorie() == null ? List.of()
                : List.of(new ProductRegel("Proef", null, vraag.productcategorie(), null, datum, null, null, null)), null);
        try {
            return antwoord(router.proef(info, registry.current(), vraag.clientBekend()));
        } catch (AfkeurException e) {
            return new Antwoord(Uitkomst.GEPARKEERD, null, e.meldingen());
        }
    }

    private static Antwoord antwoord(Route route) {
        return new Antwoord(route.triage() ? Uitkomst.TRIAGE : Uitkomst.AFGELEVERD, route, List.of());
    }
}
