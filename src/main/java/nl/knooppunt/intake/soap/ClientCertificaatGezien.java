package nl.knooppunt.intake.soap;

import java.security.cert.X509Certificate;

/** Published by the SOAP certificate gate when a participant connected with this client certificate (beheer keeps notAfter). */
public record ClientCertificaatGezien(String deelnemer, X509Certificate certificaat) {
}
