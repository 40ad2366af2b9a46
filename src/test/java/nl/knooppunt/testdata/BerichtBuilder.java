package nl.knooppunt.testdata;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fluent builder for iWmo 3.2 test berichten in the real wire format: UTF-8 (no BOM once encoded), CRLF line ends
 * (OP192), message elements in the {@code wmoNNN} namespace and CDT children in the basisschema namespace.
 * <p>
 * The defaults are valid against {@code schemas/wmoNNN.xsd} and respect the in-message rules: 11-proef BSNs, dates
 * in order, 323 totals = Σ IngediendBedrag = Σ volume × tarief, one calendar month per declaratie. Setters do not
 * check their input, so invalid values can be injected on purpose.
 * <p>
 * Party roles follow the standard: {@link #gemeente(String)} and {@link #aanbieder(String)} land in Afzender or
 * Ontvanger depending on the direction of the heenbericht; a retour copies the heen header (IV028), so in a WMO302
 * the gemeente is still the Afzender.
 */
public final class BerichtBuilder {

    public static final String BASIS_NAMESPACE = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema";
    public static final LocalDate DEFAULT_DAGTEKENING = LocalDate.of(2026, 11, 2);

    private static final String EOL = "\r\n";
    private static final String XSD_VERSIE = "1.0.0";
    private static final String XSLT_VERSIE = "1.0.0";
    private static final String GEEN_OPMERKING = "0200";
    private static final String TECHNISCH_AFGEKEURD = "0001";
    private static final DateTimeFormatter YYYYMM = DateTimeFormatter.ofPattern("yyyyMM");

    /** bericht number → BerichtCode (COD002), in the order of the standard. */
    private static final Map<String, String> BERICHTCODES = new LinkedHashMap<>();
    /** retour number → heen number it answers. */
    private static final Map<String, String> HEEN_VAN_RETOUR = Map.of(
            "302", "301", "306", "305", "308", "307", "316", "315", "318", "317", "320", "319");
    /** Retourcode placed on the rejected berichtklasse when none is set: a plausible rejection per bericht. */
    private static final Map<String, String> DEFAULT_AFKEUR = Map.of(
            "302", "9332", "306", "9019", "308", "9069", "316", "9347", "318", "9374", "320", "9359", "325", "9321");

    static {
        String[][] codes = {
            {"301", "414"}, {"302", "415"}, {"305", "418"}, {"306", "419"}, {"307", "420"}, {"308", "421"},
            {"315", "444"}, {"316", "445"}, {"317", "480"}, {"318", "481"}, {"319", "482"}, {"320", "483"},
            {"323", "484"}, {"325", "485"},
        };
        for (String[] c : codes) {
            BERICHTCODES.put(c[0], c[1]);
        }
    }

    private static final java.util.concurrent.atomic.AtomicInteger RETOUR_NUMMERS = new java.util.concurrent.atomic.AtomicInteger();

    private final String nr;
    private String gemeente = "0599";
    private String aanbieder = "42420001";
    private String bsn = TestBsn.nth(0);
    private String bsn2 = TestBsn.nth(1);
    private String identificatie;
    private String identificatieRetour;
    private LocalDate dagtekening = DEFAULT_DAGTEKENING;
    private String productCategorie = "02";
    private String productCode = "02A01";
    private long toewijzingNummer = 12345;
    private String declaratieNummer;
    private String declaratieIdentificatie = "WMO323-0001";
    private String retourCode;
    private boolean akkoord;
    private int extraPrestaties;
    private List<String> extraBsns = List.of();

    private BerichtBuilder(String nr) {
        this.nr = nr;
        String heen = HEEN_VAN_RETOUR.getOrDefault(nr, nr);
        this.identificatie = "WMO" + heen + "-0001";
        // unique per builder: TR056 makes a sender's IdentificatieRetour unique per berichtsoort across the whole hub
        this.identificatieRetour = "R" + nr + "-" + String.format("%06d", RETOUR_NUMMERS.incrementAndGet() % 1_000_000);
    }

    public static BerichtBuilder wmo301() { return new BerichtBuilder("301"); }
    public static BerichtBuilder wmo302() { return new BerichtBuilder("302"); }
    public static BerichtBuilder wmo305() { return new BerichtBuilder("305"); }
    public static BerichtBuilder wmo306() { return new BerichtBuilder("306"); }
    public static BerichtBuilder wmo307() { return new BerichtBuilder("307"); }
    public static BerichtBuilder wmo308() { return new BerichtBuilder("308"); }
    public static BerichtBuilder wmo315() { return new BerichtBuilder("315"); }
    public static BerichtBuilder wmo316() { return new BerichtBuilder("316"); }
    public static BerichtBuilder wmo317() { return new BerichtBuilder("317"); }
    public static BerichtBuilder wmo318() { return new BerichtBuilder("318"); }
    public static BerichtBuilder wmo319() { return new BerichtBuilder("319"); }
    public static BerichtBuilder wmo320() { return new BerichtBuilder("320"); }
    public static BerichtBuilder wmo323() { return new BerichtBuilder("323"); }
    public static BerichtBuilder wmo325() { return new BerichtBuilder("325"); }

    /** By name: "WMO315" (case-insensitive; "315" is accepted too). */
    public static BerichtBuilder of(String type) {
        String t = type == null ? "" : type.trim().toUpperCase(Locale.ROOT);
        String number = t.startsWith("WMO") ? t.substring(3) : t;
        if (!BERICHTCODES.containsKey(number)) {
            throw new IllegalArgumentException("unknown iWmo 3.2 bericht type: " + type);
        }
        return new BerichtBuilder(number);
    }

    /** All 14 types, "WMO301" … "WMO325". */
    public static List<String> types() {
        List<String> types = new ArrayList<>();
        BERICHTCODES.keySet().forEach(n -> types.add("WMO" + n));
        return List.copyOf(types);
    }

    /** The gemeente party (CBS code); Afzender or Ontvanger depending on the direction of the heenbericht. */
    public BerichtBuilder gemeente(String gemeentecode) { this.gemeente = gemeentecode; return this; }

    /** The aanbieder party (AGB code). */
    public BerichtBuilder aanbieder(String agbCode) { this.aanbieder = agbCode; return this; }

    /** Client BSN; for 323/325 the first client. */
    public BerichtBuilder bsn(String bsn) { this.bsn = bsn; return this; }

    /** Second client of a 323/325; ignored by the other types. */
    public BerichtBuilder bsn2(String bsn) { this.bsn2 = bsn; return this; }

    /** Header BerichtIdentificatie/Identificatie; in a retour that is the copied identificatie of the heenbericht. */
    public BerichtBuilder identificatie(String identificatie) { this.identificatie = identificatie; return this; }

    /** Retour only: the retour's own IdentificatieRetour (default "WMO302-0001" etc.). */
    public BerichtBuilder identificatieRetour(String identificatie) { this.identificatieRetour = identificatie; return this; }

    /** Header BerichtIdentificatie/Dagtekening; all other dates of the default content are derived from it. */
    public BerichtBuilder dagtekening(LocalDate dagtekening) { this.dagtekening = dagtekening; return this; }

    public BerichtBuilder productCategorie(String categorie) { this.productCategorie = categorie; return this; }

    /** {@code null} leaves out Product/Code (aspecific toewijzing). */
    public BerichtBuilder productCode(String code) { this.productCode = code; return this; }

    public BerichtBuilder toewijzingNummer(long nummer) { this.toewijzingNummer = nummer; return this; }

    /** 323/325: DeclaratieNummer (default "DCL" + yyyyMM of the DeclaratiePeriode); ProductReferenties derive from it. */
    public BerichtBuilder declaratieNummer(String nummer) { this.declaratieNummer = nummer; return this; }

    /** 325 only: Identificatie of the answered 323 in DeclaratieIdentificatie (default "WMO323-0001"). */
    public BerichtBuilder declaratieIdentificatie(String identificatie) { this.declaratieIdentificatie = identificatie; return this; }

    /**
     * Retours and 325: the retourcode of the rejected berichtklasse (product, verzoek, antwoord or prestatie level).
     * "0001" gives a header-only technical rejection with XsltVersie. Ignored by heenberichten.
     */
    public BerichtBuilder retourCode(String code) { this.retourCode = code; return this; }

    /**
     * The heenbericht is fully approved: a retour becomes header-only without RetourCodes (IV028); a 325 becomes
     * "volledig toegekend" (header 0200, DeclaratieAntwoord 8001, no Clienten, toegekend = ingediend, IV087).
     */
    public BerichtBuilder akkoord() { this.akkoord = true; return this; }

    /**
     * 323 only: {@code count} prestaties instead of the default three (at least 1), spread over the given clients
     * (test BSNs; empty: the builder's bsn and bsn2), each on its own toewijzing, volume 1 × tarief 100 so that any
     * count stays within the totals. For benchmarks and large declaraties.
     */
    public BerichtBuilder prestaties(int count, List<String> clientBsns) {
        this.extraPrestaties = count;
        this.extraBsns = List.copyOf(clientBsns);
        return this;
    }

    /** "WMO301" … "WMO325". */
    public String type() { return "WMO" + nr; }

    public String berichtCode() { return BERICHTCODES.get(nr); }

    public String namespace() { return "http://www.istandaarden.nl/iwmo/3_2/wmo" + nr + "/schema"; }

    public String build() {
        Xml x = new Xml("wmo" + nr);
        x.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        x.line("<wmo" + nr + ":Bericht xmlns:wmo" + nr + "=\"" + namespace() + "\" xmlns:iwmo=\"" + BASIS_NAMESPACE + "\">");
        x.depth++;
        header(x);
        body(x);
        x.depth--;
        x.line("</wmo" + nr + ":Bericht>");
        return x.toString();
    }

    // ---------------------------------------------------------------- header

    private boolean isRetour() { return HEEN_VAN_RETOUR.containsKey(nr); }

    private String heen() { return HEEN_VAN_RETOUR.getOrDefault(nr, nr); }

    /** 301, 319 and 325 travel gemeente → aanbieder; a retour copies the header of its heenbericht. */
    private boolean gemeenteIsAfzender() {
        String h = heen();
        return h.equals("301") || h.equals("319") || h.equals("325");
    }

    private boolean technischAfgekeurd() {
        return (isRetour() || nr.equals("325")) && TECHNISCH_AFGEKEURD.equals(retourCode);
    }

    private String afkeur() { return retourCode != null ? retourCode : DEFAULT_AFKEUR.get(nr); }

    private void header(Xml x) {
        x.open("Header")
                .leaf("BerichtCode", berichtCode())
                .leaf("BerichtVersie", 3)
                .leaf("BerichtSubversie", 2)
                .leaf("Afzender", gemeenteIsAfzender() ? gemeente : aanbieder)
                .leaf("Ontvanger", gemeenteIsAfzender() ? aanbieder : gemeente);
        berichtIdentificatie(x, "BerichtIdentificatie", identificatie, dagtekening);
        xsdVersie(x, "XsdVersie");
        if (isRetour()) {
            x.leaf("IdentificatieRetour", identificatieRetour).leaf("DagtekeningRetour", dagtekening);
            if (technischAfgekeurd()) {
                x.leaf("XsltVersie", XSLT_VERSIE);
            }
            xsdVersie(x, "XsdVersieRetour");
            if (technischAfgekeurd()) {
                retourCodes(x, TECHNISCH_AFGEKEURD);
            } else if (!akkoord) {
                retourCodes(x, GEEN_OPMERKING);
            }
        } else if (nr.equals("325")) {
            berichtIdentificatie(x, "DeclaratieIdentificatie", declaratieIdentificatie, dagtekening);
            if (technischAfgekeurd()) {
                x.leaf("XsltVersie", XSLT_VERSIE);
            }
            xsdVersie(x, "XsdVersieDeclaratie");
            retourCodes(x, technischAfgekeurd() ? TECHNISCH_AFGEKEURD : GEEN_OPMERKING);
        }
        x.close();
    }

    private static void berichtIdentificatie(Xml x, String element, String identificatie, LocalDate dagtekening) {
        x.open(element).leaf("iwmo:Identificatie", identificatie).leaf("iwmo:Dagtekening", dagtekening).close();
    }

    private static void xsdVersie(Xml x, String element) {
        x.open(element).leaf("iwmo:BasisschemaXsdVersie", XSD_VERSIE).leaf("iwmo:BerichtXsdVersie", XSD_VERSIE).close();
    }

    private static void retourCodes(Xml x, String code) {
        x.open("RetourCodes").leaf("iwmo:RetourCode", code).close();
    }

    // ---------------------------------------------------------------- bodies

    private void body(Xml x) {
        boolean retour = isRetour();
        if ((retour && akkoord) || technischAfgekeurd()) {
            return;
        }
        switch (heen()) {
            case "301" -> client301(x, retour);
            case "305" -> client305(x, retour);
            case "307" -> client307(x, retour);
            case "315" -> client315(x, retour);
            case "317" -> client317(x, retour);
            case "319" -> antwoord319(x, retour);
            case "323" -> declaratie323(x);
            case "325" -> declaratieAntwoord325(x);
            default -> throw new IllegalStateException(nr);
        }
    }

    /** In a retour every berichtklasse ends with a mandatory RetourCodes. */
    private static void rc(Xml x, boolean retour, String code) {
        if (retour) {
            retourCodes(x, code);
        }
    }

    private void client301(Xml x, boolean retour) {
        LocalDate ingang = dagtekening.withDayOfMonth(1);
        x.open("Client").leaf("Bsn", bsn);
        geboortedatum(x);
        x.leaf("Geslacht", "2");
        x.open("Naam")
                .open("iwmo:Geslachtsnaam").leaf("iwmo:Achternaam", "Jansen").close()
                .leaf("iwmo:Voornamen", "Johanna Maria")
                .leaf("iwmo:Voorletters", "JM")
                .leaf("iwmo:NaamGebruik", "1")
                .close();
        x.open("Contactgegevens").open("Contact").leaf("Soort", "01")
                .open("Adres")
                .open("iwmo:Huis").leaf("iwmo:Huisnummer", 12).close()
                .leaf("iwmo:Postcode", "3011AB")
                .leaf("iwmo:Straatnaam", "Voorbeeldstraat")
                .leaf("iwmo:Plaatsnaam", "Rotterdam")
                .leaf("iwmo:LandCode", "NL")
                .close();
        rc(x, retour, GEEN_OPMERKING);
        x.close().close();
        x.open("ToegewezenProducten").open("ToegewezenProduct").leaf("ToewijzingNummer", toewijzingNummer);
        product(x, productCategorie, productCode);
        x.leaf("Toewijzingsdatum", dagtekening)
                .leaf("Toewijzingstijd", "09:30:00")
                .leaf("Ingangsdatum", ingang)
                .leaf("Einddatum", ingang.plusYears(1).minusDays(1));
        omvang(x, 3, "04", "2");
        rc(x, retour, afkeur());
        x.close().close();
        rc(x, retour, GEEN_OPMERKING);
        x.close();
    }

    private void client305(Xml x, boolean retour) {
        LocalDate ingang = dagtekening.withDayOfMonth(1);
        verkorteClient(x);
        x.open("StartProducten").open("StartProduct").leaf("ToewijzingNummer", toewijzingNummer);
        product(x, productCategorie, productCode);
        x.leaf("ToewijzingIngangsdatum", ingang).leaf("Begindatum", ingang).leaf("StatusAanlevering", "1");
        rc(x, retour, afkeur());
        x.close().close();
        rc(x, retour, GEEN_OPMERKING);
        x.close();
    }

    private void client307(Xml x, boolean retour) {
        LocalDate ingang = dagtekening.withDayOfMonth(1).minusMonths(6);
        verkorteClient(x);
        x.open("StopProducten").open("StopProduct").leaf("ToewijzingNummer", toewijzingNummer);
        product(x, productCategorie, productCode);
        x.leaf("ToewijzingIngangsdatum", ingang)
                .leaf("Begindatum", ingang)
                .leaf("RedenBeeindiging", "19")
                .leaf("Einddatum", dagtekening.minusDays(1))
                .leaf("StatusAanlevering", "1");
        rc(x, retour, afkeur());
        x.close().close();
        rc(x, retour, GEEN_OPMERKING);
        x.close();
    }

    private void client315(Xml x, boolean retour) {
        LocalDate ingang = dagtekening.withDayOfMonth(1).plusMonths(1);
        verkorteClient(x);
        x.open("AangevraagdeProducten").open("AangevraagdProduct")
                .leaf("ReferentieAanbieder", "VOT-" + dagtekening.getYear() + "-0001");
        product(x, productCategorie, productCode);
        x.leaf("ToewijzingIngangsdatum", ingang).leaf("ToewijzingEinddatum", ingang.plusYears(1).minusDays(1));
        omvang(x, 3, "04", "2");
        x.open("Verwijzer")
                .leaf("iwmo:Type", "02")
                .leaf("iwmo:Naam", "Huisartsenpraktijk Kralingen (fictief)")
                .leaf("iwmo:ZorgverlenerCode", "01999901")
                .close();
        rc(x, retour, afkeur());
        x.close().close();
        rc(x, retour, GEEN_OPMERKING);
        x.close();
    }

    private void client317(Xml x, boolean retour) {
        LocalDate gewenst = dagtekening.withDayOfMonth(1).plusMonths(1);
        x.open("Client").leaf("Bsn", bsn);
        x.open("Verzoek")
                .leaf("ReferentieAanbieder", "VOW-" + dagtekening.getYear() + "-0001")
                .leaf("RedenVerzoek", "1");
        x.open("TeWijzigenProducten").open("TeWijzigenProduct")
                .leaf("ToewijzingNummer", toewijzingNummer)
                .leaf("GewensteIngangsdatum", gewenst)
                .leaf("Einddatum", gewenst.plusMonths(6).minusDays(1));
        omvang(x, 5, "04", "2");
        rc(x, retour, GEEN_OPMERKING);
        x.close().close();
        x.open("NieuweProducten").open("NieuwProduct");
        product(x, productCategorie, productCode);
        x.leaf("GewensteIngangsdatum", gewenst).leaf("Einddatum", gewenst.plusMonths(6).minusDays(1));
        omvang(x, 2, "04", "2");
        rc(x, retour, GEEN_OPMERKING);
        x.close().close();
        rc(x, retour, afkeur());
        x.close();
        rc(x, retour, GEEN_OPMERKING);
        x.close();
    }

    private void antwoord319(Xml x, boolean retour) {
        x.open("Antwoord")
                .leaf("ReferentieAanbieder", "VOT-" + dagtekening.getYear() + "-0001")
                .leaf("VerzoekAntwoord", "1")
                .leaf("RedenAfwijzingVerzoek", "4");
        rc(x, retour, afkeur());
        x.close();
    }

    private void verkorteClient(Xml x) {
        x.open("Client").leaf("Bsn", bsn);
        geboortedatum(x);
        x.leaf("Geslacht", "2");
        x.open("Naam")
                .open("iwmo:Geslachtsnaam").leaf("iwmo:Achternaam", "Jansen").close()
                .leaf("iwmo:Voorletters", "JM")
                .close();
    }

    private static void geboortedatum(Xml x) {
        x.open("Geboortedatum").leaf("iwmo:Datum", LocalDate.of(1948, 3, 14)).close();
    }

    private static void product(Xml x, String categorie, String code) {
        x.open("Product").leaf("iwmo:Categorie", categorie);
        if (code != null) {
            x.leaf("iwmo:Code", code);
        }
        x.close();
    }

    private static void omvang(Xml x, long volume, String eenheid, String frequentie) {
        x.open("Omvang")
                .leaf("iwmo:Volume", volume)
                .leaf("iwmo:Eenheid", eenheid)
                .leaf("iwmo:Frequentie", frequentie)
                .close();
    }

    // ---------------------------------------------------------------- declaratie

    private record Prestatie(String bsn, String referentie, long toewijzingNummer, String categorie, String code,
                             long volume, String eenheid, long tarief, boolean builderProduct) {
        long bedrag() { return volume * tarief; }
    }

    /** DeclaratiePeriode: the calendar month before the dagtekening (CS340). */
    private LocalDate periodeBegin() { return dagtekening.withDayOfMonth(1).minusMonths(1); }

    private String declaratieNummer() {
        return declaratieNummer != null ? declaratieNummer : "DCL" + periodeBegin().format(YYYYMM);
    }

    /** Client 1: two prestaties on two toewijzingen; client 2: one. Bedrag = volume × tarief (TR346). */
    private List<Prestatie> prestaties() {
        String ref = declaratieNummer() + "-";
        if (extraPrestaties > 0) {
            List<String> clients = extraBsns.isEmpty() ? List.of(bsn, bsn2) : extraBsns;
            int perClient = Math.max(1, (extraPrestaties + clients.size() - 1) / clients.size());
            List<Prestatie> result = new ArrayList<>(extraPrestaties);
            for (int i = 0; i < extraPrestaties; i++) {
                result.add(new Prestatie(clients.get(Math.min(i / perClient, clients.size() - 1)), ref + (i + 1),
                        andereToewijzing(i), productCategorie, productCode, 1, "04", 100, i == 0));
            }
            return result;
        }
        return List.of(
                new Prestatie(bsn, ref + 1, toewijzingNummer, productCategorie, productCode, 12, "04", 6250, true),
                new Prestatie(bsn, ref + 2, andereToewijzing(1), "07", "07A01", 8, "16", 4150, false),
                new Prestatie(bsn2, ref + 3, andereToewijzing(2), productCategorie, productCode, 8, "04", 6250, true));
    }

    /** A toewijzingNummer next to the builder's one, kept within LDT_Nummer. */
    private long andereToewijzing(int offset) {
        return toewijzingNummer + offset <= 999_999_999L ? toewijzingNummer + offset : toewijzingNummer - offset;
    }

    private static Map<String, List<Prestatie>> perClient(List<Prestatie> prestaties) {
        Map<String, List<Prestatie>> perClient = new LinkedHashMap<>();
        for (Prestatie p : prestaties) {
            perClient.computeIfAbsent(p.bsn(), k -> new ArrayList<>()).add(p);
        }
        return perClient;
    }

    private void declaratie323(Xml x) {
        LocalDate begin = periodeBegin();
        LocalDate eind = begin.plusMonths(1).minusDays(1);
        List<Prestatie> prestaties = prestaties();
        x.open("Declaratie").leaf("DeclaratieNummer", declaratieNummer());
        periode(x, "DeclaratiePeriode", begin, eind);
        x.leaf("DeclaratieDagtekening", dagtekening);
        totaal(x, "TotaalIngediendBedrag", prestaties.stream().mapToLong(Prestatie::bedrag).sum());
        x.open("Clienten");
        perClient(prestaties).forEach((clientBsn, ps) -> {
            x.open("Client").leaf("Bsn", clientBsn).open("Prestaties");
            ps.forEach(p -> {
                prestatie(x, p, begin, eind);
                x.close();
            });
            x.close().close();
        });
        x.close().close();
    }

    /** Only rejected prestaties are listed (TR342); the builder's own product is the one rejected. */
    private void declaratieAntwoord325(Xml x) {
        LocalDate begin = periodeBegin();
        LocalDate eind = begin.plusMonths(1).minusDays(1);
        List<Prestatie> prestaties = prestaties();
        List<Prestatie> afgewezen = akkoord ? List.of()
                : prestaties.stream().filter(Prestatie::builderProduct).toList();
        long ingediend = prestaties.stream().mapToLong(Prestatie::bedrag).sum();
        long toegekend = ingediend - afgewezen.stream().mapToLong(Prestatie::bedrag).sum();
        x.open("DeclaratieAntwoord").leaf("DeclaratieNummer", declaratieNummer());
        totaal(x, "TotaalIngediendBedrag", ingediend);
        totaal(x, "TotaalToegekendBedrag", toegekend);
        if (!afgewezen.isEmpty()) {
            x.open("Clienten");
            perClient(afgewezen).forEach((clientBsn, ps) -> {
                x.open("Client").leaf("Bsn", clientBsn).open("Prestaties");
                ps.forEach(p -> {
                    prestatie(x, p, begin, eind);
                    retourCodes(x, afkeur());
                    x.close();
                });
                x.close();
                retourCodes(x, GEEN_OPMERKING);
                x.close();
            });
            x.close();
        }
        retourCodes(x, akkoord ? "8001" : GEEN_OPMERKING);
        x.close();
    }

    /** Writes an open Prestatie; the caller closes it (325 appends RetourCodes first). */
    private static void prestatie(Xml x, Prestatie p, LocalDate begin, LocalDate eind) {
        x.open("Prestatie")
                .open("ProductReferentie").leaf("iwmo:ReferentieNummer", p.referentie()).close()
                .leaf("ToewijzingNummer", p.toewijzingNummer());
        product(x, p.categorie(), p.code());
        periode(x, "ProductPeriode", begin, eind);
        x.leaf("GeleverdVolume", p.volume()).leaf("Eenheid", p.eenheid()).leaf("ProductTarief", p.tarief());
        x.open("IngediendBedrag").leaf("iwmo:Bedrag", p.bedrag()).leaf("iwmo:DebetCredit", "D").close();
    }

    private static void periode(Xml x, String element, LocalDate begin, LocalDate eind) {
        x.open(element).leaf("iwmo:Begindatum", begin).leaf("iwmo:Einddatum", eind).close();
    }

    /** CS325: a zero total is debet. */
    private static void totaal(Xml x, String element, long bedrag) {
        x.open(element).leaf("iwmo:TotaalBedrag", Math.abs(bedrag)).leaf("iwmo:DebetCredit", bedrag < 0 ? "C" : "D").close();
    }

    // ---------------------------------------------------------------- writer

    /** Minimal indenting writer; names without a prefix get the message prefix. */
    private static final class Xml {
        private final StringBuilder sb = new StringBuilder();
        private final Deque<String> open = new ArrayDeque<>();
        private final String prefix;
        private int depth;

        Xml(String prefix) {
            this.prefix = prefix;
        }

        Xml open(String name) {
            String q = qname(name);
            line("<" + q + ">");
            open.push(q);
            depth++;
            return this;
        }

        Xml close() {
            depth--;
            line("</" + open.pop() + ">");
            return this;
        }

        Xml leaf(String name, Object value) {
            String q = qname(name);
            line("<" + q + ">" + escape(String.valueOf(value)) + "</" + q + ">");
            return this;
        }

        void line(String s) {
            sb.append("  ".repeat(depth)).append(s).append(EOL);
        }

        private String qname(String name) {
            return name.indexOf(':') >= 0 ? name : prefix + ":" + name;
        }

        private static String escape(String s) {
            StringBuilder out = new StringBuilder(s.length());
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '"' -> out.append("&quot;");
                    default -> out.append(c);
                }
            }
            return out.toString();
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }
}
