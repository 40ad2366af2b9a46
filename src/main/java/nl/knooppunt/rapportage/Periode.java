package nl.knooppunt.rapportage;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The filters of every report: months {@code van}..{@code tot} inclusive (yyyy-MM), and optionally one aanbieder
 * (AGB) and one gemeente (gemeentecode). Without months: the last twelve months up to this one.
 */
public record Periode(YearMonth van, YearMonth tot, String aanbieder, String gemeente) {

    public Periode {
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
        return new Periode(vanMaand, totMaand, blank(aanbieder), blank(gemeente));
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
