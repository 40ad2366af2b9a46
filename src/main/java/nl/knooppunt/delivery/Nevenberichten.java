package nl.knooppunt.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.knooppunt.audit.Pseudonymizer;
import nl.knooppunt.intake.Bericht;
import nl.knooppunt.intake.BerichtInfo;
import nl.knooppunt.intake.BerichtType;
import nl.knooppunt.intake.ProductRegel;
import nl.knooppunt.registry.Domein;
import nl.knooppunt.registry.Registry;
import nl.knooppunt.registry.RegistryService;
import nl.knooppunt.registry.Zorgkantoor;
import nl.knooppunt.routing.Route;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * What goes out besides the bericht itself, once it is delivered (routing.md §2.5 and §3). Neither holds a payload or
 * a BSN.
 * <ul>
 * <li>an informational event for the responsible gemeente when a centrumgemeente executes, if it opted in
 *     (kanalen.yaml);</li>
 * <li>a signal to the zorgkantoor of the client's region when BW/MO ends with uitstroom naar Wlz, if the region
 *     agreed.</li>
 * </ul>
 */
@Component
public class Nevenberichten {

    private static final ZoneId NL = ZoneId.of("Europe/Amsterdam");

    public record Nevenbericht(String queue, String traceerId, String dupId, String soort, String body) {
    }

    private final NevenberichtProperties properties;
    private final RegistryService registry;
    private final Pseudonymizer pseudonymizer;
    private final ObjectMapper json;

    public Nevenberichten(NevenberichtProperties properties, RegistryService registry, Pseudonymizer pseudonymizer,
                          ObjectMapper json) {
        this.properties = properties;
        this.registry = registry;
        this.pseudonymizer = pseudonymizer;
        this.json = json;
    }

    public List<Nevenbericht> voor(@ExchangeProperty(Bericht.PROPERTY) Bericht bericht) {
        Route route = bericht.besluit();
        if (route == null || route.triage() || bericht.status() != Bericht.Status.AFGELEVERD) {
            return List.of();
        }
        List<Nevenbericht> result = new ArrayList<>();
        informatiekopie(bericht, route, registry.current()).ifPresent(result::add);
        result.addAll(zorgkantoorSignalen(bericht, route, registry.current()));
        return result;
    }

    public String prepare(Nevenbericht neven, Message message) {
        message.removeHeaders("*");
        message.setHeader(Delivery.QUEUE, neven.queue());
        message.setHeader("_AMQ_DUPL_ID", neven.dupId());
        message.setHeader("nevenbericht", neven.soort());
        message.setHeader("traceerId", neven.traceerId());
        return neven.body();
    }

    private Optional<Nevenbericht> informatiekopie(Bericht bericht, Route route, Registry reg) {
        if (route.responsible() == null || route.responsible().equals(route.executing())
                || !reg.kanaal(route.responsible()).informatiekopie()) {
            return Optional.empty();
        }
        BerichtInfo info = bericht.info();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("traceerId", bericht.traceerId());
        event.put("berichtCode", info.berichtCode());
        event.put("berichttype", info.type().name());
        event.put("responsible", route.responsible());
        event.put("executing", route.executing());
        event.put("reason", route.reason().name());
        event.put("regelspoor", route.regelspoor());
        event.put("productcategorieen", info.productCategorieen());
        event.put("referentiedatum", String.valueOf(info.referentiedatum()));
        event.put("clientPseudoniemen", info.clientPseudoniemen());
        event.put("pseudoniemSleutelId", pseudonymizer.keyId());
        return Optional.of(new Nevenbericht("gemeente." + route.responsible() + ".informatie", bericht.traceerId(),
                bericht.traceerId() + "/informatie", "INFORMATIEKOPIE", toJson(event)));
    }

    private List<Nevenbericht> zorgkantoorSignalen(Bericht bericht, Route route, Registry reg) {
        BerichtInfo info = bericht.info();
        if (properties.zorgkantoorRegios().isEmpty() || route.responsible() == null
                || !(info.type() == BerichtType.WMO301 || info.type() == BerichtType.WMO307)) {
            return List.of();
        }
        // the region today (the zorgkantoor signal goes out now), by the mandate the route took
        Optional<String> regio = reg.regio(route.responsible(), route.executing(), LocalDate.now(NL));
        Optional<Zorgkantoor> zorgkantoor = reg.zorgkantoor(route.responsible());
        if (regio.isEmpty() || !properties.zorgkantoorRegios().contains(regio.get()) || zorgkantoor.isEmpty()) {
            return List.of();
        }
        List<Nevenbericht> result = new ArrayList<>();
        for (ProductRegel p : info.producten()) {
            String aanleiding = "06".equals(p.redenWijziging()) ? "RedenWijziging06"
                    : "39".equals(p.redenBeeindiging()) ? "RedenBeeindiging39" : null;
            if (aanleiding == null || Domein.vanProductcategorie(p.categorie()).isEmpty()) {
                continue;
            }
            result.add(new Nevenbericht("zorgkantoor." + zorgkantoor.get().regioCode(), bericht.traceerId(),
                    bericht.traceerId() + "/zorgkantoor/" + result.size(), "ZORGKANTOORSIGNAAL",
                    signaal(bericht, route, zorgkantoor.get(), aanleiding, p)));
        }
        return result;
    }

    private String signaal(Bericht bericht, Route route, Zorgkantoor zk, String aanleiding, ProductRegel p) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<UitstroomSignaal xmlns=\"urn:knooppunt:zorgkantoor-signaal:1\">")
                .append("<TraceerId>").append(bericht.traceerId()).append("</TraceerId>")
                .append("<Signaaldatum>").append(LocalDate.now(NL)).append("</Signaaldatum>")
                .append("<Zorgkantoorregio>").append(zk.regioCode()).append("</Zorgkantoorregio>")
                .append("<Gemeente>").append(route.responsible()).append("</Gemeente>")
                .append("<UitvoerendeGemeente>").append(route.executing()).append("</UitvoerendeGemeente>")
                .append("<BerichtCode>").append(bericht.info().berichtCode()).append("</BerichtCode>")
                .append("<Aanleiding>").append(aanleiding).append("</Aanleiding>")
                .append("<Productcategorie>").append(p.categorie()).append("</Productcategorie>");
        if (p.einddatum() != null && p.einddatum().matches("\\d{4}-\\d{2}-\\d{2}")) {
            xml.append("<Einddatum>").append(p.einddatum()).append("</Einddatum>");
        }
        return xml.append("<ClientPseudoniem sleutel=\"").append(pseudonymizer.keyId()).append("\">")
                .append(bericht.info().clientPseudoniem()).append("</ClientPseudoniem>")
                .append("</UitstroomSignaal>").toString();
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
