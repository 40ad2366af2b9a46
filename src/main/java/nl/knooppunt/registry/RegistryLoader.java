package nl.knooppunt.registry;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;

/**
 * Reads the registry files: the shipped defaults ({@code classpath:registry/}), each replaced by a file of the same
 * name in the registry dir: gemeenten.csv, aanbieders.yaml, herindelingen.csv, mandaten.csv, zorgkantoren.csv (see
 * {@code registry/README.md}). Every file is validated, also against the others; an error names the file and the line.
 * Every gemeente a herindeling ends is added as a historical gemeente.
 */
public final class RegistryLoader {

    static final String GEMEENTEN = "gemeenten.csv";
    static final String AANBIEDERS = "aanbieders.yaml";
    static final String KANALEN = "kanalen.yaml";
    static final String IDENTITEITEN = "identiteiten.yaml";
    static final String HERINDELINGEN = "herindelingen.csv";
    static final String MANDATEN = "mandaten.csv";
    static final String ZORGKANTOREN = "zorgkantoren.csv";

    private static final List<String> GEMEENTEN_KOP_CBS = List.of("code", "naam", "provincie");
    private static final List<String> GEMEENTEN_KOP = List.of("code", "naam", "provincie", "geldig_van", "opgeheven");
    private static final List<String> HERINDELINGEN_KOP =
            List.of("datum", "oude_code", "oude_naam", "nieuwe_code", "nieuwe_naam");
    private static final List<String> MANDATEN_KOP = List.of("regio", "mandaterende_gemeente", "uitvoerende_gemeente",
            "domeinen", "geldig_van", "geldig_tot", "clientscope");
    private static final List<String> ZORGKANTOREN_KOP = List.of("gemeente_code", "gemeente_naam",
            "zorgkantoorregio_code", "zorgkantoorregio_naam", "zorgkantoorcode_2017");

    private static final Logger log = LoggerFactory.getLogger(RegistryLoader.class);

    private final Path registryDir;

    public RegistryLoader(Path registryDir) {
        this.registryDir = registryDir;
    }

    public Registry load() {
        Map<String, Gemeente> gemeenten = gemeenten();
        List<Herindeling> herindelingen = herindelingen(gemeenten);
        List<Mandaat> mandaten = mandaten(gemeenten);
        Map<String, Aanbieder> aanbieders = aanbieders(mandaten);
        Map<String, Zorgkantoor> zorgkantoren = zorgkantoren(gemeenten);
        Map<String, Kanaal> kanalen = kanalen(gemeenten, aanbieders);
        List<Identiteit> identiteiten = identiteiten(gemeenten, aanbieders);
        return new Registry(gemeenten, aanbieders, herindelingen, mandaten, zorgkantoren, kanalen, identiteiten);
    }

    private Map<String, Gemeente> gemeenten() {
        Map<String, Gemeente> result = new LinkedHashMap<>();
        Map<String, Integer> regels = new HashMap<>();
        String file = describe(GEMEENTEN);
        for (CsvBestand.Rij rij : lees(GEMEENTEN, List.of(GEMEENTEN_KOP, GEMEENTEN_KOP_CBS))) {
            String code = rij.get("code");
            if (!code.matches("[0-9]{4}")) {
                throw rij.fout("gemeentecode '" + code + "' is geen 4 cijfers");
            }
            if (rij.get("naam").isEmpty()) {
                throw rij.fout("naam ontbreekt");
            }
            LocalDate geldigVan = rij.datum("geldig_van", false);
            LocalDate opgeheven = rij.datum("opgeheven", false);
            if (geldigVan != null && opgeheven != null && !opgeheven.isAfter(geldigVan)) {
                throw rij.fout("opgeheven " + opgeheven + " ligt niet na geldig_van " + geldigVan);
            }
            Integer eerder = regels.putIfAbsent(code, rij.regel());
            if (eerder != null) {
                throw rij.fout("gemeentecode " + code + " staat er twee keer in (ook regel " + eerder + ")");
            }
            result.put(code, new Gemeente(code, rij.get("naam"), rij.get("provincie"), geldigVan, opgeheven));
        }
        if (result.isEmpty()) {
            throw new RegistryException(file, 0, "bevat geen gemeenten");
        }
        return result;
    }

