package nl.knooppunt.intake;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import nl.knooppunt.audit.Pseudonymizer;
import nl.knooppunt.payload.Payload;
import nl.knooppunt.system.KnooppuntProperties;
import nl.knooppunt.system.Tekens;
import nl.knooppunt.validation.AfkeurException;
import nl.knooppunt.validation.Afkeurcode;
import nl.knooppunt.validation.Masking;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * The one gate every bericht passes before any XML component sees it: size cap (OP179), no BOM (OP192), no DOCTYPE
 * or entities, a hardened streaming parse, then detection of namespace, release, berichttype and BerichtCode.
 * BSNs read on the way are turned into keyed pseudonyms at once and never leave this class.
 */
@Component
public class IntakeGate {

    private static final Pattern ISTANDAARD_NS = Pattern.compile("http://www\\.istandaarden\\.nl/(\\w+)/(\\w+)/(\\w+)/schema");
    private static final int MAX_TEXT = 256;
    // no iWmo element repeats this often under one parent in a bericht within the size cap (a Client or product line
    // takes hundreds of bytes); a flood of siblings is refused while streaming instead of by a slow XSD pass
    static final int MAX_CHILDREN = 100_000;
    // the berichtklassen that carry a product line, in every bericht type (iwmo.md §5)
    private static final Set<String> PRODUCTREGELS = Set.of("ToegewezenProduct", "StartProduct", "StopProduct",
            "AangevraagdProduct", "OngewijzigdProduct", "TeWijzigenProduct", "NieuwProduct", "Prestatie");

    private final XMLInputFactory factory;
    private final long maxSize;
    private final Pseudonymizer pseudonymizer;

    public IntakeGate(KnooppuntProperties properties, Pseudonymizer pseudonymizer) {
        this.maxSize = properties.maxBerichtSize().toBytes();
        this.pseudonymizer = pseudonymizer;
        this.factory = HardenedXml.inputFactory(false);
    }

    /** Route step: inspects the bericht on the exchange and records what it found on it. */
    public void check(@ExchangeProperty(Bericht.PROPERTY) Bericht bericht) {
        bericht.info(inspect(bericht.payload()));
    }

    public BerichtInfo inspect(byte[] bytes) {
        return inspect(Payload.of(bytes));
    }

    /** Streams the bytes: a large bericht is never whole in the heap here. */
    public BerichtInfo inspect(Payload payload) {
        if (payload.size() == 0) {
            throw AfkeurException.of(Afkeurcode.KP001, "het bericht is leeg");
        }
        if (payload.size() > maxSize) {
            throw AfkeurException.of(Afkeurcode.KP004, payload.size() + " bytes, maximaal " + maxSize);
        }
        try (InputStream in = payload.inMemory() ? payload.open() : new BufferedInputStream(payload.open())) {
            in.mark(3);
            byte[] begin = in.readNBytes(3);
            if (startsWithBom(begin)) {
                throw AfkeurException.of(Afkeurcode.KP002, null);
            }
            in.reset();
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("bericht niet leesbaar", e);
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? "" : " (regel " + e.getLocation().getLineNumber() + ", kolom "
                    + e.getLocation().getColumnNumber() + ")";
            throw AfkeurException.of(Afkeurcode.KP001, Masking.mask(firstLine(e.getMessage())) + where);
        }
    }

