package nl.knooppunt.validation.corpus;

import static nl.knooppunt.testdata.BerichtBuilder.wmo301;
import static nl.knooppunt.testdata.BerichtBuilder.wmo305;
import static nl.knooppunt.testdata.BerichtBuilder.wmo307;
import static nl.knooppunt.testdata.BerichtBuilder.wmo315;
import static nl.knooppunt.testdata.BerichtBuilder.wmo317;
import static nl.knooppunt.testdata.BerichtBuilder.wmo319;
import static nl.knooppunt.testdata.BerichtBuilder.wmo323;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;

/**
 * The validation corpus under {@code src/test/resources/corpus}: valid berichten of all 14 types, and invalid
 * heenberichten, each breaking one in-message rule (a few break two, by nature), made with {@link BerichtBuilder} and
 * test BSNs only. {@code CorpusTest} checks the committed files equal what this generates; regenerate after
 * {@code mvn -o -q test-compile} with {@code java -cp target/test-classes:target/classes nl.knooppunt.validation.corpus.Corpus}.
 */
public final class Corpus {

    public static final Path DIR = Path.of("src/test/resources/corpus");

    /** One corpus file. {@code verwacht} empty: valid, accepted by the hub. */
    public record Geval(String bestand, String type, List<String> verwacht, String xml) {
        public boolean geldig() {
            return verwacht.isEmpty();
        }
    }

    private Corpus() {
    }

