package nl.knooppunt.routing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.knooppunt.intake.Bericht;
import nl.knooppunt.intake.BerichtInfo;
import nl.knooppunt.intake.BerichtType;
import nl.knooppunt.intake.ProductRegel;
import nl.knooppunt.registry.ClientScope;
import nl.knooppunt.registry.Domein;
import nl.knooppunt.registry.Gemeente;
import nl.knooppunt.registry.Herindeling;
import nl.knooppunt.registry.Mandaat;
import nl.knooppunt.registry.Opvolging;
import nl.knooppunt.registry.Registry;
import nl.knooppunt.registry.RegistryService;
import nl.knooppunt.toewijzing.Toewijzing;
import nl.knooppunt.toewijzing.ToewijzingGeheugen;
import nl.knooppunt.validation.AfkeurException;
import nl.knooppunt.validation.Afkeurcode;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * The routing decision of routing.md §2, every step written to the rule trail:
 * <ol>
 * <li>a bericht bound to a toewijzing the hub has carried follows it (responsible and executing as then decided);</li>
 * <li>otherwise the header gemeente, mapped through herindelingen on the reference date (a split goes to triage);</li>
 * <li>from the woonplaatsbeginsel's start date, for BW: existing clients stay, BW ended within 12 months returns,
 *     an address the hub cannot place goes to triage, and a different woonplaats is only signalled;</li>
 * <li>the mandate for (gemeente, domain, date, client scope) names the executing centrumgemeente.</li>
 * </ol>
 * Berichten from gemeenten go to the aanbieder's AGB-code. An unknown recipient is parked, never dropped.
 */
@Component
public class Router {

    // a 302 with a body names the ToewijzingNummers of the 301 it answers, so it goes back to whoever issued them
    private static final Set<BerichtType> OP_TOEWIJZING =
            Set.of(BerichtType.WMO302, BerichtType.WMO305, BerichtType.WMO307, BerichtType.WMO317, BerichtType.WMO323);

    private final RegistryService registry;
    private final ToewijzingGeheugen toewijzingen;
    private final WoonadresBron woonadressen;
    private final RoutingProperties regime;

    public Router(RegistryService registry, ToewijzingGeheugen toewijzingen, WoonadresBron woonadressen,
                  RoutingProperties regime) {
        this.registry = registry;
        this.toewijzingen = toewijzingen;
        this.woonadressen = woonadressen;
        this.regime = regime;
    }

    /** Route step. */
    public void route(@ExchangeProperty(Bericht.PROPERTY) Bericht bericht) {
        bericht.besluit(decide(bericht.info(), registry.current()));
    }

    public Route decide(BerichtInfo info, Registry reg) {
        return decide(info, reg, new Spoor(null));
    }

    /**
     * "Where would it go?" for a bericht that exists only as facts: whether the client is new or existing is given,
     * not looked up, and nothing the hub remembers of toewijzingen is used.
     */
    public Route proef(BerichtInfo info, Registry reg, boolean bestaandeClient) {
        Spoor spoor = new Spoor(bestaandeClient);
        spoor.add("proef: cliënt opgegeven als " + (bestaandeClient ? "bestaand" : "nieuw"));
        return decide(info, reg, spoor);
    }

    private Route decide(BerichtInfo info, Registry reg, Spoor spoor) {
        LocalDate datum = Optional.ofNullable(info.referentiedatum()).orElse(LocalDate.now());
        String header = info.gemeente();
        spoor.add("header: gemeente " + naam(reg, header) + ", referentiedatum " + datum);
        if (info.type().richting() == BerichtType.Richting.NAAR_AANBIEDER) {
            return naarAanbieder(info, reg, datum, spoor);
        }

        Optional<Route> viaToewijzing = volgToewijzing(info, header, reg, spoor);
        if (viaToewijzing.isPresent()) {
            return viaToewijzing.get();
        }

        Opvolging opvolging = reg.opvolging(header, datum);
        if (opvolging instanceof Opvolging.Onbekend) {
            throw onbestelbaar(Afkeurcode.KP010, "gemeentecode " + header);
        }
        if (opvolging instanceof Opvolging.Gesplitst split) {
            spoor.add("herindeling: " + split.code() + " " + split.naam() + " is op " + split.datum()
                    + " verdeeld over " + String.join(", ", split.opvolgers()) + "; Knooppunt kiest geen opvolger");
            return triage(spoor, "gesplitste gemeente " + split.code());
        }
        Opvolging.Geldig geldig = (Opvolging.Geldig) opvolging;
        String responsible = geldig.gemeente().code();
        Route.Reason reason = geldig.keten().isEmpty() ? Route.Reason.HEADER : Route.Reason.HERINDELING;
        for (Herindeling h : geldig.keten()) {
            spoor.add("herindeling: " + h.oudeCode() + " " + h.oudeNaam() + " is op " + h.datum() + " opgegaan in "
                    + h.nieuweCode() + " " + h.nieuweNaam());
        }

        Optional<Domein> domein = domein(info, spoor);
        if (domein.isEmpty()) {
            return naarGemeente(reg, responsible, responsible, reason, spoor);
        }
        if (domein.get() == Domein.BW && regime.geldtOp(datum)) {
            Optional<Route> wpb = woonplaatsbeginsel(info, reg, responsible, datum, spoor);
            if (wpb.isPresent()) {
                return wpb.get();
            }
        }
        String executing = mandaat(reg, responsible, domein.get(), datum, info.clientPseudoniem(), spoor);
        return naarGemeente(reg, responsible, executing, executing.equals(responsible) ? reason : Route.Reason.MANDAAT, spoor);
    }

