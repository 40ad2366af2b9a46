package nl.knooppunt.validation.regels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.intake.Bericht;
import nl.knooppunt.intake.BerichtType;
import nl.knooppunt.payload.Payload;
import nl.knooppunt.validation.AfkeurException;
import nl.knooppunt.validation.Bevinding;
import nl.knooppunt.validation.Controles;
import nl.knooppunt.validation.Melding;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * Control level 2: runs every in-message rule ({@link Regels}) on a heenbericht that passed the XSD. Any finding
 * rejects the bericht with a conformant retourbericht (code 0001) for its sender; the bericht is not routed.
 * Retours and the WMO325 get no retour themselves, so the rules do not run on them.
 */
@Component
public class Inhoudcontrole implements Controles {

    private final List<Regel> regels = Regels.alle();
    private final ModelLezer lezer = new ModelLezer();

    @Override
    public List<Regel> controles() {
        return regels;
    }

    /** Route step {@code inhoud-regels}. */
    public void check(@ExchangeProperty(Bericht.PROPERTY) Bericht bericht) {
        BerichtType type = bericht.info().type();
        if (regels.stream().noneMatch(r -> r.geldtVoor(type))) {
            return;
        }
        List<Bevinding> bevindingen = controleer(bericht.payload(), type);
        if (!bevindingen.isEmpty()) {
            throw new AfkeurException(meldingen(bevindingen), false, bevindingen);
        }
    }

    public List<Bevinding> controleer(byte[] inhoud, BerichtType type) {
        return controleer(Payload.of(inhoud), type);
    }

    public List<Bevinding> controleer(Payload inhoud, BerichtType type) {
        Berichtmodel model = lezer.lees(inhoud, type);
        List<Bevinding> bevindingen = new ArrayList<>();
        for (Regel regel : regels) {
            bevindingen.addAll(regel.controleer(model));
        }
        return bevindingen;
    }

    /** One melding per distinct rule, in Dutch, with the number of places but never a value. */
    static List<Melding> meldingen(List<Bevinding> bevindingen) {
        Map<String, List<Bevinding>> perRegel = new LinkedHashMap<>();
        bevindingen.forEach(b -> perRegel.computeIfAbsent(b.regel(), r -> new ArrayList<>()).add(b));
        List<Melding> meldingen = new ArrayList<>();
        perRegel.forEach((regel, lijst) -> meldingen.add(new Melding(regel, lijst.get(0).omschrijving()
                + " (" + lijst.get(0).berichtklasse() + (lijst.size() > 1 ? ", " + lijst.size() + " plaatsen" : "")
                + "; retourcode " + lijst.get(0).retourcode() + ")")));
        return meldingen;
    }
}
