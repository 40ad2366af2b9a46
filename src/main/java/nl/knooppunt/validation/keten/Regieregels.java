package nl.knooppunt.validation.keten;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.knooppunt.intake.BerichtType;
import nl.knooppunt.validation.Bevinding;
import nl.knooppunt.validation.keten.KetenGeheugen.StartStop;
import org.springframework.stereotype.Component;

/** Level-3 rules on the regieberichten WMO305 (start) and WMO307 (stop), and on the WMO301 toewijzing. */
public final class Regieregels {

    private Regieregels() {
    }

    static boolean regie(Inhoud inhoud) {
        return inhoud.type() == BerichtType.WMO305 || inhoud.type() == BerichtType.WMO307;
    }

    static boolean verwijderen(Inhoud.Regel r) {
        return "3".equals(r.statusAanlevering());
    }

    // TR019: a start or stop can be linked to a toewijzing of this aanbieder; retourcode 9019
    @Component
    public static class Tr019 extends Regel {
        public Tr019() {
            super("TR019", 3, "9019", "Start of stop is niet te koppelen aan een toewijzing");
        }

        @Override
        public List<Bevinding> controleer(Inhoud inhoud, Controlecontext context) {
            if (!regie(inhoud)) {
                return List.of();
            }
            List<Bevinding> result = new ArrayList<>();
            for (Inhoud.Regel r : inhoud.regels()) {
                if (r.toewijzingNummer() != null && context.toewijzing(inhoud.gemeente(), r.toewijzingNummer())
                        .filter(t -> t.aanbieder() == null || t.aanbieder().equals(inhoud.aanbieder())).isEmpty()) {
                    result.add(bevinding(r.berichtklasse(), r.pad(), null));
                }
            }
            return result;
        }
    }

    // TR074: the logical key of a start (ToewijzingNummer, Begindatum) or stop (+ RedenBeeindiging, Einddatum) was
    // not received before; retourcode 9074
    @Component
    public static class Tr074 extends Regel {
        public Tr074() {
            super("TR074", 3, "9074", "Deze start of stop (zelfde sleutel) is al eerder ontvangen");
        }

        @Override
        public List<Bevinding> controleer(Inhoud inhoud, Controlecontext context) {
            if (!regie(inhoud)) {
                return List.of();
            }
            List<Bevinding> result = new ArrayList<>();
            for (Inhoud.Regel r : inhoud.regels()) {
                if (r.toewijzingNummer() == null || verwijderen(r) || inhoud.gemeente() == null) {
                    continue;
                }
                boolean stop = inhoud.type() == BerichtType.WMO307;
                boolean bekend = context.geheugen().startStops(inhoud.gemeente(), r.toewijzingNummer()).stream()
                        .anyMatch(s -> s.soort() == (stop ? StartStop.Soort.STOP : StartStop.Soort.START)
                                && Objects.equals(s.begindatum(), r.begindatum())
                                && (!stop || Objects.equals(s.einddatum(), r.einddatum())
                                && Objects.equals(s.reden(), r.redenBeeindiging())));
                if (bekend) {
                    result.add(bevinding(r.berichtklasse(), r.pad(), null));
                }
            }
            return result;
        }
    }

    // TR326: a start only when no current start (not yet stopped) exists for the toewijzing; retourcode 9326
    @Component
    public static class Tr326 extends Regel {
        public Tr326() {
            super("TR326", 3, "9326", "Er is nog een lopende start voor deze toewijzing die niet is gestopt");
        }

        @Override
        public List<Bevinding> controleer(Inhoud inhoud, Controlecontext context) {
            if (inhoud.type() != BerichtType.WMO305) {
                return List.of();
            }
            List<Bevinding> result = new ArrayList<>();
            for (Inhoud.Regel r : inhoud.regels()) {
                if (r.toewijzingNummer() == null || verwijderen(r) || inhoud.gemeente() == null) {
                    continue;
                }
                List<StartStop> eerder = context.geheugen().startStops(inhoud.gemeente(), r.toewijzingNummer());
                boolean lopend = eerder.stream().anyMatch(s -> s.soort() == StartStop.Soort.START
                        && !Objects.equals(s.begindatum(), r.begindatum())
                        && eerder.stream().noneMatch(x -> x.soort() == StartStop.Soort.STOP
                        && Objects.equals(x.begindatum(), s.begindatum())));
                if (lopend) {
                    result.add(bevinding(r.berichtklasse(), r.pad(), null));
                }
            }
            return result;
        }
    }

    // TR332: ToewijzingNummer unique per gemeente: a known number may only come back for the same client and
    // aanbieder (IV066 keeps it on every change); retourcode 9332
    @Component
    public static class Tr332 extends Regel {
        public Tr332() {
            super("TR332", 3, "9332", "ToewijzingNummer is bij deze gemeente al gebruikt voor een andere toewijzing");
        }

        @Override
        public List<Bevinding> controleer(Inhoud inhoud, Controlecontext context) {
            if (inhoud.type() != BerichtType.WMO301) {
                return List.of();
            }
            List<Bevinding> result = new ArrayList<>();
            for (Inhoud.Regel r : inhoud.regels()) {
                context.toewijzing(inhoud.gemeente(), r.toewijzingNummer())
                        .filter(t -> t.aanbieder() != null && !t.aanbieder().equals(inhoud.aanbieder())
                                || t.clientPseudoniem() != null && inhoud.clientPseudoniem() != null
                                && !t.clientPseudoniem().equals(inhoud.clientPseudoniem()))
                        .ifPresent(t -> result.add(bevinding(r.berichtklasse(), r.pad(), null)));
            }
            return result;
        }
    }
}