    private Route naarAanbieder(BerichtInfo info, Registry reg, LocalDate datum, Spoor spoor) {
        String agb = info.aanbieder();
        if (reg.aanbieder(agb).isEmpty()) {
            throw onbestelbaar(Afkeurcode.KP011, "AGB-code " + agb);
        }
        String header = info.gemeente();
        String gemeente = reg.opvolging(header, datum) instanceof Opvolging.Geldig g ? g.gemeente().code() : header;
        String executing = domein(info, spoor)
                .map(d -> mandaat(reg, gemeente, d, datum, info.clientPseudoniem(), spoor))
                .orElse(gemeente);
        spoor.add("bestemming: aanbieder " + agb + " " + reg.aanbieder(agb).get().naam() + " (AGB-code in de header)");
        return new Route(agb, "aanbieder." + agb, gemeente, executing, Route.Reason.HEADER, spoor.regels, spoor.signalen);
    }

    /**
     * At most {@value #MAX_GENOEMD} numbers, then how many more: a declaratie may name tens of thousands of toewijzingen,
     * and the signal and rule trace are stored in bounded columns.
     */
    static String kort(List<Long> nummers) {
        if (nummers.size() <= MAX_GENOEMD) {
            return nummers.toString();
        }
        return nummers.subList(0, MAX_GENOEMD).toString().replace("]", ", … en " + (nummers.size() - MAX_GENOEMD)
                + " meer]");
    }

    private static final int MAX_GENOEMD = 10;

    /** 302, 305, 307, 317 and every 323 prestatie name their toewijzing: (header gemeente, ToewijzingNummer). */
    private Optional<Route> volgToewijzing(BerichtInfo info, String header, Registry reg, Spoor spoor) {
        if (!OP_TOEWIJZING.contains(info.type()) || spoor.proef()) {
            return Optional.empty();
        }
        Set<Long> nummers = info.producten().stream().map(ProductRegel::toewijzingNummer).filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (nummers.isEmpty()) {
            return Optional.empty();
        }
        List<Toewijzing> gevonden = new ArrayList<>();
        List<Long> onbekend = new ArrayList<>();
        for (Long nummer : nummers) {
            toewijzingen.find(header, nummer).ifPresentOrElse(gevonden::add, () -> onbekend.add(nummer));
        }
        if (!onbekend.isEmpty()) {
            spoor.signaal(Signaal.TOEWIJZING_ONBEKEND, "ToewijzingNummer " + kort(onbekend) + " van gemeente " + header
                    + " is niet via Knooppunt gegaan");
        }
        if (gevonden.isEmpty()) {
            spoor.add("toewijzing " + header + "/" + kort(onbekend) + " onbekend bij Knooppunt: route op de header");
            return Optional.empty();
        }
        Set<String> uitvoerend = gevonden.stream().map(Toewijzing::executing).collect(Collectors.toCollection(LinkedHashSet::new));
        Toewijzing eerste = gevonden.get(0);
        if (uitvoerend.size() == 1) {
            spoor.add("toewijzing " + header + "/" + eerste.nummer() + " (uit 301 " + eerste.traceerId() + "): verantwoordelijk "
                    + eerste.responsible() + ", uitgevoerd door " + eerste.executing());
            return Optional.of(naarGemeente(reg, eerste.responsible(), eerste.executing(), Route.Reason.TOEWIJZING, spoor));
        }
        Set<String> verantwoordelijk = gevonden.stream().map(Toewijzing::responsible).collect(Collectors.toSet());
        String responsible = verantwoordelijk.size() == 1 ? eerste.responsible() : header;
        spoor.add("toewijzingen " + gevonden.stream().map(t -> t.gemeente() + "/" + t.nummer()).toList()
                + " worden uitgevoerd door " + uitvoerend + "; een declaratie wordt nooit gesplitst");
        spoor.signaal(Signaal.GEMENGDE_DECLARATIE, "prestaties vallen onder verschillende uitvoerende gemeenten "
                + uitvoerend + "; afgeleverd bij de verantwoordelijke gemeente " + responsible);
        return Optional.of(naarGemeente(reg, responsible, responsible, Route.Reason.TOEWIJZING, spoor));
    }

