package nl.knooppunt.intake.sftp;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import nl.knooppunt.validation.Melding;

/**
 * The processing report an aanbieder finds in {@code in/} for every file it delivered (schemas/verwerkingsverslag.xsd).
 * It holds the hub's traceerId, the outcome and the meldingen' codes and texts, which are already masked: never a BSN.
 *
 * @param status        GEACCEPTEERD, AFGEKEURD, or DUBBEL (the same content was delivered and processed before)
 * @param berichtStatus the hub's status of the bericht (AFGELEVERD, IN_TRIAGE, AFGEKEURD, GEPARKEERD, …)
 */
record Verwerkingsverslag(String bestandsnaam, String traceerId, String status, String berichtStatus,
                          Instant ontvangenOp, Instant verslagOp, List<Melding> meldingen, String toelichting) {

    static final String NS = "urn:knooppunt:verwerkingsverslag:1";

    byte[] xml() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.setDefaultNamespace(NS);
            w.writeStartElement(NS, "Verwerkingsverslag");
            w.writeDefaultNamespace(NS);
            element(w, "Bestandsnaam", bestandsnaam);
            element(w, "TraceerId", traceerId);
            element(w, "Status", status);
            element(w, "BerichtStatus", berichtStatus);
            element(w, "Ontvangen", ontvangenOp.toString());
            element(w, "Verslagdatum", verslagOp.toString());
            if (toelichting != null) {
                element(w, "Toelichting", toelichting);
            }
            if (!meldingen.isEmpty()) {
                w.writeCharacters("\n  ");
                w.writeStartElement(NS, "Meldingen");
                for (Melding m : meldingen) {
                    w.writeCharacters("\n    ");
                    w.writeStartElement(NS, "Melding");
                    w.writeStartElement(NS, "Code");
                    w.writeCharacters(m.code());
                    w.writeEndElement();
                    w.writeStartElement(NS, "Omschrijving");
                    w.writeCharacters(m.omschrijving() == null ? "" : m.omschrijving());
                    w.writeEndElement();
                    w.writeEndElement();
                }
                w.writeCharacters("\n  ");
                w.writeEndElement();
            }
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("verwerkingsverslag", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter w, String naam, String waarde) throws XMLStreamException {
        w.writeCharacters("\n  ");
        w.writeStartElement(NS, naam);
        w.writeCharacters(waarde == null ? "" : waarde);
        w.writeEndElement();
    }
}