    public static List<Geval> gevallen() {
        List<Geval> g = new ArrayList<>();
        for (String type : BerichtBuilder.types()) {
            g.add(new Geval("geldig/" + type.toLowerCase() + ".xml", type, List.of(),
                    // fixed, so the committed corpus does not depend on how many builders ran before
                    BerichtBuilder.of(type).identificatieRetour(type + "-0001").build()));
        }
        String p1 = "wmo301:";
        String ongeldigeBsn = ongeldig(TestBsn.nth(0));
        fout(g, "CS002", "wmo301-bsn-elfproef", wmo301().bsn(ongeldigeBsn).build());
        fout(g, "CS002", "wmo323-tweede-client-bsn-elfproef", wmo323().bsn2(ongeldig(TestBsn.nth(1))).build());
        fout(g, "TR002", "wmo301-geboortedatum-te-oud", zet(wmo301().build(), "iwmo:Datum", "1901-05-05"));
        fout(g, "CS139", "wmo301-datumgebruik-dag-onbekend", na(wmo301().build(), "iwmo:Datum",
                "<iwmo:DatumGebruik>1</iwmo:DatumGebruik>"));
        fout(g, "CS318", "wmo301-naamgebruik-6", zet(wmo301().build(), "iwmo:NaamGebruik", "6"));
        fout(g, "TR061", "wmo301-geen-woonadres", zet(wmo301().build(), p1 + "Soort", "04"));
        fout(g, "TR006", "wmo301-contact-zonder-postcode-en-telefoon",
                weg(zet(wmo301().build(), p1 + "Soort", "02"), "iwmo:Postcode"));
        fout(g, "CD034", "wmo301-brp-adres-zonder-postcode",
                weg(na(wmo301().build(), p1 + "Adres", telefoon(p1)), "iwmo:Postcode"));
        fout(g, "CS089", "wmo301-postcode-met-spatie", zet(wmo301().build(), "iwmo:Postcode", "3011 AB"));
        fout(g, "CD009", "wmo301-periode-bij-brp-adres", na(wmo301().build(), p1 + "Adres",
                "<" + p1 + "Periode><iwmo:Begindatum>2026-01-01</iwmo:Begindatum></" + p1 + "Periode>"));
        fout(g, "RS033+CD009", "wmo301-leeg-element", na(wmo301().build(), p1 + "Adres",
                "<" + p1 + "Periode></" + p1 + "Periode>"));
        fout(g, "CS003", "wmo301-einddatum-voor-ingangsdatum", zet(wmo301().build(), p1 + "Einddatum", "2026-10-01"));
        fout(g, "CD079", "wmo301-geen-product-geen-budget", weg(wmo301().build(), p1 + "Product"));
        fout(g, "CD077+CD078", "wmo301-omvang-en-budget", na(wmo301().build(), p1 + "Omvang",
                "<" + p1 + "Budget>100000</" + p1 + "Budget>"));
        fout(g, "CD041", "wmo301-productcode-zonder-omvang", weg(wmo301().build(), p1 + "Omvang"));
        fout(g, "CD075", "wmo301-budget-zonder-einddatum", vervang(weg(wmo301().productCode(null).build(),
                p1 + "Einddatum"), p1 + "Omvang", "<" + p1 + "Budget>100000</" + p1 + "Budget>"));
        fout(g, "CD076", "wmo301-per-week-zonder-einddatum", weg(wmo301().build(), p1 + "Einddatum"));
        fout(g, "CS338", "wmo301-etmaal-per-dag",
                zet(zet(wmo301().build(), "iwmo:Eenheid", "14"), "iwmo:Frequentie", "1"));
        fout(g, "CS335", "wmo301-verwijderd-met-looptijd", na(wmo301().build(), p1 + "Einddatum",
                "<" + p1 + "RedenWijziging>13</" + p1 + "RedenWijziging>"));
        fout(g, "CS336", "wmo301-redenwijziging-01", na(wmo301().build(), p1 + "Einddatum",
                "<" + p1 + "RedenWijziging>01</" + p1 + "RedenWijziging>"));
        String product301 = blok(wmo301().build(), p1 + "ToegewezenProduct");
        fout(g, "TR302", "wmo301-zelfde-product-overlappend", na(wmo301().build(), p1 + "ToegewezenProduct",
                zet(product301, p1 + "ToewijzingNummer", "12346")));
        fout(g, "TR101", "wmo301-dubbel-toewijzingnummer", na(wmo301().build(), p1 + "ToegewezenProduct",
                zet(product301, "iwmo:Code", "02A02")));
        fout(g, "CS058", "wmo305-status-gewijzigd", zet(wmo305().build(), "wmo305:StatusAanlevering", "2"));
        fout(g, "CS058", "wmo307-status-nvt", zet(wmo307().build(), "wmo307:StatusAanlevering", "9"));
        fout(g, "TR018", "wmo307-einddatum-voor-begindatum", zet(wmo307().build(), "wmo307:Einddatum", "2026-04-01"));
        fout(g, "TR018", "wmo315-einddatum-voor-ingangsdatum",
                zet(wmo315().build(), "wmo315:ToewijzingEinddatum", "2026-11-30"));
        String p5 = "wmo315:";
        String product315 = blok(wmo315().build(), p5 + "AangevraagdProduct");
        fout(g, "TR386", "wmo315-zelfde-product-overlappend", na(wmo315().build(), p5 + "AangevraagdProduct",
                zet(product315, p5 + "ReferentieAanbieder", "VOT-2026-0002")));
        String p7 = "wmo317:";
        String ongewijzigd = "<" + p7 + "OngewijzigdeProducten><" + p7 + "OngewijzigdProduct><" + p7
                + "ToewijzingNummer>12345</" + p7 + "ToewijzingNummer></" + p7 + "OngewijzigdProduct></" + p7
                + "OngewijzigdeProducten>";
        fout(g, "TR352", "wmo317-niets-ongewijzigd-of-te-wijzigen", weg(wmo317().build(), p7 + "TeWijzigenProducten"));
        fout(g, "TR353", "wmo317-niets-te-wijzigen-of-nieuw",
                weg(vervang(wmo317().build(), p7 + "TeWijzigenProducten", ongewijzigd), p7 + "NieuweProducten"));
        fout(g, "TR101", "wmo317-ongewijzigd-en-te-wijzigen", na(wmo317().build(), p7 + "RedenVerzoek", ongewijzigd));
        String nieuw = blok(wmo317().build(), p7 + "NieuwProduct");
        fout(g, "TR410", "wmo317-zelfde-nieuw-product-overlappend", na(wmo317().build(), p7 + "NieuwProduct", nieuw));
        fout(g, "CD085", "wmo319-afgewezen-zonder-reden", weg(wmo319().build(), "wmo319:RedenAfwijzingVerzoek"));
        fout(g, "CD086", "wmo319-in-onderzoek-met-reden", zet(wmo319().build(), "wmo319:VerzoekAntwoord", "2"));
        String d = wmo323().build();
        fout(g, "TR358", "wmo323-totaal-klopt-niet", zet(d, "iwmo:TotaalBedrag", "158201"));
        fout(g, "CS325+TR358", "wmo323-nul-totaal-credit",
                zet(zet(d, "iwmo:TotaalBedrag", "0"), "iwmo:DebetCredit", "C"));
        fout(g, "TR346", "wmo323-bedrag-niet-volume-maal-tarief",
                zet(zet(d, "iwmo:TotaalBedrag", "158201"), "iwmo:Bedrag", "75001"));
        fout(g, "CS339", "wmo323-euro-bedrag-niet-volume",
                weg(zet(d, "wmo323:Eenheid", "83"), "wmo323:ProductTarief"));
        fout(g, "CD087", "wmo323-tarief-ontbreekt", weg(d, "wmo323:ProductTarief"));
        fout(g, "CS340", "wmo323-periode-geen-kalendermaand", zetNa(d, "wmo323:DeclaratiePeriode", "iwmo:Einddatum",
                "2026-10-30"));
        fout(g, "CS337", "wmo323-productperiode-over-maandgrens", zetNa(d, "wmo323:ProductPeriode", "iwmo:Einddatum",
                "2026-11-05"));
        fout(g, "CS100", "wmo323-voor-2021", wmo323().dagtekening(LocalDate.of(2020, 12, 15)).build());
        fout(g, "TR335", "wmo323-prestatie-ouder-dan-vijf-jaar", zetNa(zetNa(d, "wmo323:ProductPeriode",
                "iwmo:Begindatum", "2021-01-01"), "wmo323:ProductPeriode", "iwmo:Einddatum", "2021-01-31"));
        fout(g, "CD060", "wmo323-debet-met-vorig-referentienummer", na(d, "iwmo:ReferentieNummer",
                "<iwmo:VorigReferentieNummer>DCL202609-1</iwmo:VorigReferentieNummer>"));
        fout(g, "TR315", "wmo323-dubbel-vorig-referentienummer", tweeCredits(d));
        fout(g, "TR316", "wmo323-credit-in-zelfde-bericht", creditOpEigenRegel(d));
        return g;
    }