    private static Optional<Domein> domein(BerichtInfo info, Spoor spoor) {
        Set<String> categorieen = info.producten().stream().map(ProductRegel::categorie).filter(Objects::nonNull)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        if (categorieen.isEmpty()) {
            categorieen.addAll(info.productCategorieen());
        }
        Set<Domein> domeinen = categorieen.stream().map(Domein::vanProductcategorie).flatMap(Optional::stream)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (domeinen.isEmpty()) {
            spoor.add(categorieen.isEmpty() ? "geen productcategorie: geen mandaat"
                    : "productcategorie " + categorieen + " is geen beschermd wonen of opvang: geen mandaat");
            return Optional.empty();
        }
        boolean gemengd = domeinen.size() > 1
                || categorieen.stream().anyMatch(c -> Domein.vanProductcategorie(c).isEmpty());
        if (gemengd) {
            spoor.add("productcategorieën " + categorieen + " vallen in meer dan één domein: geen mandaat");
            spoor.signaal(Signaal.GEMENGDE_DOMEINEN, "bericht met productcategorieën " + categorieen
                    + "; afgeleverd bij de verantwoordelijke gemeente");
            return Optional.empty();
        }
        Domein domein = domeinen.iterator().next();
        spoor.add("domein " + domein + " (productcategorie " + categorieen + ")");
        return Optional.of(domein);
    }

    /** Woonplaatsbeginsel (bill 36288), BW only. Empty: nothing changes the route decided so far. */
    private Optional<Route> woonplaatsbeginsel(BerichtInfo info, Registry reg, String responsible, LocalDate datum,
                                               Spoor spoor) {
        spoor.add("woonplaatsbeginsel geldt voor BW vanaf " + regime.ingangsdatum());
        String client = info.clientPseudoniem();
        List<Toewijzing> bw = spoor.proef() ? List.of() : toewijzingen.vanClient(client, List.of("15"));
        Optional<Toewijzing> lopend = bw.stream().filter(t -> t.actiefOp(regime.ingangsdatum())).findFirst();
        if (lopend.isPresent()) {
            Toewijzing t = lopend.get();
            spoor.add("bestaande cliënt: BW-toewijzing " + t.gemeente() + "/" + t.nummer() + " liep op "
                    + regime.ingangsdatum() + "; de cliënt blijft bij " + t.executing());
            return Optional.of(naarGemeente(reg, t.responsible(), t.executing(), Route.Reason.WOONPLAATSBEGINSEL, spoor));
        }
        Optional<Toewijzing> recent = bw.stream()
                .filter(t -> t.einddatum() != null && t.einddatum().isBefore(datum)
                        && t.einddatum().isAfter(datum.minusMonths(12)))
                .max(Comparator.comparing(Toewijzing::einddatum));
        if (recent.isPresent()) {
            Toewijzing t = recent.get();
            spoor.add("BW eindigde op " + t.einddatum() + ", minder dan 12 maanden geleden: terug naar "
                    + naam(reg, t.responsible()) + " (uitzondering a)");
            String executing = mandaat(reg, t.responsible(), Domein.BW, datum, client, spoor);
            return Optional.of(naarGemeente(reg, t.responsible(), executing, Route.Reason.WOONPLAATSBEGINSEL, spoor));
        }
        Optional<Woonadres> adres = client == null ? Optional.empty() : woonadressen.woonadres(client, datum);
        if (adres.isEmpty()) {
            spoor.add("woonadres onbekend bij de adresbron: de gemeente uit de header blijft");
            return Optional.empty();
        }
        Woonadres a = adres.get();
        String woonplaats = switch (a.soort()) {
            case WOONADRES -> a.gemeente();
            case INSTELLING -> a.vorigeGemeente();
            case BRIEFADRES, RNI -> null;
        };
        if (woonplaats == null) {
            String waarom = switch (a.soort()) {
                case BRIEFADRES -> "alleen een briefadres";
                case RNI -> "ingeschreven in de RNI";
                default -> "verblijf in een instelling zonder bekend eerder woonadres";
            };
            spoor.add("woonadres: " + waarom + "; Knooppunt raadt geen gemeente");
            return Optional.of(triage(spoor, waarom));
        }
        spoor.add(a.soort() == Woonadres.Soort.INSTELLING
                ? "instelling: gemeente van het woonadres vóór het verblijf is " + naam(reg, woonplaats) + " (uitzondering b)"
                : "woonadres in " + naam(reg, woonplaats));
        if (!woonplaats.equals(responsible)) {
            spoor.signaal(Signaal.WOONPLAATSBEGINSEL, "volgens het woonplaatsbeginsel is " + naam(reg, woonplaats)
                    + " verantwoordelijk, niet " + naam(reg, responsible) + "; de gemeente beslist (WMO319 reden 8)");
        }
        return Optional.empty();
    }

