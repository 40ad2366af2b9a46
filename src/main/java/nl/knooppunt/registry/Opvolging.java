package nl.knooppunt.registry;

import java.time.LocalDate;
import java.util.List;

/** What a gemeentecode means on a reference date, after herindelingen. */
public sealed interface Opvolging {

    /** The gemeente that holds the code's place on that date; {@code keten} is empty when the code itself held it. */
    record Geldig(Gemeente gemeente, List<Herindeling> keten) implements Opvolging {
    }

    /** The gemeente was split over several successors: no single answer, so a person must decide (triage). */
    record Gesplitst(String code, String naam, LocalDate datum, List<String> opvolgers) implements Opvolging {
    }

    record Onbekend(String code) implements Opvolging {
    }
}
