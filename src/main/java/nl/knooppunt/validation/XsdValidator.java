package nl.knooppunt.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import nl.knooppunt.intake.Bericht;
import nl.knooppunt.intake.BerichtType;
import nl.knooppunt.payload.Payload;
import org.apache.camel.ExchangeProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Control level 1: the bericht against our iWmo 3.2 XSD. Schemas are compiled once at start-up from the jar (a missing
 * or broken schema stops start-up); imports resolve only to our own schemas, never to the network.
 */
@Component
public class XsdValidator {

    private static final int MAX_MELDINGEN = 10;

    private final Map<BerichtType, Schema> schemas = new EnumMap<>(BerichtType.class);
    /**
     * Validators ready for reuse, per type: {@code newValidator()} builds the whole Xerces pipeline anew, and did so for
     * every bericht. At most {@link #POOL} per type are kept; more concurrent callers make new ones. A Validator is in
     * the pool or with one caller, never with two.
     */
    private final Map<BerichtType, Queue<Validator>> pools = new EnumMap<>(BerichtType.class);
    static final int POOL = 16;

    public XsdValidator() {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("XML schema factory cannot be hardened", e);
        }
        factory.setResourceResolver(new OwnSchemas());
        for (BerichtType type : BerichtType.values()) {
            try (InputStream in = schema(type.xsd())) {
                schemas.put(type, factory.newSchema(new StreamSource(in, "schemas/" + type.xsd())));
                pools.put(type, new ConcurrentLinkedQueue<>());
            } catch (SAXException | IOException e) {
                throw new IllegalStateException("schemas/" + type.xsd() + " cannot be loaded: " + e.getMessage(), e);
            }
        }
    }

    /** Route step. */
    public void check(@ExchangeProperty(Bericht.PROPERTY) Bericht bericht) {
        validate(bericht.payload(), bericht.info().type());
    }

    public void validate(byte[] bytes, BerichtType type) {
        validate(Payload.of(bytes), type);
    }

    /** Streams the bytes through the cached Schema, with a Validator from the pool. */
    public void validate(Payload payload, BerichtType type) {
        Queue<Validator> pool = pools.get(type);
        Validator gebruikt = pool.poll();
        Validator validator = gebruikt != null ? gebruikt : nieuw(type);
        List<Melding> meldingen = new ArrayList<>();
        try {
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXParseException {
                    meldingen.add(Afkeurcode.KP007.melding("regel " + e.getLineNumber() + ", kolom " + e.getColumnNumber()
                            + ": " + Masking.mask(e.getMessage())));
                    if (meldingen.size() >= MAX_MELDINGEN) {
                        throw e;
                    }
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXParseException {
                    error(e);
                    throw e;
                }
            });
            try (InputStream in = payload.open()) {
                validator.validate(new StreamSource(in));
            }
        } catch (SAXException e) {
            if (meldingen.isEmpty()) {
                meldingen.add(Afkeurcode.KP007.melding(Masking.mask(e.getMessage())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            validator.setErrorHandler(null);
            if (pool.size() < POOL) {
                pool.offer(validator);
            }
        }
        if (!meldingen.isEmpty()) {
            throw new AfkeurException(meldingen, false);
        }
    }

    /**
     * A new Validator, hardened once. It is reused without {@code reset()}: Xerces resets its components at the start
     * of every {@code validate}, and in the JDK a {@code setProperty} after {@code reset()} fails (the security
     * manager is gone).
     */
    private Validator nieuw(BerichtType type) {
        Validator validator = schemas.get(type).newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("XML validator cannot be hardened", e);
        }
        return validator;
    }

    /** Validators in the pool of a type (for tests). */
    int bewaard(BerichtType type) {
        return pools.get(type).size();
    }

    private static InputStream schema(String name) throws IOException {
        return new ClassPathResource("schemas/" + name).getInputStream();
    }

    /** Resolves xs:import/include to our own schemas in the jar. */
    private static final class OwnSchemas implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
            String name = systemId == null ? "" : systemId.substring(systemId.lastIndexOf('/') + 1);
            try {
                return new SchemaInput(publicId, "schemas/" + name, schema(name));
            } catch (IOException e) {
                throw new IllegalStateException("schema import " + systemId + " is not one of ours", e);
            }
        }
    }

    private record SchemaInput(String publicId, String systemId, InputStream stream) implements LSInput {
        public java.io.Reader getCharacterStream() { return null; }
        public void setCharacterStream(java.io.Reader r) { }
        public InputStream getByteStream() { return stream; }
        public void setByteStream(InputStream s) { }
        public String getStringData() { return null; }
        public void setStringData(String s) { }
        public String getSystemId() { return systemId; }
        public void setSystemId(String s) { }
        public String getPublicId() { return publicId; }
        public void setPublicId(String s) { }
        public String getBaseURI() { return null; }
        public void setBaseURI(String s) { }
        public String getEncoding() { return null; }
        public void setEncoding(String s) { }
        public boolean getCertifiedText() { return false; }
        public void setCertifiedText(boolean b) { }
    }
}
