package nl.knooppunt.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Throughput, rejections and latency per hour or day, and per aanbieder, gemeente or berichttype, computed from the
 * stored {@code bericht} rows (so it survives restarts). Latency: receipt until delivery, for delivered berichten.
 */
public final class Historie {

    public enum Per { UUR, DAG }

    public enum Groep { AANBIEDER, GEMEENTE, BERICHTTYPE }

    /** A stored bericht as the history needs it. */
    public record Rij(Instant ontvangenOp, Instant gewijzigdOp, String status, String afzender, String ontvanger,
                      String gemeente, String berichttype) {
    }

    /** One time bucket or one group. */
    public record Telling(String label, long ontvangen, long afgekeurd, long afgeleverd, Long gemiddeldeDoorlooptijdMs) {
    }

    public record Resultaat(Per per, Groep groep, Instant van, Instant tot, List<Telling> tijdlijn, List<Telling> groepen) {
    }

    private static final DateTimeFormatter UUR = DateTimeFormatter.ofPattern("dd-MM HH:00");
    private static final DateTimeFormatter DAG = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private Historie() {
    }

    public static Resultaat bereken(List<Rij> rijen, Per per, Groep groep, Instant van, Instant tot) {
        ChronoUnit eenheid = per == Per.UUR ? ChronoUnit.HOURS : ChronoUnit.DAYS;
        Map<ZonedDateTime, Teller> tijdlijn = new TreeMap<>();
        for (ZonedDateTime t = van.atZone(BerichtZoeker.NL).truncatedTo(eenheid); t.toInstant().isBefore(tot);
             t = t.plus(1, eenheid)) {
            tijdlijn.put(t, new Teller());
        }
        Map<String, Teller> groepen = new TreeMap<>();
        for (Rij r : rijen) {
            ZonedDateTime emmer = r.ontvangenOp().atZone(BerichtZoeker.NL).truncatedTo(eenheid);
            tijdlijn.computeIfAbsent(emmer, k -> new Teller()).tel(r);
            groepen.computeIfAbsent(sleutel(r, groep), k -> new Teller()).tel(r);
        }
        DateTimeFormatter f = per == Per.UUR ? UUR : DAG;
        List<Telling> lijn = new ArrayList<>();
        tijdlijn.forEach((t, teller) -> lijn.add(teller.telling(f.format(t))));
        List<Telling> perGroep = new ArrayList<>();
        groepen.forEach((g, teller) -> perGroep.add(teller.telling(g)));
        return new Resultaat(per, groep, van, tot, lijn, perGroep);
    }

    private static String sleutel(Rij r, Groep groep) {
        String s = switch (groep) {
            case AANBIEDER -> isAgb(r.afzender()) ? r.afzender() : isAgb(r.ontvanger()) ? r.ontvanger() : null;
            case GEMEENTE -> r.gemeente();
            case BERICHTTYPE -> r.berichttype();
        };
        return s == null ? "(onbekend)" : s;
    }

    private static boolean isAgb(String code) {
        return code != null && code.length() == 8;
    }

    private static final class Teller {
        long ontvangen, afgekeurd, afgeleverd, doorlooptijd;

        void tel(Rij r) {
            ontvangen++;
            if ("AFGEKEURD".equals(r.status())) {
                afgekeurd++;
            } else if ("AFGELEVERD".equals(r.status())) {
                afgeleverd++;
                doorlooptijd += Math.max(0, Duration.between(r.ontvangenOp(), r.gewijzigdOp()).toMillis());
            }
        }

        Telling telling(String label) {
            return new Telling(label, ontvangen, afgekeurd, afgeleverd, afgeleverd == 0 ? null : doorlooptijd / afgeleverd);
        }
    }
}
