package nl.knooppunt.routing;

import java.util.List;

/**
 * Where a bericht goes and why (routing.md §2, §4).
 *
 * @param bestemming  the participant it is delivered to: gemeentecode, AGB-code, or TRIAGE
 * @param queue       the durable anycast queue: {@code gemeente.<code>}, {@code aanbieder.<agb>} or {@code knooppunt.triage}
 * @param responsible the gemeente legally responsible for the client (null when only triage can tell)
 * @param executing   the gemeente that executes: the centrumgemeente under mandate, else the responsible one
 * @param reason      the rule that decided: TOEWIJZING | HEADER | MANDAAT | HERINDELING | WOONPLAATSBEGINSEL | TRIAGE
 * @param regelspoor  every rule applied, in order, in words a beheerder or contractmanager can read
 * @param signalen    things a person should know, though they did not change the route
 */
public record Route(String bestemming, String queue, String responsible, String executing, Reason reason,
                    List<String> regelspoor, List<Signaal> signalen) {

    public static final String TRIAGE_QUEUE = "knooppunt.triage";

    public enum Reason { TOEWIJZING, HEADER, MANDAAT, HERINDELING, WOONPLAATSBEGINSEL, TRIAGE }

    public Route {
        regelspoor = List.copyOf(regelspoor);
        signalen = List.copyOf(signalen);
    }

    public Route(String bestemming, String queue, String responsible, String executing, Reason reason) {
        this(bestemming, queue, responsible, executing, reason, List.of(), List.of());
    }

    public boolean triage() {
        return reason == Reason.TRIAGE;
    }
}
