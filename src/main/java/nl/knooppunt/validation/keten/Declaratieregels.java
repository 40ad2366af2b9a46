package nl.knooppunt.validation.keten;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.knooppunt.intake.BerichtType;
import nl.knooppunt.validation.Bevinding;
import org.springframework.stereotype.Component;

/** Level-3 rules on a WMO323 declaratie against earlier berichten (iwmo.md §9 items 18–20). */
public final class Declaratieregels {

    static final String PRESTATIE = "Prestatie";

    private Declaratieregels() {
    }

    /** Base for the rules that compare a prestatie with the toewijzing it names. */
    abstract static class Prestatieregel extends Regel {

        Prestatieregel(String id, String retourcode, String omschrijving) {
            super(id, 3, retourcode, omschrijving);
        }

        @Override
        public final List<Bevinding> controleer(Inhoud inhoud, Controlecontext context) {
            if (inhoud.type() != BerichtType.WMO323) {
                return List.of();
            }
            List<Bevinding> result = new ArrayList<>();
            for (Inhoud.Prestatie p : inhoud.prestaties()) {
                Optional<KetenGeheugen.ToegewezenProduct> t = context.toewijzing(inhoud.gemeente(), p.toewijzingNummer())
                        .filter(x -> x.aanbieder() == null || x.aanbieder().equals(inhoud.aanbieder()));
                if (t.isPresent() || this instanceof Tr338) {
                    String fout = controleer(p, t.orElse(null), inhoud, context);
                    if (fout != null) {
                        result.add(bevinding(PRESTATIE, p.pad(), fout.isEmpty() ? null : fout));
                    }
                }
            }
            return result;
        }

        /** @return null when fine, else a detail without bericht content ("" for none) */
        abstract String controleer(Inhoud.Prestatie p, KetenGeheugen.ToegewezenProduct t, Inhoud inhoud,
                                   Controlecontext context);
    }

    // TR338: a prestatie names a toewijzing of this aanbieder; retourcode 9338
    @Component
    public static class Tr338 extends Prestatieregel {
        public Tr338() {
            super("TR338", "9338", "Prestatie is niet te koppelen aan een toewijzing van deze aanbieder");
        }

        @Override
        String controleer(Inhoud.Prestatie p, KetenGeheugen.ToegewezenProduct t, Inhoud inhoud, Controlecontext c) {
            return p.toewijzingNummer() != null && t == null ? "" : null;
        }
    }

    // TR339: ProductCategorie equals the toewijzing's; retourcode 9339
    @Component
    public static class Tr339 extends Prestatieregel {
        public Tr339() {
            super("TR339", "9339", "ProductCategorie wijkt af van de toewijzing");
        }

        @Override
        String controleer(Inhoud.Prestatie p, KetenGeheugen.ToegewezenProduct t, Inhoud inhoud, Controlecontext c) {
            return t.categorie() != null && p.categorie() != null && !t.categorie().equals(p.categorie()) ? "" : null;
        }
    }

    // TR340: ProductCode equals the toewijzing's when the toewijzing named one; retourcode 9340
    @Component
    public static class Tr340 extends Prestatieregel {
        public Tr340() {
            super("TR340", "9340", "ProductCode wijkt af van de toewijzing");
        }

        @Override
        String controleer(Inhoud.Prestatie p, KetenGeheugen.ToegewezenProduct t, Inhoud inhoud, Controlecontext c) {
            return t.code() != null && p.code() != null && !t.code().equals(p.code()) ? "" : null;
        }
    }

    // TR341: Eenheid fits the toewijzing's Omvang; retourcode 9341
    @Component
    public static class Tr341 extends Prestatieregel {
        public Tr341() {
            super("TR341", "9341", "Eenheid past niet bij de toewijzing");
        }

        @Override
        String controleer(Inhoud.Prestatie p, KetenGeheugen.ToegewezenProduct t, Inhoud inhoud, Controlecontext c) {
            return t.eenheid() != null && p.eenheid() != null && !t.eenheid().equals(p.eenheid()) ? "" : null;
        }
    }

    // TR307: ProductPeriode Begindatum within the toewijzing; retourcode 9307
    @Component
    public static class Tr307 extends Prestatieregel {
        public Tr307() {
            super("TR307", "9307", "Begindatum van de ProductPeriode valt buiten de toewijzing");
        }

        @Override
        String controleer(Inhoud.Prestatie p, KetenGeheugen.ToegewezenProduct t, Inhoud inhoud, Controlecontext c) {
            return p.begindatum() != null && !binnen(p.begindatum(), t) ? "" : null;
        }
    }

    // TR308: ProductPeriode Einddatum within the toewijzing; retourcode 9308
    @Component
    public static class Tr308 extends Prestatieregel {
        public Tr308() {
            super("TR308", "9308", "Einddatum van de ProductPeriode valt buiten de toewijzing");
        }

        @Override
        String controleer(Inhoud.Prestatie p, KetenGeheugen.ToegewezenProduct t, Inhoud inhoud, Controlecontext c) {
            return p.einddatum() != null && !binnen(p.einddatum(), t) ? "" : null;
        }
    }

    static boolean binnen(LocalDate dag, KetenGeheugen.ToegewezenProduct t) {
        return !dag.isBefore(t.ingangsdatum()) && (t.einddatum() == null || !dag.isAfter(t.einddatum()));
    }

