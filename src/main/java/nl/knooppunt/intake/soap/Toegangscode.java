package nl.knooppunt.intake.soap;

/** Why the SOAP channel refuses a caller or an operation. Texts for the caller, in Dutch; they hold no bericht data. */
enum Toegangscode {
    KP030("SOAP is alleen bereikbaar via mutual TLS met een clientcertificaat"),
    KP031("Het clientcertificaat hoort bij geen deelnemer van Knooppunt (niet geregistreerd in identiteiten.yaml)"),
    KP032("Deze operatie vereist een deelnemer die zich met een clientcertificaat heeft geïdentificeerd"),
    KP033("Uw berichten worden niet via de postbus afgeleverd maar via uw eigen kanaal"),
    KP034("Te veel traceerIds in een verzoek");

    private final String omschrijving;

    Toegangscode(String omschrijving) {
        this.omschrijving = omschrijving;
    }

    String omschrijving() {
        return omschrijving;
    }

    nl.knooppunt.intake.soap.api.Melding melding(String detail) {
        nl.knooppunt.intake.soap.api.Melding melding = new nl.knooppunt.intake.soap.api.Melding();
        melding.setCode(name());
        melding.setOmschrijving(detail == null ? omschrijving : omschrijving + ": " + detail);
        return melding;
    }
}