    /**
     * Reads the herindelingen and adds to {@code gemeenten} every historical gemeente they end (an {@code oude_code}
     * that is not in gemeenten.csv), with {@code opgeheven} = the herindeling date.
     */
    private List<Herindeling> herindelingen(Map<String, Gemeente> gemeenten) {
        String file = describe(HERINDELINGEN);
        boolean beperken = beperkt(HERINDELINGEN);
        List<CsvBestand.Rij> rijen = lees(HERINDELINGEN, List.of(HERINDELINGEN_KOP));
        List<Herindeling> alle = new ArrayList<>();
        Map<Herindeling, CsvBestand.Rij> regelVan = new HashMap<>();
        Map<String, CsvBestand.Rij> eersteVanOud = new HashMap<>();
        Map<String, CsvBestand.Rij> paren = new HashMap<>();
        for (CsvBestand.Rij rij : rijen) {
            LocalDate datum = rij.datum("datum", true);
            String oud = rij.gemeentecode("oude_code");
            String oudeNaam = rij.verplicht("oude_naam");
            String nieuw = rij.gemeentecode("nieuwe_code");
            String nieuweNaam = rij.verplicht("nieuwe_naam");
            if (oud.equals(nieuw)) {
                throw rij.fout("herindeling van gemeente " + oud + " naar zichzelf");
            }
            CsvBestand.Rij dubbel = paren.putIfAbsent(oud + ">" + nieuw, rij);
            if (dubbel != null) {
                throw rij.fout("herindeling " + oud + " → " + nieuw + " staat er twee keer in (ook regel "
                        + dubbel.regel() + ")");
            }
            CsvBestand.Rij eerste = eersteVanOud.putIfAbsent(oud, rij);
            if (eerste != null && !eerste.get("datum").equals(rij.get("datum"))) {
                throw rij.fout("gemeente " + oud + " is al opgeheven op " + eerste.get("datum") + " (regel "
                        + eerste.regel() + ")");
            }
            if (eerste != null && !eerste.get("oude_naam").equals(oudeNaam)) {
                throw rij.fout("oude_naam '" + oudeNaam + "' van " + oud + " verschilt van '" + eerste.get("oude_naam")
                        + "' op regel " + eerste.regel());
            }
            Herindeling h = new Herindeling(datum, oud, oudeNaam, nieuw, nieuweNaam);
            alle.add(h);
            regelVan.put(h, rij);
        }
        controleerKring(alle, regelVan);

        Map<String, LocalDate> opgeheven = new HashMap<>();
        alle.forEach(h -> opgeheven.put(h.oudeCode(), h.datum()));
        List<Herindeling> result = alle;
        if (beperken) {
            // shipped herindelingen with an own gemeenten.csv: leave out the gemeenten whose successors are not in it
            Set<String> bekend = new HashSet<>(gemeenten.keySet());
            boolean groei = true;
            while (groei) {
                groei = false;
                for (String oud : opgeheven.keySet()) {
                    if (!bekend.contains(oud) && alle.stream().filter(h -> h.oudeCode().equals(oud))
                            .allMatch(h -> bekend.contains(h.nieuweCode()))) {
                        groei |= bekend.add(oud);
                    }
                }
            }
            result = alle.stream().filter(h -> bekend.contains(h.oudeCode())).toList();
            if (result.size() < alle.size()) {
                log.warn("{}: {} herindelingen weggelaten, hun opvolgers staan niet in {}", file,
                        alle.size() - result.size(), describe(GEMEENTEN));
            }
        }
        for (Herindeling h : result) {
            Gemeente g = gemeenten.get(h.oudeCode());
            if (g == null) {
                gemeenten.put(h.oudeCode(), new Gemeente(h.oudeCode(), h.oudeNaam(), "", null, h.datum()));
            } else if (g.opgeheven() == null) {
                gemeenten.put(g.code(), new Gemeente(g.code(), g.naam(), g.provincie(), g.geldigVan(), h.datum()));
            } else if (!g.opgeheven().equals(h.datum())) {
                throw regelVan.get(h).fout("gemeente " + g.code() + " is volgens " + describe(GEMEENTEN)
                        + " opgeheven op " + g.opgeheven() + ", niet op " + h.datum());
            }
        }
        for (Herindeling h : result) {
            CsvBestand.Rij rij = regelVan.get(h);
            Gemeente oud = gemeenten.get(h.oudeCode());
            if (oud.geldigVan() != null && !oud.geldigVan().isBefore(h.datum())) {
                throw rij.fout("gemeente " + h.oudeCode() + " bestaat pas vanaf " + oud.geldigVan()
                        + " en kan dus niet op " + h.datum() + " opgeheven worden");
            }
            Gemeente nieuw = gemeenten.get(h.nieuweCode());
            if (nieuw == null) {
                throw rij.fout("onbekende gemeentecode " + h.nieuweCode() + " in nieuwe_code");
            }
            if (!nieuw.bestaatOp(h.datum())) {
                throw rij.fout("gemeente " + h.nieuweCode() + " bestaat niet op " + h.datum()
                        + (nieuw.geldigVan() != null && h.datum().isBefore(nieuw.geldigVan())
                        ? " (pas vanaf " + nieuw.geldigVan() + ")" : " (opgeheven op " + nieuw.opgeheven() + ")"));
            }
        }
        return result;
    }

