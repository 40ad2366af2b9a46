package nl.knooppunt.validation.termijn;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * A deadline of the standard, started by one bericht (OP rules; werkdagen per {@link Werkdagen}).
 *
 * @param regel      OP090 (retour within 3 werkdagen), OP090x4 (325 within 10 werkdagen after a 323), OP271 / OP272
 *                   (start / stop within 5 werkdagen after the actual start / stop), OP274 / OP346 (answer on a VOT /
 *                   VOW within 5 werkdagen, with a 301 or 319)
 * @param traceerId  the bericht that started it
 * @param verwacht   what must arrive, e.g. {@code WMO302}, {@code WMO325}, {@code WMO301 of WMO319}
 * @param vanaf      the day the period starts after (receipt, or the actual start/stop date)
 * @param uiterlijk  the last day on time
 * @param voldaanOp  the day it was met, or null while open
 * @param voldaanDoor the traceerId of the bericht that met it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Termijn(String regel, String traceerId, String berichttype, String gemeente, String aanbieder,
                      String verwacht, LocalDate vanaf, LocalDate uiterlijk, LocalDate voldaanOp, String voldaanDoor) {

    public enum Stand { OPEN, VOLDAAN, VERLOPEN, TE_LAAT }

    /** The state today (Dutch time), as the status API and the audit event show it. */
    @com.fasterxml.jackson.annotation.JsonProperty("stand")
    public Stand stand() {
        return stand(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")));
    }

    public Stand stand(LocalDate vandaag) {
        if (voldaanOp != null) {
            return voldaanOp.isAfter(uiterlijk) ? Stand.TE_LAAT : Stand.VOLDAAN;
        }
        return vandaag.isAfter(uiterlijk) ? Stand.VERLOPEN : Stand.OPEN;
    }

    public Termijn voldaan(LocalDate op, String door) {
        return new Termijn(regel, traceerId, berichttype, gemeente, aanbieder, verwacht, vanaf, uiterlijk, op, door);
    }
}
