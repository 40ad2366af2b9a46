package nl.knooppunt.validation.retour;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import nl.knooppunt.intake.BerichtType;
import nl.knooppunt.intake.HardenedXml;
import nl.knooppunt.payload.Payload;
import nl.knooppunt.validation.Bevinding;
import nl.knooppunt.validation.regels.Berichtklassen;

/**
 * Writes the conformant retourbericht for a heenbericht rejected by in-message rules (IV028, iwmo.md §4.2, §5):
 * <ul>
 * <li>302/306/308/316/318/320: the heen header copied unchanged except BerichtCode, then IdentificatieRetour,
 * DagtekeningRetour, XsltVersie, XsdVersieRetour and RetourCodes 0001; the body keeps only the berichtklassen in error
 * (code 0001) and the berichtklassen that contain them (code 0200);</li>
 * <li>323: a WMO325 from the gemeente with DeclaratieIdentificatie and XsdVersieDeclaratie of the 323, header code 0001,
 * nothing granted, listing only the clients and prestaties in error.</li>
 * </ul>
 * The heenbericht is streamed, never held as a DOM. Each berichtklasse in error carries an XML comment with the ids of
 * the rules it broke, just before its RetourCodes. Pure Java: no Camel, no Spring.
 */
public final class Retourbouwer {

    public static final String VERSIE = "1.0.0";
    static final String TECHNISCH_AFGEKEURD = "0001";
    static final String GEEN_OPMERKING = "0200";
    // written as LF (the JDK writer would escape a CR), turned into CRLF at the end (OP192)
    private static final String EOL = "\n";
    private static final byte[] DECLARATIE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>".getBytes(StandardCharsets.UTF_8);

    private static final Map<BerichtType, BerichtType> RETOUR_VAN = new EnumMap<>(Map.of(
            BerichtType.WMO301, BerichtType.WMO302, BerichtType.WMO305, BerichtType.WMO306,
            BerichtType.WMO307, BerichtType.WMO308, BerichtType.WMO315, BerichtType.WMO316,
            BerichtType.WMO317, BerichtType.WMO318, BerichtType.WMO319, BerichtType.WMO320,
            BerichtType.WMO323, BerichtType.WMO325));

    private final XMLInputFactory in;
    private final XMLOutputFactory out = XMLOutputFactory.newFactory();

    public Retourbouwer() {
        in = HardenedXml.inputFactory(true);
    }

    /** The retour type answering a heen type, or null when none is sent (a retour or 325 gets no retour). */
    public static BerichtType retourType(BerichtType heen) {
        return RETOUR_VAN.get(heen);
    }

    public Retour bouw(byte[] heen, BerichtType heenType, List<Bevinding> bevindingen, String identificatie,
                       LocalDate dagtekening) {
        return bouw(Payload.of(heen), heenType, bevindingen, identificatie, dagtekening);
    }

