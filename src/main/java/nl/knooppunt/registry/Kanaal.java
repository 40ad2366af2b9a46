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

    /**
     * QUEUE: the durable queue only. SFTP_IN: an aanbieder's {@code in/} folder on the hub's own SFTP server (the
     * default for an aanbieder with SFTP keys). SFTP, SOAP, REST: push to the participant's own server.
     */
    public enum Soort { QUEUE, SFTP_IN, SFTP, SOAP, REST }

    public Kanaal {
        instellingen = instellingen == null ? Map.of() : Map.copyOf(instellingen);
    }

    public static Kanaal standaard(String deelnemer) {
        return new Kanaal(deelnemer, Soort.QUEUE, false, Map.of());
    }
}
