package nl.knooppunt.dashboard;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.Locale;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.XMLEvent;
import nl.knooppunt.intake.HardenedXml;

/**
 * A bericht's XML with the value of every {@code Bsn} element (any namespace) replaced by {@code *********}, in one
 * streaming pass with the hub's hardened parser: no DTD, no external entities. XML with a DOCTYPE, or that does not
 * parse, is never shown, masked or not.
 */
public final class BsnMasker {

    public static final String MASKER = "*********";

    private static final XMLOutputFactory OUT = XMLOutputFactory.newFactory();
    private static final XMLEventFactory EVENTS = XMLEventFactory.newFactory();

    private BsnMasker() {
    }

    /** @throws NietLeesbaar when the bytes are not well-formed XML */
    public static String maskeer(byte[] xml) {
        return maskeer(new ByteArrayInputStream(xml), xml.length, Integer.MAX_VALUE);
    }

    /**
     * At most {@code maxTekens} characters of the masked XML, streamed (a large declaratie is never whole in memory
     * here); when there is more, the text ends with a comment that says so. The rest is still parsed to its end, so
     * XML that breaks further on is not shown either.
     *
     * @param grootte the bericht's size in bytes, for the comment
     * @throws NietLeesbaar when the bytes are not well-formed XML
     */
    public static String maskeer(InputStream xml, long grootte, int maxTekens) {
        StringWriter uit = new StringWriter((int) Math.min(grootte, maxTekens) + 64);
        try {
            XMLEventReader reader = HardenedXml.inputFactory(true).createXMLEventReader(xml);
            XMLEventWriter writer = OUT.createXMLEventWriter(uit);
            int inBsn = 0;
            boolean gemaskeerd = false;
            boolean vol = false;
            while (reader.hasNext()) {
                XMLEvent e = reader.nextEvent();
                if (vol) {
                    continue; // parsed to the end, not written
                }
                if (maxTekens != Integer.MAX_VALUE) {
                    writer.flush();
                    if (uit.getBuffer().length() >= maxTekens) {
                        vol = true;
                        uit.write(String.format(Locale.forLanguageTag("nl"), "%n<!-- Knooppunt: alleen de eerste %,d "
                                + "tekens getoond; het hele bericht is %,d bytes -->", maxTekens, grootte));
                        continue;
                    }
                }
                if (e.getEventType() == XMLEvent.DTD) {
                    throw new NietLeesbaar(); // the intake gate refuses a DOCTYPE (KP003); so does inzage
                }
                if (e.isStartElement()) {
                    if (inBsn > 0) {
                        inBsn++; // nested markup inside a Bsn is content too: left out
                        continue;
                    }
                    writer.add(e);
                    if ("Bsn".equals(e.asStartElement().getName().getLocalPart())) {
                        inBsn = 1;
                        gemaskeerd = false;
                    }
                    continue;
                }
                if (e.isEndElement() && inBsn > 0) {
                    if (--inBsn > 0) {
                        continue;
                    }
                    if (!gemaskeerd) {
                        writer.add(EVENTS.createCharacters(MASKER));
                    }
                    writer.add(e);
                    continue;
                }
                if (inBsn > 0) {
                    if (!gemaskeerd && (e.isCharacters() || e.isEntityReference())) {
                        writer.add(EVENTS.createCharacters(MASKER));
                        gemaskeerd = true;
                    }
                    continue;
                }
                writer.add(e);
            }
            if (!vol) {
                writer.close();
            }
            reader.close();
        } catch (XMLStreamException | RuntimeException e) {
            throw new NietLeesbaar();
        }
        return uit.toString();
    }

    /** The payload is no well-formed XML, so it cannot be masked and is not shown. */
    public static class NietLeesbaar extends RuntimeException {
        NietLeesbaar() {
            super("De inhoud is geen leesbare XML en kan niet gemaskeerd worden; ze wordt niet getoond");
        }
    }
}
