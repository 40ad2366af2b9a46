package nl.knooppunt.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** An immutable, validated snapshot of the participants and the rules between them. */
public record Registry(Map<String, Gemeente> gemeenten, Map<String, Aanbieder> aanbieders,
                       List<Herindeling> herindelingen, List<Mandaat> mandaten, Map<String, Zorgkantoor> zorgkantoren,
                       Map<String, Kanaal> kanalen, List<Identiteit> identiteiten) {

    public Registry {
        identiteiten = List.copyOf(identiteiten);
        gemeenten = Map.copyOf(gemeenten);
        aanbieders = Map.copyOf(aanbieders);
        herindelingen = List.copyOf(herindelingen);
        mandaten = List.copyOf(mandaten);
        zorgkantoren = Map.copyOf(zorgkantoren);
        kanalen = Map.copyOf(kanalen);
    }

    public Registry(Map<String, Gemeente> gemeenten, Map<String, Aanbieder> aanbieders,
                    List<Herindeling> herindelingen, List<Mandaat> mandaten, Map<String, Zorgkantoor> zorgkantoren) {
        this(gemeenten, aanbieders, herindelingen, mandaten, zorgkantoren, Map.of(), List.of());
    }

    public Registry(Map<String, Gemeente> gemeenten, Map<String, Aanbieder> aanbieders,
                    List<Herindeling> herindelingen, List<Mandaat> mandaten, Map<String, Zorgkantoor> zorgkantoren,
                    Map<String, Kanaal> kanalen) {
        this(gemeenten, aanbieders, herindelingen, mandaten, zorgkantoren, kanalen, List.of());
    }

    public Registry(Map<String, Gemeente> gemeenten, Map<String, Aanbieder> aanbieders) {
        this(gemeenten, aanbieders, List.of(), List.of(), Map.of(), Map.of(), List.of());
    }

    /** The participant (gemeentecode or AGB) registered with this OIN, from a certificate's subject serialNumber. */
    public Optional<String> deelnemerMetOin(String oin) {
        return oin == null ? Optional.empty() : identiteiten.stream()
                .filter(i -> oin.equals(i.oin())).map(Identiteit::deelnemer).findFirst();
    }

    /** The participant registered with this certificate subject DN (RFC 2253, compared as given). */
    public Optional<String> deelnemerMetSubject(String subject) {
        return subject == null ? Optional.empty() : identiteiten.stream()
                .filter(i -> subject.equals(i.subject())).map(Identiteit::deelnemer).findFirst();
    }

    public Optional<Gemeente> gemeente(String code) {
        return Optional.ofNullable(code == null ? null : gemeenten.get(code));
    }

    public Optional<Aanbieder> aanbieder(String agb) {
        return Optional.ofNullable(agb == null ? null : aanbieders.get(agb));
    }

    /**
     * The participant's delivery channel: the registered one; else, for an aanbieder that logs in to the hub's SFTP
     * server, its {@code in/} folder; else its durable queue.
     */
    public Kanaal kanaal(String deelnemer) {
        Kanaal kanaal = deelnemer == null ? null : kanalen.get(deelnemer);
        if (kanaal != null) {
            return kanaal;
        }
        Aanbieder aanbieder = deelnemer == null ? null : aanbieders.get(deelnemer);
        return aanbieder != null && !aanbieder.sftpPublicKeys().isEmpty()
                ? new Kanaal(deelnemer, Kanaal.Soort.SFTP_IN, false, Map.of())
                : Kanaal.standaard(deelnemer);
    }

    public Optional<Zorgkantoor> zorgkantoor(String gemeente) {
        return Optional.ofNullable(gemeente == null ? null : zorgkantoren.get(gemeente));
    }

    /**
     * Follows herindelingen from {@code code} up to {@code peildatum}, transitively (0265 → 0241 in 2015 → 1945 in
     * 2016). A split on the way gives {@link Opvolging.Gesplitst}: never a guessed successor.
     */
    public Opvolging opvolging(String code, LocalDate peildatum) {
        Gemeente gemeente = code == null ? null : gemeenten.get(code);
        if (gemeente == null) {
            return new Opvolging.Onbekend(code);
        }
        List<Herindeling> keten = new ArrayList<>();
        while (true) {
            String huidig = gemeente.code();
            List<Herindeling> volgende = herindelingen.stream()
                    .filter(h -> h.oudeCode().equals(huidig) && !h.datum().isAfter(peildatum))
                    .toList();
            if (volgende.isEmpty()) {
                return new Opvolging.Geldig(gemeente, List.copyOf(keten));
            }
            if (volgende.size() > 1) {
                return new Opvolging.Gesplitst(huidig, gemeente.naam(), volgende.get(0).datum(),
                        volgende.stream().map(Herindeling::nieuweCode).sorted().toList());
            }
            Herindeling h = volgende.get(0);
            keten.add(h);
            gemeente = gemeenten.get(h.nieuweCode());
            if (gemeente == null || keten.size() > 50) {
                throw new IllegalStateException("herindeling naar onbekende gemeente " + h.nieuweCode());
            }
        }
    }

    /**
     * The BW/MO region a gemeente belongs to on a date, as mandating gemeente or as the centrumgemeente that executes,
     * from the mandates that hold on that date. A gemeente can change region: Vijfheerenlanden (1961) was in
     * Zuid-Holland Zuid until 2019, and from 2020 in Utrecht U16 for new clients while existing clients stayed until
     * the end of 2020. With {@code executing} given, a mandate executed by that centrumgemeente wins (the route that
     * was taken); else one for all clients, then one for new clients, before one for existing clients only. Empty when
     * no mandate of the gemeente holds on the date.
     */
    public Optional<String> regio(String gemeente, String executing, LocalDate peildatum) {
        return mandaten.stream()
                .filter(m -> (m.mandating().equals(gemeente) || m.executing().equals(gemeente)) && m.geldigOp(peildatum))
                .min(Comparator.comparing((Mandaat m) -> !m.executing().equals(executing))
                        .thenComparing(m -> switch (m.clientScope()) {
                            case ALL -> 0;
                            case NEW -> 1;
                            case EXISTING -> 2;
                        }))
                .map(Mandaat::regio);
    }

    /** The mandates of this gemeente for this domain that hold on the date (at most one per client scope). */
    public List<Mandaat> mandaten(String mandating, Domein domein, LocalDate peildatum) {
        return mandaten.stream()
                .filter(m -> m.mandating().equals(mandating) && m.domeinen().contains(domein) && m.geldigOp(peildatum))
                .sorted(Comparator.comparing(Mandaat::clientScope))
                .collect(Collectors.toList());
    }
}
