package nl.knooppunt.demo;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import nl.knooppunt.intake.HardenedXml;

/**
 * What a fictional gemeente system reads from a bericht it received: the texts of the leaf elements by local name, in
 * document order. Uses the hub's hardened StAX factory (no DTD, no external entities).
 */
record Velden(Map<String, List<String>> teksten) {

    static Velden lees(byte[] bericht) {
        Map<String, List<String>> teksten = new LinkedHashMap<>();
        try {
            XMLStreamReader r = HardenedXml.inputFactory(true).createXMLStreamReader(new ByteArrayInputStream(bericht));
            String naam = null;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    naam = r.getLocalName();
                } else if (event == XMLStreamConstants.CHARACTERS && naam != null && !r.isWhiteSpace()) {
                    teksten.computeIfAbsent(naam, k -> new ArrayList<>()).add(r.getText().strip());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    naam = null;
                }
            }
            r.close();
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("demo: bericht not readable: " + e.getMessage(), e);
        }
        return new Velden(teksten);
    }

    String eerste(String naam) {
        List<String> l = teksten.get(naam);
        return l == null || l.isEmpty() ? null : l.get(0);
    }

    List<String> alle(String naam) {
        return teksten.getOrDefault(naam, List.of());
    }
}
