package nl.knooppunt.validation.regels;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import nl.knooppunt.intake.BerichtType;
import nl.knooppunt.intake.HardenedXml;
import nl.knooppunt.payload.Payload;

/**
 * Reads a bericht that passed the IntakeGate and the XSD into a {@link Berichtmodel} in one streaming pass (no DOM, so
 * a 25 MB WMO323 stays small). The factory is hardened like the IntakeGate's: no DTD, no external entities.
 */
public final class ModelLezer {

    private static final int MAX_WAARDE = 64;

    private final XMLInputFactory factory;

    public ModelLezer() {
        factory = HardenedXml.inputFactory(true);
    }

    public Berichtmodel lees(byte[] bytes, BerichtType type) {
        return lees(Payload.of(bytes), type);
    }

    public Berichtmodel lees(Payload payload, BerichtType type) {
        try (InputStream in = payload.open()) {
            XMLStreamReader r = factory.createXMLStreamReader(in);
            try {
                return lees(r, type);
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            // the IntakeGate parsed these bytes already; failing now is a hub fault, not the sender's
            throw new IllegalStateException("bericht kan niet opnieuw gelezen worden", e);
        } catch (IOException e) {
            throw new UncheckedIOException("bericht kan niet opnieuw gelezen worden", e);
        }
    }

    private Berichtmodel lees(XMLStreamReader r, BerichtType type) throws XMLStreamException {
        Berichtklassen.Padteller teller = new Berichtklassen.Padteller();
        Deque<Klasse> open = new ArrayDeque<>();
        Deque<String> relatief = new ArrayDeque<>();
        Deque<Boolean> heeftInhoud = new ArrayDeque<>();
        List<Klasse> top = new ArrayList<>();
        List<String> leeg = new ArrayList<>();
        Klasse header = null;
        StringBuilder tekst = new StringBuilder();
        int diepte = 0;
        while (r.hasNext()) {
            switch (r.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    diepte++;
                    if (!heeftInhoud.isEmpty()) {
                        heeftInhoud.pop();
                        heeftInhoud.push(true);
                    }
                    heeftInhoud.push(false);
                    tekst.setLength(0);
                    if (diepte == 1) {
                        relatief.push("");
                        continue;
                    }
                    String naam = r.getLocalName();
                    String pad = teller.start(naam);
                    if (Berichtklassen.isKlasse(naam)) {
                        Klasse k = new Klasse(naam, pad);
                        if ("Header".equals(naam)) {
                            header = k;
                        } else if (open.isEmpty()) {
                            top.add(k);
                        } else {
                            open.peek().kinderen().add(k);
                        }
                        open.push(k);
                        relatief.push("");
                    } else {
                        String parent = relatief.peek();
                        relatief.push(parent.isEmpty() ? naam : parent + "/" + naam);
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (tekst.length() < MAX_WAARDE) {
                        tekst.append(r.getText(), 0, Math.min(r.getText().length(), MAX_WAARDE - tekst.length()));
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    boolean kinderen = heeftInhoud.pop();
                    String rel = relatief.pop();
                    if (diepte > 1) {
                        String naam = r.getLocalName();
                        String waarde = tekst.toString().strip();
                        if (!kinderen && waarde.isEmpty()) {
                            leeg.add(teller.pad());
                        }
                        if (Berichtklassen.isKlasse(naam)) {
                            open.pop();
                        } else if (!kinderen && !open.isEmpty()) {
                            open.peek().zet(rel, waarde);
                        }
                        teller.einde();
                    }
                    tekst.setLength(0);
                    diepte--;
                }
                default -> {
                }
            }
        }
        return new Berichtmodel(type, header == null ? new Klasse("Header", "/Header") : header, top, leeg);
    }
}
