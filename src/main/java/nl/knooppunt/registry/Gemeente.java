package nl.knooppunt.registry;

import java.time.LocalDate;

/**
 * A gemeente, current or historical. It exists from {@code geldigVan} (null: before any date we know) until the day
 * before {@code opgeheven} (null: still exists).
 */
public record Gemeente(String code, String naam, String provincie, LocalDate geldigVan, LocalDate opgeheven) {

    public Gemeente(String code, String naam, String provincie) {
        this(code, naam, provincie, null, null);
    }

    public boolean bestaatOp(LocalDate datum) {
        return (geldigVan == null || !datum.isBefore(geldigVan)) && (opgeheven == null || datum.isBefore(opgeheven));
    }
}
