package nl.knooppunt.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;

/**
 * The invalid examples under {@code examples/ongeldig/}, documented in {@code examples/README.md}: each breaks one rule
 * and is rejected with the code in its name. Made with {@link BerichtBuilder} and test BSNs only;
 * {@code OngeldigeVoorbeeldenTest} checks the committed files equal these. Regenerate after
 * {@code mvn -o -q test-compile} with
 * {@code java -cp target/test-classes:target/classes nl.knooppunt.examples.OngeldigeVoorbeelden}.
 */
public final class OngeldigeVoorbeelden {

    public static final Path DIR = Path.of("examples/ongeldig");

    /** @param code the melding code the hub answers with, which is also the file name's prefix */
    public record Voorbeeld(String bestand, String code, String xml) {
    }

    private OngeldigeVoorbeelden() {
    }

    /** The KP010 example comes from 42420003, a demo SFTP aanbieder, so the README's SFTP line works in demo mode. */
    public static List<Voorbeeld> voorbeelden() {
        String geldigeBsn = TestBsn.nth(0);
        String ongeldigeBsn = geldigeBsn.substring(0, 8) + (char) ('0' + (geldigeBsn.charAt(8) - '0' + 1) % 10);
        String wmo315 = BerichtBuilder.wmo315().build();
        return List.of(
                new Voorbeeld("KP007-wmo315-geslacht-onbekende-waarde.xml", "KP007",
                        zet(wmo315, "wmo315:Geslacht", "7")),
                new Voorbeeld("KP010-wmo315-onbekende-gemeente.xml", "KP010",
                        BerichtBuilder.wmo315().aanbieder("42420003").gemeente("9999").build()),
                new Voorbeeld("CS002-wmo315-bsn-faalt-elfproef.xml", "CS002",
                        BerichtBuilder.wmo315().bsn(ongeldigeBsn).build()),
                new Voorbeeld("CS003-wmo301-einddatum-voor-ingangsdatum.xml", "CS003",
                        zet(BerichtBuilder.wmo301().build(), "wmo301:Einddatum", "2026-10-01")),
                new Voorbeeld("TR358-wmo323-totaalbedrag-klopt-niet.xml", "TR358",
                        zet(BerichtBuilder.wmo323().build(), "iwmo:TotaalBedrag", "158201")));
    }

    /** Sets the text of the first element with this qualified name. */
    private static String zet(String xml, String qname, String waarde) {
        Matcher m = Pattern.compile("(?s)<" + Pattern.quote(qname) + ">.*?</" + Pattern.quote(qname) + ">")
                .matcher(xml);
        if (!m.find()) {
            throw new IllegalArgumentException(qname + " not in bericht");
        }
        return xml.substring(0, m.start()) + "<" + qname + ">" + waarde + "</" + qname + ">" + xml.substring(m.end());
    }

    public static void main(String[] args) throws IOException {
        Files.createDirectories(DIR);
        for (Voorbeeld v : voorbeelden()) {
            Files.write(DIR.resolve(v.bestand()), v.xml().getBytes(StandardCharsets.UTF_8));
        }
    }
}
