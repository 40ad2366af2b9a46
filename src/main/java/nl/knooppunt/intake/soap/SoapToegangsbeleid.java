package nl.knooppunt.intake.soap;

import java.net.InetAddress;

/**
 * Who may reach SOAP, decided once at start-up: over mutual TLS always; without a client certificate only when
 * explicitly allowed, on a plain port that binds to loopback, and never in the prod profile. Anything else stops
 * start-up with a message that names the setting.
 */
final class SoapToegangsbeleid {

    private SoapToegangsbeleid() {
    }

    static void check(boolean zonderCertificaat, boolean tlsActief, InetAddress serverAddress, boolean prod) {
        if (zonderCertificaat && prod) {
            throw new IllegalStateException("knooppunt.soap.zonder-certificaat=true is not allowed in the prod profile: "
                    + "SOAP callers must present a client certificate (knooppunt.soap.tls.*)");
        }
        if (zonderCertificaat && (serverAddress == null || !serverAddress.isLoopbackAddress())) {
            throw new IllegalStateException("knooppunt.soap.zonder-certificaat=true (SOAP without a client certificate) "
                    + "is only allowed when the plain HTTP port binds to loopback, but server.address is "
                    + (serverAddress == null ? "unset (all interfaces)" : serverAddress.getHostAddress())
                    + ". Set server.address=127.0.0.1 (or ::1), or set knooppunt.soap.zonder-certificaat=false and "
                    + "configure mutual TLS (knooppunt.soap.tls.key-store and trust-store)");
        }
        if (!zonderCertificaat && !tlsActief) {
            throw new IllegalStateException("SOAP needs mutual TLS: set knooppunt.soap.tls.key-store and "
                    + "knooppunt.soap.tls.trust-store (or, for local development on loopback only, "
                    + "knooppunt.soap.zonder-certificaat=true)");
        }
    }
}
