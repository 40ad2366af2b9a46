package nl.knooppunt.dashboard;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** What the Berichten page searches for; every field optional. van/tot are days of receipt (Europe/Amsterdam). */
public record Zoekvraag(String traceerId, String identificatie, String declaratieNummer, String aanbieder,
                        String gemeente, String type, String status,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate van,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate tot, Integer pagina) {

    int paginaNummer() {
        return pagina == null || pagina < 1 ? 1 : pagina;
    }

    static String leeg(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
