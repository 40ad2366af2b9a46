package nl.knooppunt.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One flow of the hub (intake SOAP, validatie, …) over its routes: counts since start, in-flight, mean and max time,
 * time since the last success.
 *
 * @param toestand GOED, STORING (the last exchange failed), STIL (no exchange since start) or GESTOPT (a route is not
 *                 started)
 */
public record Stroom(String naam, List<String> routes, String toestand, long totaal, long gelukt, long mislukt,
                     long onderweg, long gemiddeldMs, long maxMs, Instant laatsteSucces, Instant laatsteFout,
                     Long secondenSindsSucces) {

    static Stroom van(String naam, List<Routecijfers> routes, Instant nu) {
        long totaal = 0, gelukt = 0, mislukt = 0, onderweg = 0, max = 0, tijd = 0;
        Instant succes = null, fout = null;
        boolean gestopt = routes.isEmpty();
        for (Routecijfers r : routes) {
            totaal += r.totaal();
            gelukt += r.gelukt();
            mislukt += r.mislukt();
            onderweg += r.onderweg();
            max = Math.max(max, r.maxMs());
            tijd += r.gemiddeldMs() * r.totaal();
            succes = laatste(succes, r.laatsteSucces());
            fout = laatste(fout, r.laatsteFout());
            gestopt |= !"Started".equals(r.state());
        }
        String toestand = gestopt ? "GESTOPT"
                : fout != null && (succes == null || fout.isAfter(succes)) ? "STORING"
                : totaal == 0 ? "STIL" : "GOED";
        return new Stroom(naam, routes.stream().map(Routecijfers::routeId).toList(), toestand, totaal, gelukt, mislukt,
                onderweg, totaal == 0 ? 0 : tijd / totaal, max, succes, fout,
                succes == null ? null : Math.max(0, Duration.between(succes, nu).getSeconds()));
    }

    private static Instant laatste(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