    /** Prestaties 1 and 2 become credit lines for the same earlier debet: −75000 − 33200 + 50000 = 58200 C. */
    private static String tweeCredits(String d) {
        String[] delen = d.split("(?=<wmo323:Prestatie>)", -1);
        for (int i = 1; i <= 2; i++) {
            delen[i] = na(zet(delen[i], "iwmo:DebetCredit", "C"), "iwmo:ReferentieNummer",
                    "<iwmo:VorigReferentieNummer>DCL202609-1</iwmo:VorigReferentieNummer>");
        }
        String xml = String.join("", delen);
        return zet(zet(xml, "iwmo:TotaalBedrag", "58200"), "iwmo:DebetCredit", "C");
    }

    /** Prestatie 2 credits prestatie 1 of the same bericht: 75000 − 33200 + 50000 = 91800 D. */
    private static String creditOpEigenRegel(String d) {
        String[] delen = d.split("(?=<wmo323:Prestatie>)", -1);
        delen[2] = na(zet(delen[2], "iwmo:DebetCredit", "C"), "iwmo:ReferentieNummer",
                "<iwmo:VorigReferentieNummer>DCL202610-1</iwmo:VorigReferentieNummer>");
        return zet(String.join("", delen), "iwmo:TotaalBedrag", "91800");
    }

