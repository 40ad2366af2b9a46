package nl.knooppunt.validation;

/**
 * Knooppunt's transport-level rejection codes (control level 1: no retourbericht, like VECOZO BRS13/BRS14 and
 * GGk IB003/IB005). The first failure decides the answer.
 */
public enum Afkeurcode {
    KP001("Het bericht is leeg of geen goedgevormde XML"),
    KP002("Het bericht begint met een byte order mark (OP192: UTF-8 zonder BOM)"),
    KP003("Het bericht bevat een DOCTYPE of entiteitdeclaratie; die zijn niet toegestaan"),
    KP004("Het bericht is groter dan toegestaan (OP179)"),
    KP005("Onbekende namespace of release: Knooppunt verwerkt iWmo 3.2"),
    KP006("BerichtCode past niet bij het berichttype van het root-element"),
    KP007("Het bericht voldoet niet aan de XSD van iWmo 3.2"),
    KP008("Afzender in het bericht is niet de deelnemer die het bericht aanlevert"),
    KP009("Duplicaat: dit bericht (zelfde afzender, berichtsoort, Identificatie en inhoud) is al eerder ontvangen en wordt niet opnieuw afgeleverd"),
    KP010("Ontvanger-gemeente is onbekend in het gemeenteregister (CBS-lijst)"),
    KP011("Ontvanger-aanbieder (AGB-code) is onbekend bij Knooppunt");

    private final String omschrijving;

    Afkeurcode(String omschrijving) {
        this.omschrijving = omschrijving;
    }

    public String omschrijving() {
        return omschrijving;
    }

    public Melding melding(String detail) {
        return new Melding(name(), detail == null || detail.isBlank() ? omschrijving : omschrijving + ": " + detail);
    }
}
