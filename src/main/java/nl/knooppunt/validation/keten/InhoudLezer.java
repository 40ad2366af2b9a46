package nl.knooppunt.validation.keten;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import nl.knooppunt.audit.Pseudonymizer;
import nl.knooppunt.intake.BerichtType;
import nl.knooppunt.intake.HardenedXml;
import nl.knooppunt.payload.Payload;
import nl.knooppunt.system.Tekens;
import nl.knooppunt.validation.regels.Berichtklassen;
import org.springframework.stereotype.Component;

/**
 * Reads {@link Inhoud} from a bericht that has passed the intake gate and the XSD. The parser is hardened like the
 * gate's (no DTD, no external entities, no entity replacement); a BSN is turned into a keyed pseudonym at once.
 */
@Component
public class InhoudLezer {

    private static final int MAX_TEXT = 64;
    private static final Set<String> KLASSEN = Set.of("ToegewezenProduct", "StartProduct", "StopProduct",
            "AangevraagdProduct", "Verzoek", "Antwoord", "Prestatie");

    private final XMLInputFactory factory;
    private final Pseudonymizer pseudonymizer;

    public InhoudLezer(Pseudonymizer pseudonymizer) {
        this.pseudonymizer = pseudonymizer;
        this.factory = HardenedXml.inputFactory(false);
    }

    public Inhoud lees(byte[] bytes, BerichtType type) {
        return lees(Payload.of(bytes), type);
    }

    public Inhoud lees(Payload payload, BerichtType type) {
        try (InputStream in = payload.open()) {
            XMLStreamReader r = factory.createXMLStreamReader(in);
            try {
                return lees(r, type);
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            // the gate and the XSD accepted these bytes; failing here is a hub fault, not the sender's
            throw new IllegalStateException("bericht na XSD-controle niet leesbaar: " + e.getClass().getSimpleName());
        } catch (IOException e) {
            throw new UncheckedIOException("bericht na XSD-controle niet leesbaar", e);
        }
    }

    private Inhoud lees(XMLStreamReader r, BerichtType type) throws XMLStreamException {
        List<String> path = new ArrayList<>();
        Deque<Map<String, Integer>> tellers = new ArrayDeque<>();
        tellers.push(new HashMap<>());
        List<String> pad = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Map<String, String> header = new HashMap<>();
        Map<String, String> regel = null;
        String regelKlasse = null;
        String regelPad = null;
        String declaratieNummer = null;
        String client = null;
        List<Inhoud.Regel> regels = new ArrayList<>();
        List<Inhoud.Prestatie> prestaties = new ArrayList<>();
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE
                    || event == XMLStreamConstants.ENTITY_DECLARATION) {
                throw new IllegalStateException("DTD of entiteit in een bericht na de intake gate");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String naam = r.getLocalName();
                path.add(naam);
                int n = tellers.peek().merge(naam, 1, Integer::sum);
                tellers.push(new HashMap<>());
                if (path.size() > 1) {
                    // every berichtklasse has its position, as in the level-2 rules and the retour writer
                    pad.add(Berichtklassen.isKlasse(naam) ? naam + "[" + n + "]" : naam);
                }
                text.setLength(0);
                if (regel == null && KLASSEN.contains(naam)) {
                    regel = new HashMap<>();
                    regelKlasse = naam;
                    regelPad = "/" + String.join("/", pad);
                }
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                if (text.length() < MAX_TEXT) {
                    text.append(r.getText(), 0, Math.min(r.getTextLength(), MAX_TEXT - text.length()));
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String naam = path.get(path.size() - 1);
                String parent = path.size() > 1 ? path.get(path.size() - 2) : "";
                String value = text.toString().strip();
                boolean inHeader = path.size() >= 3 && "Header".equals(path.get(1));
                if (inHeader) {
                    header.putIfAbsent(("BerichtIdentificatie".equals(parent) || "DeclaratieIdentificatie".equals(parent)
                            ? parent + "/" : "") + naam, value);
                } else if ("Bsn".equals(naam)) {
                    client = value.isEmpty() ? null : pseudonymizer.pseudonym(value);
                } else if ("DeclaratieNummer".equals(naam) && "Declaratie".equals(parent)) {
                    declaratieNummer = value;
                }
                if (regel != null) {
                    if (naam.equals(regelKlasse)) {
                        if ("Prestatie".equals(regelKlasse)) {
                            prestaties.add(prestatie(regel, regelPad, client));
                        } else {
                            regels.add(regel(regel, regelKlasse, regelPad));
                        }
                        regel = null;
                    } else if (!value.isEmpty()) {
                        regel.putIfAbsent(("Product".equals(parent) || "ProductReferentie".equals(parent)
                                || "ProductPeriode".equals(parent) || "Omvang".equals(parent)
                                || "IngediendBedrag".equals(parent) ? parent + "/" : "") + naam, value);
                    }
                }
                if (path.size() > 1) {
                    pad.remove(pad.size() - 1);
                }
                path.remove(path.size() - 1);
                tellers.pop();
                text.setLength(0);
            }
        }
        boolean retour = header.containsKey("IdentificatieRetour");
        String heen = type == BerichtType.WMO325 ? header.get("DeclaratieIdentificatie/Identificatie")
                : header.get("BerichtIdentificatie/Identificatie");
        return new Inhoud(type, header.get("Afzender"), header.get("Ontvanger"),
                retour ? header.get("IdentificatieRetour") : header.get("BerichtIdentificatie/Identificatie"), heen,
                datum(header.get("BerichtIdentificatie/Dagtekening")), client, regels, declaratieNummer, prestaties);
    }

    private static Inhoud.Regel regel(Map<String, String> v, String klasse, String pad) {
        return new Inhoud.Regel(klasse, pad, getal(v.get("ToewijzingNummer")), v.get("ReferentieAanbieder"),
                v.get("Product/Categorie"), v.get("Product/Code"),
                datum(first(v, "Ingangsdatum", "ToewijzingIngangsdatum")), datum(v.get("Begindatum")),
                datum(first(v, "Einddatum", "ToewijzingEinddatum")), getal(v.get("Omvang/Volume")),
                v.get("Omvang/Eenheid"), v.get("Omvang/Frequentie"), getal(v.get("Budget")), v.get("RedenWijziging"),
                v.get("RedenBeeindiging"), v.get("StatusAanlevering"));
    }

    private static Inhoud.Prestatie prestatie(Map<String, String> v, String pad, String client) {
        boolean credit = "C".equals(v.get("IngediendBedrag/DebetCredit"));
        Long volume = getal(v.get("GeleverdVolume"));
        return new Inhoud.Prestatie(pad, client, v.get("ProductReferentie/ReferentieNummer"),
                getal(v.get("ToewijzingNummer")), v.get("Product/Categorie"), v.get("Product/Code"),
                datum(v.get("ProductPeriode/Begindatum")), datum(v.get("ProductPeriode/Einddatum")),
                volume == null ? null : credit ? -volume : volume, v.get("Eenheid"), credit);
    }

    private static String first(Map<String, String> v, String... names) {
        for (String name : names) {
            if (v.containsKey(name)) {
                return v.get(name);
            }
        }
        return null;
    }

    static Long getal(String s) {
        return Tekens.cijfers(s, 1, 15) ? Long.valueOf(s) : null;
    }

    static LocalDate datum(String s) {
        try {
            return s == null ? null : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
