package nl.knooppunt.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A demo bericht made from one of the shipped examples ({@code examples/wmoNNN.xml}, packaged in the jar): the example
 * is valid and conformant, so only the fields that make a bericht unique (parties, identificatie, client, product) are
 * varied. Works on the text of the hub's own trusted templates; never used to read incoming berichten.
 */
final class Sjabloon {

    private String xml;

    private Sjabloon(String xml) {
        this.xml = xml;
    }

    static Sjabloon van(String berichtNummer) {
        try (InputStream in = Sjabloon.class.getResourceAsStream("/examples/wmo" + berichtNummer + ".xml")) {
            if (in == null) {
                throw new IllegalStateException("no example wmo" + berichtNummer + ".xml in the jar");
            }
            String tekst = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // the example's comment describes the example, not the demo bericht
            return new Sjabloon(tekst.replaceFirst("<!--[^>]*-->\\r?\\n", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the text of every element with this local name (any prefix). */
    Sjabloon zet(String naam, String waarde) {
        return zet(naam, List.of(waarde), false);
    }

    /** Sets the text of the first element with this local name. */
    Sjabloon zetEerste(String naam, String waarde) {
        return zet(naam, List.of(waarde), true);
    }

    /** Sets the elements with this local name in document order to these values; the last value repeats. */
    Sjabloon zetOpVolgorde(String naam, List<String> waarden) {
        return zet(naam, waarden, false);
    }

    private Sjabloon zet(String naam, List<String> waarden, boolean alleenEerste) {
        Matcher m = Pattern.compile("(<(\\w+:)?" + naam + ">)([^<]*)(</(\\w+:)?" + naam + ">)").matcher(xml);
        StringBuilder out = new StringBuilder();
        int i = 0;
        boolean gevonden = false;
        while (m.find()) {
            gevonden = true;
            String waarde = waarden.get(Math.min(i++, waarden.size() - 1));
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + waarde + m.group(4)));
            if (alleenEerste) {
                break;
            }
        }
        if (!gevonden) {
            throw new IllegalArgumentException("template has no element " + naam);
        }
        m.appendTail(out);
        xml = out.toString();
        return this;
    }

    /** Keeps the first {@code aantal} elements with this local name (with their content) and removes the rest. */
    Sjabloon behoud(String naam, int aantal) {
        Matcher m = Pattern.compile("(?s)\\r?\\n[ ]*<(\\w+:)?" + naam + ">.*?</(\\w+:)?" + naam + ">").matcher(xml);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (m.find()) {
            m.appendReplacement(out, i++ < aantal ? Matcher.quoteReplacement(m.group()) : "");
        }
        m.appendTail(out);
        xml = out.toString();
        return this;
    }

    String xml() {
        return xml;
    }

    byte[] bytes() {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
