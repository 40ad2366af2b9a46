package nl.knooppunt.routing;

/**
 * Where a bericht goes and why.
 *
 * @param bestemming   the participant it is delivered to: gemeentecode or AGB-code
 * @param queue        the durable anycast queue, {@code gemeente.<code>} or {@code aanbieder.<agb>}
 * @param responsible  the gemeente legally responsible for the client
 * @param executing    the gemeente that executes (differs under mandate)
 * @param reason       TOEWIJZING | HEADER | MANDAAT | HERINDELING | WOONPLAATSBEGINSEL | TRIAGE (routing.md §4)
 */
public record RoutingBesluit(String bestemming, String queue, String responsible, String executing, Reason reason) {

    public enum Reason { TOEWIJZING, HEADER, MANDAAT, HERINDELING, WOONPLAATSBEGINSEL, TRIAGE }
}
