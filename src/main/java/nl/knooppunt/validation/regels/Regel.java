package nl.knooppunt.validation.regels;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import nl.knooppunt.intake.BerichtType;
import nl.knooppunt.validation.Bevinding;
import nl.knooppunt.validation.Controle;

/**
 * One in-message rule of iWmo 3.2 (control level 2): a standard id, the berichten it applies to, and a pure function
 * from the {@link Berichtmodel} to findings. Any failure rejects the whole bericht with retourcode 0001 (IV028).
 */
public final class Regel implements Controle {

    public static final String TECHNISCH_AFGEKEURD = "0001";

    /** Reports findings into {@link Uitkomst}; reads the model only. */
    @FunctionalInterface
    public interface Check {
        void controleer(Berichtmodel model, Uitkomst uit);
    }

    private final String id;
    private final String omschrijving;
    private final Set<BerichtType> types;
    private final Check check;

    public Regel(String id, String omschrijving, Set<BerichtType> types, Check check) {
        this.id = id;
        this.omschrijving = omschrijving;
        this.types = EnumSet.copyOf(types);
        this.check = check;
    }

    /**
     * A rule checked on each instance of the named berichtklassen: the function returns null when the instance is
     * fine, else the element (relative to the klasse, "" for the klasse itself) that is wrong.
     */
    public static Regel perKlasse(String id, String omschrijving, Set<BerichtType> types, Set<String> klassen,
                                  BiFunction<Klasse, Berichtmodel, String> fout) {
        return new Regel(id, omschrijving, types, (model, uit) -> model.alle()
                .filter(k -> klassen.contains(k.naam()))
                .forEach(k -> {
                    String veld = fout.apply(k, model);
                    if (veld != null) {
                        uit.fout(k, veld);
                    }
                }));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int niveau() {
        return 2;
    }

    @Override
    public String retourcode() {
        return TECHNISCH_AFGEKEURD;
    }

    @Override
    public String omschrijving() {
        return omschrijving;
    }

    public Set<BerichtType> types() {
        return types;
    }

    public boolean geldtVoor(BerichtType type) {
        return types.contains(type);
    }

    public List<Bevinding> controleer(Berichtmodel model) {
        if (!geldtVoor(model.type())) {
            return List.of();
        }
        Uitkomst uit = new Uitkomst();
        check.controleer(model, uit);
        return uit.bevindingen;
    }

    @Override
    public String toString() {
        return id;
    }

    /** Collects the findings of one rule on one bericht; never takes a value from the bericht. */
    public final class Uitkomst {
        private final List<Bevinding> bevindingen = new ArrayList<>();

        public void fout(Klasse klasse, String veld) {
            String pad = veld == null || veld.isEmpty() ? klasse.pad() : klasse.pad() + "/" + veld;
            bevindingen.add(new Bevinding(id, TECHNISCH_AFGEKEURD, klasse.naam(), pad, omschrijving));
        }

        public void fout(String berichtklasse, String pad) {
            bevindingen.add(new Bevinding(id, TECHNISCH_AFGEKEURD, berichtklasse, pad, omschrijving));
        }
    }
}
