package nl.knooppunt.validation.termijn;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Set;
import java.util.TreeSet;

/**
 * Werkdagen for the iWmo deadlines (OP090, OP271/OP272, OP274): Monday to Friday, except Dutch public holidays.
 * Holidays are those of the Algemene termijnenwet (art. 3): Nieuwjaarsdag, Goede Vrijdag, Eerste en Tweede Paasdag,
 * Koningsdag, Bevrijdingsdag, Hemelvaartsdag, Eerste en Tweede Pinksterdag, Eerste en Tweede Kerstdag.
 * <p>
 * Choices: Goede Vrijdag counts (the Algemene termijnenwet names it, and deadlines are statutory-style periods).
 * Bevrijdingsdag counts <b>every year</b>: the Algemene termijnenwet names 5 May without the lustrum condition that
 * some collective labour agreements use, and a hub that sometimes ignores it would shorten deadlines for nobody.
 * Koningsdag is 27 April, or 26 April when the 27th is a Sunday.
 */
public final class Werkdagen {

    private Werkdagen() {
    }

    /** Easter Sunday, Gregorian calendar (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    public static LocalDate pasen(int jaar) {
        int a = jaar % 19;
        int b = jaar / 100;
        int c = jaar % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int maand = (h + l - 7 * m + 114) / 31;
        int dag = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(jaar, maand, dag);
    }

    public static Set<LocalDate> feestdagen(int jaar) {
        LocalDate pasen = pasen(jaar);
        LocalDate koningsdag = LocalDate.of(jaar, Month.APRIL, 27);
        if (koningsdag.getDayOfWeek() == DayOfWeek.SUNDAY) {
            koningsdag = koningsdag.minusDays(1);
        }
        Set<LocalDate> dagen = new TreeSet<>();
        dagen.add(LocalDate.of(jaar, Month.JANUARY, 1));
        dagen.add(pasen.minusDays(2));
        dagen.add(pasen);
        dagen.add(pasen.plusDays(1));
        dagen.add(koningsdag);
        dagen.add(LocalDate.of(jaar, Month.MAY, 5));
        dagen.add(pasen.plusDays(39));
        dagen.add(pasen.plusDays(49));
        dagen.add(pasen.plusDays(50));
        dagen.add(LocalDate.of(jaar, Month.DECEMBER, 25));
        dagen.add(LocalDate.of(jaar, Month.DECEMBER, 26));
        return dagen;
    }

    public static boolean isWerkdag(LocalDate dag) {
        DayOfWeek dow = dag.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !feestdagen(dag.getYear()).contains(dag);
    }

    /** The day on which a period of {@code n} werkdagen that starts after {@code vanaf} ends (vanaf itself not counted). */
    public static LocalDate plus(LocalDate vanaf, int n) {
        LocalDate dag = vanaf;
        int geteld = 0;
        while (geteld < n) {
            dag = dag.plusDays(1);
            if (isWerkdag(dag)) {
                geteld++;
            }
        }
        return dag;
    }
}