    /** A herindeling whose successor leads back to the ended gemeente, directly or through later herindelingen. */
    private static void controleerKring(List<Herindeling> alle, Map<Herindeling, CsvBestand.Rij> regelVan) {
        Map<String, List<String>> opvolgers = new HashMap<>();
        alle.forEach(h -> opvolgers.computeIfAbsent(h.oudeCode(), k -> new ArrayList<>()).add(h.nieuweCode()));
        for (Herindeling h : alle) {
            List<String> pad = pad(h.nieuweCode(), h.oudeCode(), opvolgers, new HashSet<>());
            if (pad != null) {
                throw regelVan.get(h).fout("herindelingen vormen een kring: " + h.oudeCode() + " → "
                        + String.join(" → ", pad));
            }
        }
    }

    private static List<String> pad(String van, String naar, Map<String, List<String>> opvolgers, Set<String> gezien) {
        if (van.equals(naar)) {
            return new ArrayList<>(List.of(van));
        }
        if (!gezien.add(van)) {
            return null;
        }
        for (String volgende : opvolgers.getOrDefault(van, List.of())) {
            List<String> rest = pad(volgende, naar, opvolgers, gezien);
            if (rest != null) {
                rest.add(0, van);
                return rest;
            }
        }
        return null;
    }

    private List<Mandaat> mandaten(Map<String, Gemeente> gemeenten) {
        String file = describe(MANDATEN);
        boolean beperken = beperkt(MANDATEN);
        List<Mandaat> result = new ArrayList<>();
        List<Integer> regels = new ArrayList<>();
        int weggelaten = 0;
        for (CsvBestand.Rij rij : lees(MANDATEN, List.of(MANDATEN_KOP))) {
            String regio = rij.verplicht("regio");
            String mandating = rij.gemeentecode("mandaterende_gemeente");
            String executing = rij.gemeentecode("uitvoerende_gemeente");
            if (beperken && !gemeenten.containsKey(mandating)) {
                weggelaten++;
                continue;
            }
            Gemeente mandaterend = bekend(rij, gemeenten, "mandaterende_gemeente", mandating);
            Gemeente uitvoerend = bekend(rij, gemeenten, "uitvoerende_gemeente", executing);
            if (mandating.equals(executing)) {
                throw rij.fout("mandaat van gemeente " + mandating + " aan zichzelf");
            }
            Set<Domein> domeinen = EnumSet.noneOf(Domein.class);
            for (String d : rij.get("domeinen").split(";", -1)) {
                try {
                    domeinen.add(Domein.valueOf(d.strip()));
                } catch (IllegalArgumentException e) {
                    throw rij.fout("onbekend domein '" + d.strip() + "' (BW, MO of OVERIG, gescheiden door ;)");
                }
            }
            LocalDate van = rij.datum("geldig_van", true);
            LocalDate tot = rij.datum("geldig_tot", false);
            if (tot != null && tot.isBefore(van)) {
                throw rij.fout("geldig_tot " + tot + " ligt voor geldig_van " + van);
            }
            ClientScope scope;
            try {
                scope = ClientScope.valueOf(rij.get("clientscope"));
            } catch (IllegalArgumentException e) {
                throw rij.fout("onbekende clientscope '" + rij.get("clientscope") + "' (NEW, EXISTING of ALL)");
            }
            binnenLooptijd(rij, mandaterend, van, tot);
            binnenLooptijd(rij, uitvoerend, van, tot);
            Mandaat m = new Mandaat(regio, mandating, executing, domeinen, van, tot, scope);
            for (int i = 0; i < result.size(); i++) {
                if (result.get(i).overlaps(m)) {
                    throw rij.fout("mandaat " + m.omschrijving() + " overlapt met regel " + regels.get(i) + ": "
                            + result.get(i).omschrijving());
                }
            }
            result.add(m);
            regels.add(rij.regel());
        }
        if (weggelaten > 0) {
            log.warn("{}: {} mandaten weggelaten, hun mandaterende gemeente staat niet in {}", file, weggelaten,
                    describe(GEMEENTEN));
        }
        return result;
    }