    /** The mandate for (gemeente, domain, date, client scope); without one the gemeente executes itself. */
    private String mandaat(Registry reg, String responsible, Domein domein, LocalDate datum, String client, Spoor spoor) {
        List<Mandaat> mandaten = reg.mandaten(responsible, domein, datum);
        if (mandaten.isEmpty()) {
            spoor.add("geen mandaat van " + responsible + " voor " + domein + " op " + datum + ": voert zelf uit");
            return responsible;
        }
        Optional<Mandaat> alle = mandaten.stream().filter(m -> m.clientScope() == ClientScope.ALL).findFirst();
        Mandaat gekozen;
        if (alle.isPresent()) {
            gekozen = alle.get();
        } else {
            LocalDate grens = mandaten.stream().map(Mandaat::geldigVan).max(Comparator.naturalOrder()).orElseThrow();
            boolean bestaand = spoor.proef() ? spoor.bestaandeClient
                    : toewijzingen.vanClient(client, categorieen(domein)).stream().anyMatch(t -> t.ingangsdatum().isBefore(grens));
            spoor.add(bestaand ? "bestaande cliënt: al een " + domein + "-toewijzing vóór " + grens
                    : "nieuwe cliënt: geen " + domein + "-toewijzing vóór " + grens);
            gekozen = mandaten.stream().filter(m -> m.clientScope().covers(bestaand)).findFirst().orElse(null);
            if (gekozen == null) {
                spoor.add("geen mandaat voor deze cliënt: " + responsible + " voert zelf uit");
                return responsible;
            }
        }
        spoor.add("mandaat " + gekozen.omschrijving());
        return gekozen.executing();
    }

    private static List<String> categorieen(Domein domein) {
        return switch (domein) {
            case BW -> List.of("15");
            case MO -> List.of("16", "17");
            case OVERIG -> List.of("18");
        };
    }

    /** Delivers to the executing gemeente, or to today's successor if that gemeente has since ceased to exist. */
    private static Route naarGemeente(Registry reg, String responsible, String executing, Route.Reason reason, Spoor spoor) {
        String bestemming = executing;
        Opvolging vandaag = reg.opvolging(executing, LocalDate.now());
        if (vandaag instanceof Opvolging.Geldig g && !g.gemeente().code().equals(executing)) {
            bestemming = g.gemeente().code();
            spoor.add("bestemming: " + executing + " bestaat niet meer; afgeleverd bij opvolger " + naam(reg, bestemming));
        } else if (vandaag instanceof Opvolging.Gesplitst) {
            spoor.add("bestemming: " + executing + " is sindsdien gesplitst");
            return triage(spoor, "uitvoerende gemeente " + executing + " is gesplitst", responsible, executing);
        } else {
            spoor.add("bestemming: gemeente " + naam(reg, bestemming));
        }
        return new Route(bestemming, "gemeente." + bestemming, responsible, executing, reason, spoor.regels, spoor.signalen);
    }

    private static Route triage(Spoor spoor, String waarom) {
        return triage(spoor, waarom, null, null);
    }

    private static Route triage(Spoor spoor, String waarom, String responsible, String executing) {
        spoor.add("triage: " + waarom + "; een beheerder routeert met de hand");
        return new Route("TRIAGE", Route.TRIAGE_QUEUE, responsible, executing, Route.Reason.TRIAGE, spoor.regels,
                spoor.signalen);
    }

    private static String naam(Registry reg, String code) {
        return code + reg.gemeente(code).map(Gemeente::naam).map(n -> " " + n).orElse("");
    }

    private static AfkeurException onbestelbaar(Afkeurcode code, String partij) {
        return new AfkeurException(List.of(code.melding(partij)), true);
    }

    private static final class Spoor {
        final List<String> regels = new ArrayList<>();
        final List<Signaal> signalen = new ArrayList<>();
        final Boolean bestaandeClient;

        Spoor(Boolean bestaandeClient) {
            this.bestaandeClient = bestaandeClient;
        }

        boolean proef() {
            return bestaandeClient != null;
        }

        void add(String regel) {
            regels.add(regel);
        }

        void signaal(String code, String omschrijving) {
            signalen.add(new Signaal(code, omschrijving));
        }
    }
}
