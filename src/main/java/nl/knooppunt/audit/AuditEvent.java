package nl.knooppunt.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import nl.knooppunt.routing.Signaal;
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
        List<nl.knooppunt.validation.termijn.Termijn> termijnen) {

    public static final int SCHEMA_VERSION = 1;
}
