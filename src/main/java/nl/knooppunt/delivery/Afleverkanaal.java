package nl.knooppunt.delivery;

import nl.knooppunt.registry.Kanaal;

/**
 * A push channel: hands one Zending from a participant's durable queue to the participant (its SFTP server, its SOAP
 * service, its webhook, or its {@code in/} folder on the hub's own SFTP server). One implementation per
 * {@link Kanaal.Soort} other than QUEUE. The delivery loop around it owns retries, backoff, the DLQ and auditing.
 */
public interface Afleverkanaal {

    Kanaal.Soort soort();

    /**
     * Delivers, or throws. Must be safe to repeat for the same traceerId: the receiver sees it at most once
     * (temp name + rename, an idempotency key, …).
     */
    void lever(Kanaal kanaal, Zending zending) throws Exception;
}
