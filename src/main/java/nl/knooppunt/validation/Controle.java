package nl.knooppunt.validation;

/**
 * A control the hub applies to berichten, as the standard names it. Every implemented rule is one (a Spring bean or a
 * catalogue entry), so that {@code docs/validation.md} can be generated from, and checked against, the code.
 */
public interface Controle {

    /** The standard's id, e.g. {@code TR358}. */
    String id();

    /** iWmo control level: 2 in-message, 3 across berichten, 4 external sources. */
    int niveau();

    /** The retourcode the standard attaches to a failure. */
    String retourcode();

    /** One line in Dutch: what is checked. */
    String omschrijving();
}