    private static Gemeente bekend(CsvBestand.Rij rij, Map<String, Gemeente> gemeenten, String kolom, String code) {
        Gemeente g = gemeenten.get(code);
        if (g == null) {
            throw rij.fout("onbekende gemeentecode " + code + " in " + kolom);
        }
        return g;
    }

    /** A mandate can only hold while both gemeenten exist. */
    private static void binnenLooptijd(CsvBestand.Rij rij, Gemeente g, LocalDate van, LocalDate tot) {
        if (g.geldigVan() != null && van.isBefore(g.geldigVan())) {
            throw rij.fout("mandaat begint op " + van + ", maar gemeente " + g.code() + " bestaat pas vanaf "
                    + g.geldigVan());
        }
        if (g.opgeheven() != null && (tot == null || !tot.isBefore(g.opgeheven()))) {
            throw rij.fout("gemeente " + g.code() + " is opgeheven op " + g.opgeheven() + ": geldig_tot moet uiterlijk "
                    + g.opgeheven().minusDays(1) + " zijn");
        }
    }

    private Map<String, Zorgkantoor> zorgkantoren(Map<String, Gemeente> gemeenten) {
        String file = describe(ZORGKANTOREN);
        boolean beperken = beperkt(ZORGKANTOREN);
        Map<String, Zorgkantoor> result = new LinkedHashMap<>();
        Map<String, Integer> regels = new HashMap<>();
        int weggelaten = 0;
        for (CsvBestand.Rij rij : lees(ZORGKANTOREN, List.of(ZORGKANTOREN_KOP))) {
            String code = rij.gemeentecode("gemeente_code");
            String regio = rij.verplicht("zorgkantoorregio_code");
            String naam = rij.verplicht("zorgkantoorregio_naam");
            String code2017 = rij.get("zorgkantoorcode_2017");
            if (!code2017.isEmpty() && !code2017.matches("[0-9]{4}")) {
                throw rij.fout("zorgkantoorcode_2017 '" + code2017 + "' is geen 4 cijfers");
            }
            if (beperken && !gemeenten.containsKey(code)) {
                weggelaten++;
                continue;
            }
            bekend(rij, gemeenten, "gemeente_code", code);
            Integer eerder = regels.putIfAbsent(code, rij.regel());
            if (eerder != null) {
                throw rij.fout("gemeente_code " + code + " staat er twee keer in (ook regel " + eerder + ")");
            }
            result.put(code, new Zorgkantoor(code, regio, naam));
        }
        if (weggelaten > 0) {
            log.warn("{}: {} gemeenten weggelaten die niet in {} staan", file, weggelaten, describe(GEMEENTEN));
        }
        return result;
    }

    /**
     * Shipped herindelingen, mandaten and zorgkantoren cover the shipped gemeenten. With an own gemeenten.csv, their
     * rows about gemeenten not in it are left out (those gemeenten are unknown to the hub anyway); an own file of the
     * same kind is checked in full.
     */
    private boolean beperkt(String name) {
        return override(GEMEENTEN) != null && override(name) == null;
    }

