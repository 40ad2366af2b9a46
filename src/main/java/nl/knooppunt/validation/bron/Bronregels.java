package nl.knooppunt.validation.bron;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import nl.knooppunt.registry.Gemeente;
import nl.knooppunt.validation.Bevinding;
import nl.knooppunt.validation.keten.Controlecontext;
import nl.knooppunt.validation.keten.Inhoud;
import nl.knooppunt.validation.keten.Regel;
import org.springframework.stereotype.Component;

/**
 * Control level 4: external sources (system date, CBS gemeentelijst, productcodelijst). Like level 3 these are signals
 * unless the gemeente chose {@code afkeuren}: productcodes may be agreed bilaterally, and a gemeente list may lag.
 */
public final class Bronregels {

    private Bronregels() {
    }

    // TR135: Dagtekening not after the system date; retourcode 8848
    @Component
    public static class Tr135 extends Regel {
        public Tr135() {
            super("TR135", 4, "8848", "Dagtekening ligt in de toekomst");
        }

        @Override
        public List<Bevinding> controleer(Inhoud inhoud, Controlecontext context) {
            return inhoud.dagtekening() != null && inhoud.dagtekening().isAfter(context.vandaag())
                    ? List.of(bevinding("Header", "/Header[1]/BerichtIdentificatie/Dagtekening", null)) : List.of();
        }
    }

    // TR378: the gemeentecode is in the CBS list on the reference date; retourcode S300
    @Component
    public static class Tr378 extends Regel {
        public Tr378() {
            super("TR378", 4, "S300", "Gemeentecode komt niet voor in de CBS-gemeentelijst op de peildatum");
        }

        @Override
        public List<Bevinding> controleer(Inhoud inhoud, Controlecontext context) {
            String code = inhoud.gemeente();
            if (code == null) {
                return List.of();
            }
            LocalDate peildatum = peildatum(inhoud);
            boolean bestaat = context.registry().gemeente(code)
                    .map(g -> peildatum == null || g.bestaatOp(peildatum)).orElse(false);
            if (bestaat) {
                return List.of();
            }
            String pad = code.equals(inhoud.afzender()) ? "/Header[1]/Afzender" : "/Header[1]/Ontvanger";
            return List.of(bevinding("Header", pad, context.registry().gemeente(code).map(Gemeente::opgeheven)
                    .filter(Objects::nonNull).map(d -> "gemeente opgeheven per " + d)
                    .orElse(context.registry().gemeente(code).isPresent() ? "gemeente bestond nog niet" : "onbekend")));
        }

        /** The reference date: the first product line's (Toewijzing)Ingangsdatum or Begindatum, else Dagtekening. */
        static LocalDate peildatum(Inhoud inhoud) {
            return Stream.concat(
                    inhoud.regels().stream().map(r -> r.ingangsdatum() != null ? r.ingangsdatum() : r.begindatum()),
                    inhoud.prestaties().stream().map(Inhoud.Prestatie::begindatum))
                    .filter(Objects::nonNull).findFirst().orElse(inhoud.dagtekening());
        }
    }

    // TR381: ProductCode belongs to ProductCategorie in the productcodelijst (standard or bilateral); retourcode S329
    @Component
    public static class Tr381 extends Regel {
        public Tr381() {
            super("TR381", 4, "S329", "ProductCode hoort niet bij de ProductCategorie volgens de productcodelijst");
        }

        @Override
        public List<Bevinding> controleer(Inhoud inhoud, Controlecontext context) {
            List<Bevinding> result = new ArrayList<>();
            for (Inhoud.Regel r : inhoud.regels()) {
                check(inhoud.gemeente(), r.categorie(), r.code(), r.berichtklasse(), r.pad(), context, result);
            }
            for (Inhoud.Prestatie p : inhoud.prestaties()) {
                check(inhoud.gemeente(), p.categorie(), p.code(), "Prestatie", p.pad(), context, result);
            }
            return result;
        }

        private void check(String gemeente, String categorie, String code, String klasse, String pad,
                           Controlecontext context, List<Bevinding> result) {
            if (categorie == null || code == null) {
                return;
            }
            var entry = context.productcodes().voor(gemeente, code);
            if (entry.isEmpty()) {
                result.add(bevinding(klasse, pad, "code onbekend in de productcodelijst"));
            } else if (!entry.get().categorie().equals(categorie)) {
                result.add(bevinding(klasse, pad, "code hoort bij categorie " + entry.get().categorie()));
            }
        }
    }
}
