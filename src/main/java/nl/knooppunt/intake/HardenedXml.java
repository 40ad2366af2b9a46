package nl.knooppunt.intake;

import javax.xml.stream.XMLInputFactory;

/**
 * The one hardened StAX configuration of the hub: no DTD, no external entities, no entity replacement. The intake gate
 * parses every bericht first with it; every later reader of the same bytes (rules, checks, retour writer) uses it too.
 */
public final class HardenedXml {

    private HardenedXml() {
    }

    /** @param coalescing whether adjacent text (incl. CDATA) comes as one event */
    public static XMLInputFactory inputFactory(boolean coalescing) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, coalescing);
        return factory;
    }
}