    private List<CsvBestand.Rij> lees(String name, List<List<String>> kopregels) {
        String file = describe(name);
        InputStream in;
        try {
            in = open(name);
        } catch (IOException e) {
            throw new RegistryException(file, "kan niet gelezen worden: " + e.getMessage(), e);
        }
        return CsvBestand.lees(file, in, kopregels);
    }

    record SftpEntry(List<String> publicKeys) {
    }

    record AanbiederEntry(String agb, String naam, SftpEntry sftp, String regio) {
    }

    private static final java.util.regex.Pattern PUBLIC_KEY = java.util.regex.Pattern.compile(
            "(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)) [A-Za-z0-9+/]+={0,2}( .*)?");

    /**
     * The aanbieders. An optional {@code regio} must be one of the regions of the mandates. The shipped demo aanbieders
     * with own mandates (or an own gemeenten.csv that leaves shipped mandates out): a region those lack is dropped with
     * a warning, as other shipped rows about unknown gemeenten are; an own aanbieders.yaml is checked in full.
     */
    private Map<String, Aanbieder> aanbieders(List<Mandaat> mandaten) {
        Map<String, Aanbieder> result = new LinkedHashMap<>();
        String file = describe(AANBIEDERS);
        boolean eigen = override(AANBIEDERS) != null;
        Set<String> regios = new java.util.TreeSet<>();
        mandaten.forEach(m -> regios.add(m.regio()));
        Set<String> weggelaten = new java.util.TreeSet<>();
        leesYamlLijst(AANBIEDERS, "aanbieder", AanbiederEntry.class, (e, nr) -> {
            if (e.agb() == null || !e.agb().matches("[0-9]{8}")) {
                throw new RegistryException(file, nr, "agb '" + e.agb() + "' is geen AGB-code van 8 cijfers");
            }
            if (e.naam() == null || e.naam().isBlank()) {
                throw new RegistryException(file, nr, "naam ontbreekt voor agb " + e.agb());
            }
            List<String> keys = e.sftp() == null || e.sftp().publicKeys() == null ? List.of()
                    : e.sftp().publicKeys().stream().map(k -> k == null ? "" : k.strip()).toList();
            for (String key : keys) {
                if (!PUBLIC_KEY.matcher(key).matches()) {
                    throw new RegistryException(file, nr, "sftp.publicKeys van agb " + e.agb()
                            + " bevat iets dat geen OpenSSH public key is (verwacht 'ssh-ed25519 AAAA…')");
                }
            }
            String regio = e.regio() == null || e.regio().isBlank() ? null : e.regio().strip();
            if (regio != null && !regios.contains(regio) && !eigen) {
                weggelaten.add(regio);
                regio = null;
            } else if (regio != null && !regios.contains(regio)) {
                throw new RegistryException(file, nr, "regio '" + regio + "' van agb " + e.agb()
                        + " is geen regio uit " + describe(MANDATEN) + "; bekende regio's: " + String.join(", ", regios));
            }
            if (result.put(e.agb(), new Aanbieder(e.agb(), e.naam().strip(), keys, regio)) != null) {
                throw new RegistryException(file, nr, "agb " + e.agb() + " staat er twee keer in");
            }
        });
        if (!weggelaten.isEmpty()) {
            log.warn("{}: regio {} weggelaten, die staat niet in de mandaten van {}", file, weggelaten, describe(MANDATEN));
        }
        return result;
    }

    record KanaalEntry(String deelnemer, String kanaal, Boolean informatiekopie, Map<String, String> instellingen) {
    }

