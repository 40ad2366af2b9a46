package nl.knooppunt.dashboard;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.knooppunt.security.Scope;

/**
 * The Overzicht page's data: every flow with its route statistics, the backlog per queue, and the audit outbox. Built
 * from plain values ({@link #samenstellen}), so the grouping and the scope are tested without Camel or a broker.
 */
public record Overzicht(Instant tijdstip, List<Stroom> stromen, List<Wachtrij> wachtrijen, long auditAchterstand,
                        boolean routestatistiek) {

    /** The flows and their routes (route ids of routes/*.yaml). */
    static final Map<String, List<String>> STROMEN = indeling();

    private static Map<String, List<String>> indeling() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("Intake SFTP", List.of("intake-sftp"));
        m.put("Intake SOAP", List.of("intake-soap"));
        m.put("Validatie", List.of("validate-bericht"));
        m.put("Routering", List.of("route-bericht"));
        m.put("Aflevering", List.of("deliver-bericht", "push-aflevering"));
        m.put("Retourberichten", List.of("retour-hub"));
        m.put("Audit", List.of("audit-publish"));
        return m;
    }

    /**
     * @param scope gemeentecodes the viewer is limited to (empty: all); a scoped viewer sees only the queues of those
     *              gemeenten
     */
    static Overzicht samenstellen(List<Routecijfers> routes, List<Wachtrij> wachtrijen, long auditAchterstand,
                                  Set<String> scope, Instant nu) {
        return samenstellen(routes, wachtrijen, auditAchterstand, scope, nu, true);
    }

    /** @param routestatistiek false when Camel keeps no route statistics (JMX off): the counts are then unknown */
    static Overzicht samenstellen(List<Routecijfers> routes, List<Wachtrij> wachtrijen, long auditAchterstand,
                                  Set<String> scope, Instant nu, boolean routestatistiek) {
        List<Stroom> stromen = STROMEN.entrySet().stream()
                .map(e -> Stroom.van(e.getKey(), routes.stream().filter(r -> e.getValue().contains(r.routeId())).toList(), nu))
                .toList();
        List<Wachtrij> zichtbaar = wachtrijen.stream()
                .filter(w -> scope.isEmpty() || "gemeente".equals(w.soort()) && Scope.magZien(scope, w.deelnemer()))
                .sorted(Comparator.comparing(Wachtrij::soort).thenComparing(Wachtrij::naam))
                .toList();
        return new Overzicht(nu, stromen, zichtbaar, auditAchterstand, routestatistiek);
    }
}
