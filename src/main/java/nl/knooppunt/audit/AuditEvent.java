package nl.knooppunt.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import nl.knooppunt.routing.Signaal;
import nl.knooppunt.system.Tekens;
import nl.knooppunt.validation.Melding;

/**
 * One audit event, as published on {@code audit.contractmanagement} and stored in the database. The contract is
 * {@code schemas/audit-event.schema.json}. It never holds a BSN, name, address or free text from the bericht: clients
 * appear only as keyed pseudonyms. {@code afleverkanaal}, {@code poging} and {@code reden} describe a push attempt
 * (delivery.push): the channel, the attempt number and, for a failure, a coded reason without bericht content.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEvent(
        int schemaVersion,
        String eventId,
        String traceerId,
        String eventType,
        Instant tijdstip,
        String kanaal,
        String berichttype,
        String berichtCode,
        String identificatie,
        String afzender,
        String ontvanger,
        String bestemming,
        String responsible,
        String executing,
        String reason,
        List<String> regelspoor,
        List<Signaal> signalen,
        List<String> productcategorieen,
        Long totaalIngediendBedrag,
        Integer aantalClienten,
        List<String> clientPseudoniemen,
        String pseudoniemSleutelId,
        List<Melding> meldingen,
        String retourTraceerId,
        List<String> retourcodes,
        String afleverkanaal,
        Integer poging,
        String reden,
        List<nl.knooppunt.validation.termijn.Termijn> termijnen,
        List<Product> producten) {

    public static final int SCHEMA_VERSION = 1;

    /** An event without product lines (a push attempt, or a bericht the gate could not read). */
    public AuditEvent(int schemaVersion, String eventId, String traceerId, String eventType, Instant tijdstip,
                      String kanaal, String berichttype, String berichtCode, String identificatie, String afzender,
                      String ontvanger, String bestemming, String responsible, String executing, String reason,
                      List<String> regelspoor, List<Signaal> signalen, List<String> productcategorieen,
                      Long totaalIngediendBedrag, Integer aantalClienten, List<String> clientPseudoniemen,
                      String pseudoniemSleutelId, List<Melding> meldingen, String retourTraceerId,
                      List<String> retourcodes, String afleverkanaal, Integer poging, String reden,
                      List<nl.knooppunt.validation.termijn.Termijn> termijnen) {
        this(schemaVersion, eventId, traceerId, eventType, tijdstip, kanaal, berichttype, berichtCode, identificatie,
                afzender, ontvanger, bestemming, responsible, executing, reason, regelspoor, signalen,
                productcategorieen, totaalIngediendBedrag, aantalClienten, clientPseudoniemen, pseudoniemSleutelId,
                meldingen, retourTraceerId, retourcodes, afleverkanaal, poging, reden, termijnen, null);
    }

    /**
     * One product line of the bericht, for contractmanagement: what was toegewezen, requested or declared. 301/315/317
     * carry volume, eenheid, frequentie and periode; a 323/325 prestatie carries volume, eenheid, tarief and bedrag.
     * Amounts in eurocent; bedrag negative when credit.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Product(String soort, Long toewijzingNummer, String productcategorie, String productcode,
                          String begindatum, String einddatum, Long volume, String eenheid, String frequentie,
                          Long tarief, Long bedrag) {

        public static Product of(nl.knooppunt.intake.ProductRegel regel) {
            return new Product(regel.soort(), regel.toewijzingNummer(),
                    Tekens.cijfers(regel.categorie(), 2, 2) ? regel.categorie() : null,
                    Tekens.code(regel.code(), 5, 5) ? regel.code() : null,
                    datum(regel.datum()), datum(regel.einddatum()), regel.volume(), code(regel.eenheid()),
                    code(regel.frequentie()), regel.tarief(), regel.bedrag());
        }

        /** Only a date or a short code from the bericht is kept, never other text. */
        private static String datum(String value) {
            return nl.knooppunt.intake.ProductRegel.alsDatum(value) == null ? null : value;
        }

        private static String code(String value) {
            return Tekens.code(value, 1, 3) ? value : null;
        }
    }
}