    /** Streams the heenbericht (a large one is never whole in the heap); the retour is built in memory. */
    public Retour bouw(Payload heen, BerichtType heenType, List<Bevinding> bevindingen, String identificatie,
                       LocalDate dagtekening) {
        BerichtType type = retourType(heenType);
        if (type == null) {
            throw new IllegalArgumentException(heenType + " krijgt geen retourbericht");
        }
        Schrijver s = new Schrijver(heenType, type, bevindingen, identificatie, dagtekening);
        try (InputStream stroom = heen.open()) {
            XMLStreamReader r = in.createXMLStreamReader(stroom);
            try {
                s.schrijf(r);
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException("retourbericht kan niet worden geschreven", e);
        } catch (IOException e) {
            throw new UncheckedIOException("retourbericht kan niet worden geschreven", e);
        }
        java.util.Set<String> codes = new java.util.LinkedHashSet<>(List.of(s.headerCode()));
        s.codesPerEigenaar.values().forEach(codes::addAll);
        if (s.container) {
            codes.add(GEEN_OPMERKING);
        }
        List<String> regels = bevindingen.stream().map(Bevinding::regel).distinct().sorted().toList();
        return new Retour(type, crlf(s.bytes.toByteArray()), identificatie, List.copyOf(codes), regels);
    }

    /** Streams one heenbericht into its retour. */
    private final class Schrijver {
        final BerichtType heenType;
        final BerichtType type;
        final boolean declaratie;
        final String identificatie;
        final LocalDate dagtekening;
        /** berichtklasse pad → rule ids of the findings it owns. */
        final Map<String, Set<String>> eigenaars = new LinkedHashMap<>();
        /** berichtklasse pad → the retourcodes of its findings: 0001 for an in-message rule, the standard's own code
         *  (e.g. 9338) for a check across berichten that a gemeente has the hub reject on. */
        final Map<String, Set<String>> codesPerEigenaar = new LinkedHashMap<>();
        final Set<String> alleRegels = new TreeSet<>();
        boolean technisch;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final Map<String, String> heenHeader = new HashMap<>();
        final Berichtklassen.Padteller teller = new Berichtklassen.Padteller();
        final Deque<Frame> frames = new ArrayDeque<>();
        final StringBuilder tekst = new StringBuilder();
        XMLStreamWriter w;
        int skip;
        boolean container;

        Schrijver(BerichtType heenType, BerichtType type, List<Bevinding> bevindingen, String identificatie,
                  LocalDate dagtekening) {
            this.heenType = heenType;
            this.type = type;
            this.declaratie = type == BerichtType.WMO325;
            this.identificatie = identificatie;
            this.dagtekening = dagtekening;
            for (Bevinding b : bevindingen) {
                eigenaars.computeIfAbsent(eigenaar(b.pad()), p -> new TreeSet<>()).add(b.regel());
                String code = b.retourcode() == null || b.retourcode().isBlank() ? TECHNISCH_AFGEKEURD : b.retourcode();
                codesPerEigenaar.computeIfAbsent(eigenaar(b.pad()), p -> new TreeSet<>()).add(code);
                technisch |= TECHNISCH_AFGEKEURD.equals(code);
                alleRegels.add(b.regel());
            }
        }

        /** 0001 when an in-message rule failed (the whole bericht is technically rejected); otherwise 0200 and the
         *  codes sit on the berichtklassen in error. */
        String headerCode() {
            return technisch ? TECHNISCH_AFGEKEURD : GEEN_OPMERKING;
        }

        void schrijf(XMLStreamReader r) throws XMLStreamException {
            bytes.writeBytes(DECLARATIE);
            w = out.createXMLStreamWriter(bytes, "UTF-8");
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamConstants.START_ELEMENT -> start(r);
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (skip == 0) {
                            tekst.append(r.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> einde();
                    default -> {
                    }
                }
            }
            w.writeCharacters(EOL);
            w.writeEndDocument();
            w.close();
        }

        void start(XMLStreamReader r) throws XMLStreamException {
            tekst.setLength(0);
            String naam = r.getLocalName();
            if (frames.isEmpty()) {
                Frame root = new Frame("Bericht", null, false, false);
                frames.push(root);
                nieuweRegel(0);
                w.writeStartElement(prefixVan(type), "Bericht", type.namespace());
                w.writeNamespace(prefixVan(type), type.namespace());
                w.writeNamespace("iwmo", BerichtType.BASISSCHEMA_NS);
                root.geschreven = true;
                return;
            }
            String pad = teller.start(naam);
            if (skip > 0) {
                skip++;
                return;
            }
            Frame parent = frames.peek();
            boolean inHeader = frames.stream().anyMatch(f -> "Header".equals(f.naam));
            if (declaratie && (inHeader || "Header".equals(naam))) {
                frames.push(new Frame(naam, pad, false, false));
                return;
            }
            if (Berichtklassen.isKlasse(naam) && !"Header".equals(naam) && !bewaard(pad, parent)) {
                skip = 1;
                return;
            }
            if (declaratie && ("DeclaratiePeriode".equals(naam) || "DeclaratieDagtekening".equals(naam))) {
                skip = 1;
                return;
            }
            Frame f = new Frame(naam, pad, Berichtklassen.isKlasse(naam), Berichtklassen.LIJSTEN.contains(naam));
            f.ns = BerichtType.BASISSCHEMA_NS.equals(r.getNamespaceURI()) ? BerichtType.BASISSCHEMA_NS : type.namespace();
            frames.push(f);
            if (!f.lijst) {
                open(f);
            }
        }

        void einde() throws XMLStreamException {
            if (skip > 0) {
                skip--;
                teller.einde();
                return;
            }
            Frame f = frames.pop();
            if (f.pad == null) {
                nieuweRegel(0);
                w.writeEndElement();
                return;
            }
            teller.einde();
            if (f.geschreven == null) {
                // a header element of a 323: remembered for the 325 header
                if (tekst.length() > 0) {
                    heenHeader.put(f.naam, tekst.toString().strip());
                }
                if ("Header".equals(f.naam)) {
                    header325();
                }
                tekst.setLength(0);
                return;
            }
            if (!f.geschreven) {
                tekst.setLength(0);
                return;
            }
            if (f.kinderen) {
                if ("Header".equals(f.naam)) {
                    retourHeader();
                } else if (f.klasse) {
                    retourCodes(f);
                }
                nieuweRegel(frames.size());
            } else {
                String waarde = tekst.toString().strip();
                w.writeCharacters("BerichtCode".equals(f.naam) && frames.size() == 2 ? type.berichtCode() : waarde);
            }
            w.writeEndElement();
            tekst.setLength(0);
            if (declaratie && "TotaalIngediendBedrag".equals(f.naam)) {
                nieuweRegel(frames.size());
                w.writeStartElement(prefixVan(type), "TotaalToegekendBedrag", type.namespace());
                leaf(frames.size() + 1, BerichtType.BASISSCHEMA_NS, "TotaalBedrag", "0");
                leaf(frames.size() + 1, BerichtType.BASISSCHEMA_NS, "DebetCredit", "D");
                nieuweRegel(frames.size());
                w.writeEndElement();
            }
        }

        /** Writes the start tag of f, after the list elements above it that were held back. */
        void open(Frame f) throws XMLStreamException {
            Deque<Frame> wachtend = new ArrayDeque<>();
            for (Frame a : frames) {
                if (a != f && Boolean.FALSE.equals(a.geschreven)) {
                    wachtend.push(a);
                }
            }
            for (Frame a : wachtend) {
                schrijfStart(a);
            }
            schrijfStart(f);
        }

        void schrijfStart(Frame f) throws XMLStreamException {
            int diepte = 0;
            for (Frame a : frames) {
                if (a == f) {
                    break;
                }
                diepte++;
            }
            Frame parent = null;
            boolean volgende = false;
            for (Frame a : frames) {
                if (volgende) {
                    parent = a;
                    break;
                }
                volgende = a == f;
            }
            if (parent != null) {
                parent.kinderen = true;
            }
            int niveau = frames.size() - 1 - diepte;
            nieuweRegel(niveau);
            String naam = declaratie && "Declaratie".equals(f.naam) ? "DeclaratieAntwoord" : f.naam;
            w.writeStartElement(prefix(f.ns), naam, f.ns);
            f.geschreven = true;
        }

        void retourHeader() throws XMLStreamException {
            int d = frames.size() + 1;
            leaf(d, type.namespace(), "IdentificatieRetour", identificatie);
            leaf(d, type.namespace(), "DagtekeningRetour", dagtekening.toString());
            leaf(d, type.namespace(), "XsltVersie", VERSIE);
            xsdVersie(d, "XsdVersieRetour", VERSIE, VERSIE);
            headerCodes(d);
        }

        void header325() throws XMLStreamException {
            int d = 2;
            nieuweRegel(1);
            w.writeStartElement(prefixVan(type), "Header", type.namespace());
            leaf(d, type.namespace(), "BerichtCode", type.berichtCode());
            leaf(d, type.namespace(), "BerichtVersie", "3");
            leaf(d, type.namespace(), "BerichtSubversie", "2");
            leaf(d, type.namespace(), "Afzender", heenHeader.get("Ontvanger"));
            leaf(d, type.namespace(), "Ontvanger", heenHeader.get("Afzender"));
            identificatie(d, "BerichtIdentificatie", identificatie, dagtekening.toString());
            xsdVersie(d, "XsdVersie", VERSIE, VERSIE);
            identificatie(d, "DeclaratieIdentificatie", heenHeader.get("Identificatie"), heenHeader.get("Dagtekening"));
            leaf(d, type.namespace(), "XsltVersie", VERSIE);
            xsdVersie(d, "XsdVersieDeclaratie", heenHeader.getOrDefault("BasisschemaXsdVersie", VERSIE),
                    heenHeader.getOrDefault("BerichtXsdVersie", VERSIE));
            headerCodes(d);
            nieuweRegel(1);
            w.writeEndElement();
            frames.peek().kinderen = true;
        }

        void headerCodes(int d) throws XMLStreamException {
            nieuweRegel(d);
            w.writeComment(" afgekeurd op regels: " + String.join(" ", alleRegels) + " ");
            codes(d, List.of(headerCode()));
        }

        void retourCodes(Frame f) throws XMLStreamException {
            int d = frames.size() + 1;
            Set<String> regels = eigenaars.get(f.pad);
            if (regels != null) {
                nieuweRegel(d);
                w.writeComment(" " + String.join(" ", regels) + " ");
                codes(d, codesPerEigenaar.get(f.pad));
            } else {
                container = true;
                codes(d, List.of(GEEN_OPMERKING));
            }
        }

        void codes(int d, java.util.Collection<String> codes) throws XMLStreamException {
            nieuweRegel(d);
            w.writeStartElement(prefixVan(type), "RetourCodes", type.namespace());
            for (String code : codes) {
                leaf(d + 1, BerichtType.BASISSCHEMA_NS, "RetourCode", code);
            }
            nieuweRegel(d);
            w.writeEndElement();
        }

        void identificatie(int d, String element, String id, String datum) throws XMLStreamException {
            nieuweRegel(d);
            w.writeStartElement(prefixVan(type), element, type.namespace());
            leaf(d + 1, BerichtType.BASISSCHEMA_NS, "Identificatie", id);
            leaf(d + 1, BerichtType.BASISSCHEMA_NS, "Dagtekening", datum);
            nieuweRegel(d);
            w.writeEndElement();
        }

        void xsdVersie(int d, String element, String basis, String bericht) throws XMLStreamException {
            nieuweRegel(d);
            w.writeStartElement(prefixVan(type), element, type.namespace());
            leaf(d + 1, BerichtType.BASISSCHEMA_NS, "BasisschemaXsdVersie", basis);
            leaf(d + 1, BerichtType.BASISSCHEMA_NS, "BerichtXsdVersie", bericht);
            nieuweRegel(d);
            w.writeEndElement();
        }

        void leaf(int d, String ns, String element, String waarde) throws XMLStreamException {
            nieuweRegel(d);
            w.writeStartElement(prefix(ns), element, ns);
            w.writeCharacters(waarde == null ? "" : waarde);
            w.writeEndElement();
        }

        void nieuweRegel(int diepte) throws XMLStreamException {
            if (diepte > 0 || !frames.isEmpty()) {
                w.writeCharacters(EOL + "  ".repeat(Math.max(0, diepte)));
            }
        }

        /** A berichtklasse is kept when it or a klasse inside it is in error, or when its parent klasse needs it. */
        boolean bewaard(String pad, Frame parent) {
            String binnen = pad + "/";
            if (eigenaars.keySet().stream().anyMatch(p -> p.equals(pad) || p.startsWith(binnen))) {
                return true;
            }
            return parent != null && parent.klasse && !"Header".equals(parent.naam);
        }

        String prefix(String ns) {
            return BerichtType.BASISSCHEMA_NS.equals(ns) ? "iwmo" : prefixVan(type);
        }
    }

    private static String prefixVan(BerichtType type) {
        return type.name().toLowerCase();
    }

    private static byte[] crlf(byte[] lf) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(lf.length + lf.length / 16);
        for (byte b : lf) {
            if (b == '\n') {
                out.write('\r');
            }
            out.write(b);
        }
        return out.toByteArray();
    }

    /** The berichtklasse instance a finding belongs to: its path up to the last positioned segment. */
    static String eigenaar(String pad) {
        int eind = pad.lastIndexOf(']');
        return eind < 0 ? pad : pad.substring(0, eind + 1);
    }

    private static final class Frame {
        final String naam;
        final String pad;
        final boolean klasse;
        final boolean lijst;
        String ns;
        /** null: read only (323 header); false: held back (a list element, written with its first kept child). */
        Boolean geschreven;
        boolean kinderen;

        Frame(String naam, String pad, boolean klasse, boolean lijst) {
            this.naam = naam;
            this.pad = pad;
            this.klasse = klasse;
            this.lijst = lijst;
            this.geschreven = lijst ? Boolean.FALSE : null;
        }
    }
}
