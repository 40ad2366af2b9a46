package nl.knooppunt.registry;

import java.time.LocalDate;

/** On {@code datum} the gemeente {@code oudeCode} ended and (part of) it became {@code nieuweCode}. */
public record Herindeling(LocalDate datum, String oudeCode, String oudeNaam, String nieuweCode, String nieuweNaam) {
}