    private static String telefoon(String p) {
        return "<" + p + "Telefoon><iwmo:Telefoon01><iwmo:Telefoonnummer>0101234567</iwmo:Telefoonnummer>"
                + "<iwmo:Landnummer>0031</iwmo:Landnummer></iwmo:Telefoon01></" + p + "Telefoon>";
    }

    private static void fout(List<Geval> g, String codes, String naam, String xml) {
        List<String> verwacht = Arrays.asList(codes.split("\\+"));
        String type = "WMO" + naam.substring(3, 6);
        g.add(new Geval("ongeldig/" + codes + "-" + naam + ".xml", type, List.copyOf(verwacht), xml));
    }

    /** A number in the test range 99999xxxx that fails the elfproef: the last digit of a valid one, changed. */
    static String ongeldig(String geldig) {
        return geldig.substring(0, 8) + (char) ('0' + (geldig.charAt(8) - '0' + 1) % 10);
    }

    // ------------------------------------------------------------ text surgery on builder output

    private static Pattern element(String qname) {
        String q = Pattern.quote(qname);
        return Pattern.compile("(?s)<" + q + ">.*?</" + q + ">");
    }

    /** Sets the text of the first element with this qualified name. */
    static String zet(String xml, String qname, String waarde) {
        Matcher m = element(qname).matcher(xml);
        if (!m.find()) {
            throw new IllegalArgumentException(qname + " not in bericht");
        }
        return xml.substring(0, m.start()) + "<" + qname + ">" + waarde + "</" + qname + ">" + xml.substring(m.end());
    }

    /** Sets the first element {@code qname} that follows the first {@code marker} start tag. */
    static String zetNa(String xml, String marker, String qname, String waarde) {
        int at = xml.indexOf("<" + marker + ">");
        if (at < 0) {
            throw new IllegalArgumentException(marker + " not in bericht");
        }
        return xml.substring(0, at) + zet(xml.substring(at), qname, waarde);
    }

    /** The first element with this name, whole. */
    static String blok(String xml, String qname) {
        Matcher m = element(qname).matcher(xml);
        if (!m.find()) {
            throw new IllegalArgumentException(qname + " not in bericht");
        }
        return m.group();
    }

    /** Inserts a fragment right after the first element with this name. */
    static String na(String xml, String qname, String fragment) {
        Matcher m = element(qname).matcher(xml);
        if (!m.find()) {
            throw new IllegalArgumentException(qname + " not in bericht");
        }
        return xml.substring(0, m.end()) + fragment + xml.substring(m.end());
    }

    static String vervang(String xml, String qname, String fragment) {
        Matcher m = element(qname).matcher(xml);
        if (!m.find()) {
            throw new IllegalArgumentException(qname + " not in bericht");
        }
        return xml.substring(0, m.start()) + fragment + xml.substring(m.end());
    }

    /** Removes the first element with this name, with the line it stood on. */
    static String weg(String xml, String qname) {
        Matcher m = Pattern.compile("(?s)\\r\\n[ ]*<" + Pattern.quote(qname) + ">.*?</" + Pattern.quote(qname) + ">")
                .matcher(xml);
        if (!m.find()) {
            throw new IllegalArgumentException(qname + " not in bericht");
        }
        return xml.substring(0, m.start()) + xml.substring(m.end());
    }

    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : DIR;
        for (Geval geval : gevallen()) {
            Path file = dir.resolve(geval.bestand());
            Files.createDirectories(file.getParent());
            Files.write(file, geval.xml().getBytes(StandardCharsets.UTF_8));
        }
    }
}