    private Map<String, Kanaal> kanalen(Map<String, Gemeente> gemeenten, Map<String, Aanbieder> aanbieders) {
        Map<String, Kanaal> result = new LinkedHashMap<>();
        String file = describe(KANALEN);
        leesYamlLijst(KANALEN, "kanaal", KanaalEntry.class, (e, nr) -> {
            String deelnemer = e.deelnemer() == null ? "" : e.deelnemer();
            boolean gemeente = deelnemer.matches("[0-9]{4}");
            if (gemeente ? !gemeenten.containsKey(deelnemer) || gemeenten.get(deelnemer).opgeheven() != null
                    : !aanbieders.containsKey(deelnemer)) {
                throw new RegistryException(file, nr, "deelnemer '" + deelnemer
                        + "' is geen bestaande gemeente of bekende aanbieder");
            }
            Kanaal.Soort soort;
            try {
                soort = Kanaal.Soort.valueOf((e.kanaal() == null ? "queue" : e.kanaal())
                        .replace('-', '_').toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw new RegistryException(file, nr, "kanaal '" + e.kanaal() + "' is niet queue, sftp-in, sftp, soap of rest");
            }
            if (soort == Kanaal.Soort.SFTP_IN && (gemeente || aanbieders.get(deelnemer).sftpPublicKeys().isEmpty())) {
                throw new RegistryException(file, nr, "kanaal sftp-in is voor aanbieders met sftp.publicKeys, niet voor "
                        + deelnemer);
            }
            try {
                KanaalInstellingen.controleer(soort, e.instellingen());
            } catch (IllegalArgumentException ex) {
                throw new RegistryException(file, nr, "kanaal " + e.kanaal() + " voor " + deelnemer + ": "
                        + ex.getMessage());
            }
            boolean kopie = Boolean.TRUE.equals(e.informatiekopie());
            if (kopie && !gemeente) {
                throw new RegistryException(file, nr, "informatiekopie is alleen voor gemeenten, niet voor " + deelnemer);
            }
            if (result.put(deelnemer, new Kanaal(deelnemer, soort, kopie, e.instellingen())) != null) {
                throw new RegistryException(file, nr, "deelnemer " + deelnemer + " staat er twee keer in");
            }
        });
        return result;
    }

    record IdentiteitEntry(String deelnemer, String oin, String subject) {
    }

    private List<Identiteit> identiteiten(Map<String, Gemeente> gemeenten, Map<String, Aanbieder> aanbieders) {
        List<Identiteit> result = new ArrayList<>();
        Set<String> oins = new HashSet<>();
        Set<String> subjects = new HashSet<>();
        String file = describe(IDENTITEITEN);
        leesYamlLijst(IDENTITEITEN, "identiteit", IdentiteitEntry.class, (e, nr) -> {
            String deelnemer = e.deelnemer() == null ? "" : e.deelnemer();
            boolean bekend = deelnemer.matches("[0-9]{4}")
                    ? gemeenten.containsKey(deelnemer) && gemeenten.get(deelnemer).opgeheven() == null
                    : aanbieders.containsKey(deelnemer);
            if (!bekend) {
                throw new RegistryException(file, nr, "deelnemer '" + deelnemer
                        + "' is geen bestaande gemeente of bekende aanbieder");
            }
            boolean metOin = e.oin() != null && !e.oin().isBlank();
            boolean metSubject = e.subject() != null && !e.subject().isBlank();
            if (metOin == metSubject) {
                throw new RegistryException(file, nr, "geef voor " + deelnemer + " precies een van oin of subject");
            }
            if (metOin && !e.oin().matches("[0-9]{20}")) {
                throw new RegistryException(file, nr, "oin '" + e.oin() + "' is geen OIN van 20 cijfers");
            }
            if (metOin ? !oins.add(e.oin()) : !subjects.add(e.subject().strip())) {
                throw new RegistryException(file, nr, "deze oin of subject staat er twee keer in");
            }
            result.add(new Identiteit(deelnemer, metOin ? e.oin() : null, metSubject ? e.subject().strip() : null));
        });
        return result;
    }

    /** Reads a YAML list entry by entry; an unreadable entry or unknown field names the file and the line. */
    private <T> void leesYamlLijst(String name, String wat, Class<T> type, java.util.function.BiConsumer<T, Integer> per) {
        String file = describe(name);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (JsonParser p = yaml.createParser(open(name))) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return;
            }
            if (first != JsonToken.START_ARRAY) {
                throw new RegistryException(file, p.currentTokenLocation().getLineNr(), "verwacht een lijst (van " + wat + "en)");
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                int nr = p.currentTokenLocation().getLineNr();
                T entry;
                try {
                    entry = yaml.readValue(p, type);
                } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                    throw new RegistryException(file, nr, "onleesbare " + wat + ": " + ex.getOriginalMessage());
                }
                per.accept(entry, nr);
            }
        } catch (IOException e) {
            throw new RegistryException(file, "kan niet gelezen worden: " + e.getMessage(), e);
        }
    }

    private String describe(String name) {
        Path override = override(name);
        return override != null ? override.toString() : "classpath:registry/" + name;
    }

    private Path override(String name) {
        if (registryDir == null) {
            return null;
        }
        Path p = registryDir.resolve(name);
        return Files.isRegularFile(p) ? p : null;
    }

    private InputStream open(String name) throws IOException {
        Path override = override(name);
        return override != null ? Files.newInputStream(override) : new ClassPathResource("registry/" + name).getInputStream();
    }

    // --- checks across berichten: beoordeling per gemeente and the productcodelijst (validation.keten / .bron) ---

    static final String BEOORDELING = "beoordeling.yaml";
    static final String PRODUCTCODES = "productcodes.csv";
    private static final List<String> PRODUCTCODES_KOP = List.of("categorie", "code", "gemeente", "omschrijving");

    record BeoordelingEntry(String gemeente, String beoordeling) {
    }

    /** {@code beoordeling.yaml}: per gemeente signaleren (default) or afkeuren on control level 3–4 findings. */
    public Map<String, Beoordeling> beoordelingen(Map<String, Gemeente> gemeenten) {
        Map<String, Beoordeling> result = new LinkedHashMap<>();
        String file = describe(BEOORDELING);
        leesYamlLijst(BEOORDELING, "beoordeling", BeoordelingEntry.class, (e, nr) -> {
            String code = e.gemeente() == null ? "" : e.gemeente();
            if (!gemeenten.containsKey(code) || gemeenten.get(code).opgeheven() != null) {
                throw new RegistryException(file, nr, "gemeente '" + code + "' is geen bestaande gemeente");
            }
            Beoordeling b;
            try {
                b = Beoordeling.valueOf(String.valueOf(e.beoordeling()).toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw new RegistryException(file, nr, "beoordeling '" + e.beoordeling()
                        + "' is niet signaleren of afkeuren");
            }
            if (result.put(code, b) != null) {
                throw new RegistryException(file, nr, "gemeente " + code + " staat er twee keer in");
            }
        });
        return result;
    }

    /** {@code productcodes.csv}: the productcodelijst (TR381), standard codes and bilateral codes per gemeente. */
    public List<Productcode> productcodes(Map<String, Gemeente> gemeenten) {
        List<Productcode> result = new ArrayList<>();
        Map<String, Integer> regels = new HashMap<>();
        for (CsvBestand.Rij rij : lees(PRODUCTCODES, List.of(PRODUCTCODES_KOP))) {
            String categorie = rij.verplicht("categorie");
            String code = rij.verplicht("code");
            String gemeente = rij.get("gemeente");
            if (!categorie.matches("[0-9]{2}") || Integer.parseInt(categorie) < 1 || Integer.parseInt(categorie) > 18) {
                throw rij.fout("categorie '" + categorie + "' is geen productcategorie 01–18 (WMO020)");
            }
            if (!code.matches("[A-Za-z0-9]{1,5}")) {
                throw rij.fout("code '" + code + "' is geen productcode van 1–5 letters of cijfers");
            }
            if (!gemeente.isEmpty() && !gemeenten.containsKey(gemeente)) {
                throw rij.fout("gemeente '" + gemeente + "' is geen bekende gemeentecode");
            }
            Integer eerder = regels.putIfAbsent(gemeente + "/" + code, rij.regel());
            if (eerder != null) {
                throw rij.fout("code " + code + (gemeente.isEmpty() ? "" : " van gemeente " + gemeente)
                        + " staat er twee keer in (ook regel " + eerder + ")");
            }
            result.add(new Productcode(categorie, code, gemeente, rij.get("omschrijving")));
        }
        return result;
    }
}
