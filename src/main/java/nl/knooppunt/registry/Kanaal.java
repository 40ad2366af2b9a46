package nl.knooppunt.registry;

import java.util.Map;

/**
 * How a participant receives its berichten (routing.md §4 DeliveryChannel). Every known gemeente and aanbieder has
 * its durable queue by default; {@code kanalen.yaml} states exceptions and opt-ins.
 *
 * @param informatiekopie gemeenten only: an informational event on {@code gemeente.<code>.informatie} when a
 *                        centrumgemeente executes for it (routing.md §2.5)
 */
public record Kanaal(String deelnemer, Soort soort, boolean informatiekopie, Map<String, String> instellingen) {

    public enum Soort { QUEUE, SFTP, SOAP, REST }

    public Kanaal {
        instellingen = instellingen == null ? Map.of() : Map.copyOf(instellingen);
    }

    public static Kanaal standaard(String deelnemer) {
        return new Kanaal(deelnemer, Soort.QUEUE, false, Map.of());
    }
}
