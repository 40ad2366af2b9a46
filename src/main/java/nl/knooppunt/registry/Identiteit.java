package nl.knooppunt.registry;

/**
 * How a participant proves who it is on a TLS channel: the OIN in its certificate's subject serialNumber
 * (Digikoppeling / PKIoverheid), or, for a certificate without OIN, its full subject DN (RFC 2253). One entry in
 * {@code identiteiten.yaml}.
 */
public record Identiteit(String deelnemer, String oin, String subject) {
}