    private BerichtInfo parse(InputStream in) throws XMLStreamException {
        XMLStreamReader r = factory.createXMLStreamReader(in);
        try {
            String encoding = r.getCharacterEncodingScheme();
            if (encoding != null && !encoding.equalsIgnoreCase("UTF-8")) {
                throw AfkeurException.of(Afkeurcode.KP001, "codering " + Masking.mask(encoding) + "; OP192 vraagt UTF-8");
            }
            Reading reading = null;
            List<String> path = new ArrayList<>();
            int[] children = new int[64]; // children seen so far per open element, by depth
            StringBuilder text = new StringBuilder();
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_DECLARATION ->
                            throw AfkeurException.of(Afkeurcode.KP003, null);
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                            throw AfkeurException.of(Afkeurcode.KP003, "entiteitverwijzing");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (reading == null) {
                            reading = new Reading(detect(r.getNamespaceURI(), r.getLocalName()));
                        } else if (!reading.type.namespace().equals(r.getNamespaceURI())
                                && !BerichtType.BASISSCHEMA_NS.equals(r.getNamespaceURI())) {
                            // every element of an iWmo bericht is in its own namespace or the basisschema's (both
                            // qualified, no xs:any): a foreign one is refused here, before a flood of them reaches
                            // the XSD validator
                            throw AfkeurException.of(Afkeurcode.KP007, "element " + Masking.mask(shorten(r.getLocalName()))
                                    + " (regel " + r.getLocation().getLineNumber() + ") hoort niet bij een "
                                    + reading.type.name().toLowerCase() + "-bericht");
                        }
                        if (path.size() >= children.length) {
                            children = java.util.Arrays.copyOf(children, children.length * 2);
                        }
                        if (!path.isEmpty() && ++children[path.size() - 1] > MAX_CHILDREN) {
                            throw AfkeurException.of(Afkeurcode.KP007, "meer dan " + MAX_CHILDREN
                                    + " elementen onder " + Masking.mask(shorten(path.get(path.size() - 1))));
                        }
                        children[path.size()] = 0;
                        path.add(r.getLocalName());
                        text.setLength(0);
                        reading.start(r.getLocalName());
                        // Bericht/Client (301..320) or Bericht/Declaratie(Antwoord)/Clienten/Client (323, 325)
                        if ("Client".equals(r.getLocalName()) && (path.size() == 2 || path.size() == 4)) {
                            reading.clienten++;
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (text.length() < MAX_TEXT) {
                            text.append(r.getText(), 0, Math.min(r.getTextLength(), MAX_TEXT - text.length()));
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        reading.value(path, text.toString().strip());
                        path.remove(path.size() - 1);
                        text.setLength(0);
                    }
                    default -> {
                    }
                }
            }
            if (reading == null) {
                throw AfkeurException.of(Afkeurcode.KP001, "geen root-element");
            }
            return reading.info();
        } finally {
            r.close();
        }
    }

    private static BerichtType detect(String namespace, String localName) {
        BerichtType type = BerichtType.byNamespace(namespace == null ? "" : namespace).orElse(null);
        if (type != null && "Bericht".equals(localName)) {
            return type;
        }
        if (type != null) {
            throw AfkeurException.of(Afkeurcode.KP005, "root-element " + Masking.mask(shorten(localName)) + " is geen Bericht");
        }
        Matcher m = ISTANDAARD_NS.matcher(namespace == null ? "" : namespace);
        if (m.matches() && m.group(1).equals("iwmo")) {
            throw AfkeurException.of(Afkeurcode.KP005, "release " + Masking.mask(shorten(m.group(2)).replace('_', '.'))
                    + " wordt niet verwerkt");
        }
        if (m.matches()) {
            throw AfkeurException.of(Afkeurcode.KP005, "standaard " + Masking.mask(shorten(m.group(1)))
                    + " wordt niet verwerkt, alleen iwmo");
        }
        String shown = namespace == null || namespace.isEmpty() ? "(geen namespace)"
                : Masking.mask(namespace.length() > 120 ? namespace.substring(0, 120) + "…" : namespace);
        throw AfkeurException.of(Afkeurcode.KP005, shown);
    }

    private final class Reading {
        final BerichtType type;
        String berichtCode;
        String afzender;
        String ontvanger;
        String identificatie;
        String dagtekening;
        final Set<String> categorieen = new TreeSet<>();
        final List<String> pseudoniemen = new ArrayList<>();
        String totaalBedrag;
        String totaalDebetCredit;
        int clienten;
        final List<ProductRegel> producten = new ArrayList<>();
        java.util.Map<String, String> regel;
        String regelSoort;
        String declaratiePeriodeBegin;

        Reading(BerichtType type) {
            this.type = type;
        }

        void start(String element) {
            if (PRODUCTREGELS.contains(element) && regel == null) {
                regel = new java.util.HashMap<>();
                regelSoort = element;
            }
        }

        void value(List<String> path, String value) {
            String element = path.get(path.size() - 1);
            String parent = path.size() > 1 ? path.get(path.size() - 2) : "";
            if (regel != null) {
                if (element.equals(regelSoort)) {
                    producten.add(productRegel());
                    regel = null;
                } else if (!value.isEmpty() && value.length() <= 12) {
                    regel.putIfAbsent(element, value);
                }
            }
            if ("Begindatum".equals(element) && "DeclaratiePeriode".equals(parent)) {
                declaratiePeriodeBegin = value;
            }
            boolean inHeader = path.size() >= 3 && "Header".equals(path.get(1));
            if (inHeader && path.size() == 3) {
                switch (element) {
                    case "BerichtCode" -> {
                        berichtCode = value;
                        if (!type.berichtCode().equals(value)) {
                            throw AfkeurException.of(Afkeurcode.KP006, "BerichtCode " + Masking.mask(shorten(value))
                                    + " in een " + type + " (verwacht " + type.berichtCode() + ")");
                        }
                    }
                    case "Afzender" -> afzender = partyCode(value);
                    case "Ontvanger" -> ontvanger = partyCode(value);
                    default -> {
                    }
                }
            } else if (inHeader && path.size() == 4 && "BerichtIdentificatie".equals(parent)) {
                if ("Identificatie".equals(element)) {
                    identificatie = value.length() <= 12 ? Masking.maskBsnLike(value) : null;
                } else if ("Dagtekening".equals(element)) {
                    dagtekening = shorten(value);
                }
            } else if ("Bsn".equals(element)) {
                if (!value.isEmpty() && !pseudoniemen.contains(pseudonymizer.pseudonym(value))) {
                    pseudoniemen.add(pseudonymizer.pseudonym(value));
                }
            } else if (("Categorie".equals(element) && "Product".equals(parent)) || "ProductCategorie".equals(element)) {
                if (Tekens.cijfers(value, 2, 2)) {
                    categorieen.add(value);
                }
            } else if ("TotaalIngediendBedrag".equals(parent) && path.size() == 4) {
                if ("TotaalBedrag".equals(element)) {
                    totaalBedrag = value;
                } else if ("DebetCredit".equals(element)) {
                    totaalDebetCredit = value;
                }
            }
        }

        BerichtInfo info() {
            if (berichtCode == null) {
                throw AfkeurException.of(Afkeurcode.KP006, "geen Header/BerichtCode gevonden");
            }
            Long totaal = null;
            if (Tekens.cijfers(totaalBedrag, 1, 15)) {
                totaal = Long.parseLong(totaalBedrag) * ("C".equals(totaalDebetCredit) ? -1 : 1);
            }
            return new BerichtInfo(type, berichtCode, afzender, ontvanger, identificatie, dagtekening,
                    Set.copyOf(categorieen), totaal, clienten, List.copyOf(pseudoniemen), producten,
                    declaratiePeriodeBegin);
        }

        private ProductRegel productRegel() {
            String nummer = regel.get("ToewijzingNummer");
            return new ProductRegel(regelSoort,
                    Tekens.cijfers(nummer, 1, 9) ? Long.valueOf(nummer) : null,
                    first("Categorie", "ProductCategorie"),
                    first("Code", "ProductCode"),
                    first("ToewijzingIngangsdatum", "Ingangsdatum", "GewensteIngangsdatum", "Begindatum"),
                    first("Einddatum"),
                    first("RedenWijziging"),
                    first("RedenBeeindiging"),
                    ProductRegel.alsGetal(first("GeleverdVolume", "Volume")),
                    first("Eenheid"),
                    first("Frequentie"),
                    ProductRegel.alsGetal(first("ProductTarief")),
                    bedrag());
        }

        private Long bedrag() {
            Long bedrag = ProductRegel.alsGetal(first("Bedrag"));
            return bedrag != null && "C".equals(first("DebetCredit")) ? Long.valueOf(-bedrag) : bedrag;
        }

        private String first(String... names) {
            for (String name : names) {
                if (regel.containsKey(name)) {
                    return regel.get(name);
                }
            }
            return null;
        }
    }

    /** Only a gemeentecode or AGB-code is kept: anything else in a party field is no party (and could be a BSN). */
    private static String partyCode(String value) {
        return BerichtInfo.isGemeentecode(value) || BerichtInfo.isAgb(value) ? value : null;
    }

    private static String shorten(String s) {
        return s.length() > 36 ? s.substring(0, 36) : s;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String line = s.replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
        int nl = line.indexOf('\n');
        return nl < 0 ? line : line.substring(0, nl);
    }

    private static boolean startsWithBom(byte[] b) {
        return (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF)
                || (b.length >= 2 && (((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)
                || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE)));
    }
}
