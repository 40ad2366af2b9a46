package nl.knooppunt.dashboard;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Dutch display of times and durations for the templates: {@code ${@weergave.tijd(t)}}. */
@Component("weergave")
public class Weergave {

    private static final DateTimeFormatter TIJD = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss").withZone(BerichtZoeker.NL);

    public String tijd(Instant t) {
        return t == null ? "–" : TIJD.format(t);
    }

    /** 42 s, 3 min 5 s, 2 u 10 min, 3 d 4 u. */
    public String duur(Long seconden) {
        if (seconden == null) {
            return "–";
        }
        long s = seconden;
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        if (s < 86_400) {
            return s / 3600 + " u " + s % 3600 / 60 + " min";
        }
        return s / 86_400 + " d " + s % 86_400 / 3600 + " u";
    }

    public String ms(Long ms) {
        return ms == null ? "–" : ms < 1000 ? ms + " ms" : String.format(java.util.Locale.forLanguageTag("nl"), "%.1f s", ms / 1000.0);
    }

    /** CSS class for a flow's or bericht's state. */
    public String klasse(String toestand) {
        if (toestand == null) {
            return "status";
        }
        return switch (toestand) {
            case "GOED", "AFGELEVERD", "GEROUTEERD" -> "status status-goed";
            case "STORING", "AFGEKEURD", "GESTOPT" -> "status status-fout";
            default -> "status status-waarschuwing";
        };
    }
}