    // TR321: GeleverdVolume of one prestatie within the toegewezen volume for its ProductPeriode; retourcode 9321
    @Component
    public static class Tr321 extends Prestatieregel {
        public Tr321() {
            super("TR321", "9321", "GeleverdVolume is groter dan het toegewezen volume in de ProductPeriode");
        }

        @Override
        String controleer(Inhoud.Prestatie p, KetenGeheugen.ToegewezenProduct t, Inhoud inhoud, Controlecontext c) {
            if (p.credit() || p.volume() == null || !vergelijkbaar(p.eenheid(), t) || p.begindatum() == null
                    || p.einddatum() == null) {
                return null;
            }
            Long max = toegestaan(t, p.begindatum(), p.einddatum());
            return max != null && p.volume() > max ? "" : null;
        }
    }

    // TR322: Σ GeleverdVolume on one toewijzing (earlier 323s and this one) within the toegewezen total; 9322
    @Component
    public static class Tr322 extends Regel {
        public Tr322() {
            super("TR322", 3, "9322", "Som van de gedeclareerde volumes is groter dan het toegewezen volume");
        }

        @Override
        public List<Bevinding> controleer(Inhoud inhoud, Controlecontext context) {
            if (inhoud.type() != BerichtType.WMO323) {
                return List.of();
            }
            Map<Long, Long> som = new HashMap<>();
            List<Bevinding> result = new ArrayList<>();
            for (Inhoud.Prestatie p : inhoud.prestaties()) {
                var t = context.toewijzing(inhoud.gemeente(), p.toewijzingNummer())
                        .filter(x -> x.aanbieder() == null || x.aanbieder().equals(inhoud.aanbieder()));
                if (t.isEmpty() || p.volume() == null || !vergelijkbaar(p.eenheid(), t.get())
                        || t.get().einddatum() == null && !"6".equals(t.get().frequentie())) {
                    continue;
                }
                long eerder = som.computeIfAbsent(p.toewijzingNummer(),
                        n -> context.geheugen().gedeclareerdVolume(inhoud.gemeente(), n));
                long totaal = eerder + p.volume();
                som.put(p.toewijzingNummer(), totaal);
                Long max = toegestaan(t.get(), t.get().ingangsdatum(), t.get().einddatum());
                if (!p.credit() && max != null && totaal > max) {
                    result.add(bevinding(PRESTATIE, p.pad(), null));
                }
            }
            return result;
        }
    }

    static boolean vergelijkbaar(String eenheid, KetenGeheugen.ToegewezenProduct t) {
        return t.volume() != null && t.eenheid() != null && t.eenheid().equals(eenheid) && t.frequentie() != null;
    }

    /**
     * The volume the toewijzing allows in [begin, eind]: Frequentie 1 per dag × days, 2 per week × started weeks,
     * 4 per maand × started months, 6 totaal binnen de geldigheidsduur = Volume. Null when it cannot be told.
     */
    static Long toegestaan(KetenGeheugen.ToegewezenProduct t, LocalDate begin, LocalDate eind) {
        if (eind == null && !"6".equals(t.frequentie())) {
            return null;
        }
        return switch (t.frequentie()) {
            case "1" -> t.volume() * (ChronoUnit.DAYS.between(begin, eind) + 1);
            case "2" -> t.volume() * ((ChronoUnit.DAYS.between(begin, eind) + 7) / 7);
            case "4" -> t.volume() * (ChronoUnit.MONTHS.between(begin.withDayOfMonth(1), eind.withDayOfMonth(1)) + 1);
            case "6" -> t.volume();
            default -> null;
        };
    }

    // TR333: DeclaratieNummer unique per aanbieder; retourcode 9333
    @Component
    public static class Tr333 extends Regel {
        public Tr333() {
            super("TR333", 3, "9333", "DeclaratieNummer is eerder door deze aanbieder gebruikt");
        }

        @Override
        public List<Bevinding> controleer(Inhoud inhoud, Controlecontext context) {
            if (inhoud.type() != BerichtType.WMO323 || inhoud.declaratieNummer() == null || inhoud.aanbieder() == null) {
                return List.of();
            }
            return context.geheugen().declaratie(inhoud.aanbieder(), inhoud.declaratieNummer())
                    .map(eerder -> List.of(bevinding("Declaratie", "/Declaratie[1]", "eerder in traceerId " + eerder)))
                    .orElse(List.of());
        }
    }

    // TR314: ProductReferentie unique per aanbieder (also within the bericht); retourcode 8021
    @Component
    public static class Tr314 extends Regel {
        public Tr314() {
            super("TR314", 3, "8021", "ProductReferentie is eerder aangeleverd");
        }

        @Override
        public List<Bevinding> controleer(Inhoud inhoud, Controlecontext context) {
            if (inhoud.type() != BerichtType.WMO323 || inhoud.aanbieder() == null) {
                return List.of();
            }
            Set<String> gezien = new HashSet<>();
            List<Bevinding> result = new ArrayList<>();
            for (Inhoud.Prestatie p : inhoud.prestaties()) {
                if (p.referentieNummer() == null) {
                    continue;
                }
                if (!gezien.add(p.referentieNummer())) {
                    result.add(bevinding(PRESTATIE, p.pad(), "twee keer in dit bericht"));
                } else {
                    context.geheugen().prestatie(inhoud.aanbieder(), p.referentieNummer())
                            .ifPresent(eerder -> result.add(bevinding(PRESTATIE, p.pad(), "eerder in traceerId " + eerder)));
                }
            }
            return result;
        }
    }
}
