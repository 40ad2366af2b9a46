package nl.knooppunt.rapportage;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The filters of every report: months {@code van}..{@code tot} inclusive (yyyy-MM), and optionally one aanbieder
 * (AGB) and one gemeente (gemeentecode). Without months: the last twelve months up to this one.
 *
 * @param peildatum the day the report is made as of ("today"): a deadline not met by then counts as open
 * @param scope     the gemeenten the user may see (security.Scope); empty: all
 */
public record Periode(YearMonth van, YearMonth tot, String aanbieder, String gemeente, LocalDate peildatum,
                      Set<String> scope) {

    public Periode(YearMonth van, YearMonth tot, String aanbieder, String gemeente) {
        this(van, tot, aanbieder, gemeente, LocalDate.now(RapportFeiten.NL), Set.of());
    }

    public Periode {
        scope = scope == null ? Set.of() : Set.copyOf(scope);
        if (peildatum == null) {
            throw new IllegalArgumentException("peildatum ontbreekt");
        }
        if (van.isAfter(tot)) {
            throw new IllegalArgumentException("van (" + van + ") ligt na tot (" + tot + ")");
        }
        if (van.plusMonths(60).isBefore(tot)) {
            throw new IllegalArgumentException("een rapport beslaat hoogstens 60 maanden");
        }
        if (aanbieder != null && !aanbieder.matches("[0-9]{8}")) {
            throw new IllegalArgumentException("aanbieder moet een AGB-code van 8 cijfers zijn");
        }
        if (gemeente != null && !gemeente.matches("[0-9]{4}")) {
            throw new IllegalArgumentException("gemeente moet een gemeentecode van 4 cijfers zijn");
        }
    }

    public static Periode of(String van, String tot, String aanbieder, String gemeente, LocalDate vandaag) {
        YearMonth totMaand = tot == null || tot.isBlank() ? YearMonth.from(vandaag) : maand("tot", tot);
        YearMonth vanMaand = van == null || van.isBlank() ? totMaand.minusMonths(11) : maand("van", van);
        return new Periode(vanMaand, totMaand, blank(aanbieder), blank(gemeente), vandaag, Set.of());
    }

    /** The same filters, limited to the gemeenten of this user's scope (empty: all). */
    public Periode binnen(Set<String> gemeenten) {
        return new Periode(van, tot, aanbieder, gemeente, peildatum, gemeenten);
    }

    public String vanText() {
        return van.toString();
    }

    public String totText() {
        return tot.toString();
    }

    public List<YearMonth> maanden() {
        List<YearMonth> maanden = new ArrayList<>();
        for (YearMonth m = van; !m.isAfter(tot); m = m.plusMonths(1)) {
            maanden.add(m);
        }
        return maanden;
    }

    private static YearMonth maand(String naam, String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(naam + " moet een maand zijn als 2026-03");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
