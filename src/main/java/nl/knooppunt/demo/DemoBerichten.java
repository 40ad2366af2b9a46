package nl.knooppunt.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The berichten of the demo, made from the shipped examples: what an aanbieder sends for a {@link Verkeer.Geval}, and
 * what a gemeente system answers to a 315 or 323 it received. Every bericht gets its own identificatie, references and
 * test BSN, so the hub never sees two alike.
 */
final class DemoBerichten {

    private static final DateTimeFormatter TIJD = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Clock clock;
    private final String run;
    private final AtomicInteger nummer;

    /**
     * @param run 3 letters or digits that differ between demo starts, so berichten of an earlier start are never
     *            duplicates; with the prefix and a 5-digit number an identificatie stays within 12 characters
     */
    DemoBerichten(Clock clock, String run) {
        this(clock, run, 0);
    }

    /** @param eerste where numbering starts (tests: near the wrap) */
    DemoBerichten(Clock clock, String run, int eerste) {
        this.nummer = new AtomicInteger(eerste);
        this.clock = clock;
        if (!run.matches("[A-Z0-9]{3}")) {
            throw new IllegalArgumentException("run must be 3 letters or digits: " + run);
        }
        this.run = run;
    }

    record Heen(String bestandsnaam, byte[] xml) {
    }

    Heen heen(Verkeer.Geval g) {
        int n = volgende();
        String id = run + n;
        Sjabloon s = Sjabloon.van(g.bericht())
                .zet("Afzender", g.aanbieder())
                .zet("Ontvanger", g.gemeente())
                .zetEerste("Identificatie", "D" + g.bericht() + id)
                .zetEerste("Dagtekening", vandaag());
        String bsn = "bsn".equals(g.fout()) ? DemoBsn.ongeldig(n) : DemoBsn.nth(n);
        switch (g.bericht()) {
            case "315" -> {
                // one product, or two: a bericht is under mandate only if all its products are in mandated domeinen
                List<String> producten = g.product2() == null ? List.of(g.product())
                        : List.of(g.product(), g.product2());
                s.behoud("AangevraagdProduct", producten.size())
                        .zet("Bsn", bsn)
                        .zetOpVolgorde("Categorie", producten.stream().map(p -> p.substring(0, 2)).toList())
                        .zetOpVolgorde("Code", producten)
                        .zetOpVolgorde("ReferentieAanbieder", List.of("DEMO-" + id + "-A", "DEMO-" + id + "-B"));
            }
            case "305" -> s.zet("Bsn", bsn).zetEerste("Categorie", g.product().substring(0, 2))
                    .zetEerste("Code", g.product());
            case "307" -> {
                s.zet("Bsn", bsn).zet("Categorie", g.product().substring(0, 2)).zet("Code", g.product());
                if (g.reden() != null) {
                    s.zet("RedenBeeindiging", g.reden());
                }
            }
            case "323" -> {
                s.zetOpVolgorde("Bsn", List.of(bsn, DemoBsn.nth(n + 4500)))
                        .zet("DeclaratieNummer", "D" + id)
                        .zetOpVolgorde("ReferentieNummer", List.of("DEMO-" + id + "-1", "DEMO-" + id + "-2",
                                "DEMO-" + id + "-3"));
                if ("totaal".equals(g.fout())) {
                    s.zet("TotaalBedrag", "241481");
                }
            }
            default -> throw new IllegalArgumentException("demo: no heenbericht " + g.bericht());
        }
        return new Heen("wmo" + g.bericht() + "-" + id + ".xml", s.bytes());
    }

    /** A 315 answered: the verzoek is in onderzoek (319, VerzoekAntwoord 2, as in the example), then granted (301). */
    List<byte[]> antwoordOp315(String gemeente, Velden verzoek) {
        int n = volgende();
        String aanbieder = verzoek.eerste("Afzender");
        List<String> referenties = verzoek.alle("ReferentieAanbieder");
        byte[] antwoord = Sjabloon.van("319")
                .zet("Afzender", gemeente)
                .zet("Ontvanger", aanbieder)
                .zetEerste("Identificatie", "G319" + run + n)
                .zetEerste("Dagtekening", vandaag())
                .zet("ReferentieAanbieder", referenties.get(0))
                .bytes();
        byte[] toewijzing = Sjabloon.van("301")
                .behoud("ToegewezenProduct", referenties.size())
                .zet("Afzender", gemeente)
                .zet("Ontvanger", aanbieder)
                .zetEerste("Identificatie", "G301" + run + n)
                .zetEerste("Dagtekening", vandaag())
                .zet("Bsn", verzoek.eerste("Bsn"))
                .zetOpVolgorde("Categorie", verzoek.alle("Categorie"))
                .zetOpVolgorde("Code", verzoek.alle("Code"))
                .zetOpVolgorde("ReferentieAanbieder", referenties)
                .zetOpVolgorde("ToewijzingNummer", List.of(toewijzingNummer(n, 1), toewijzingNummer(n, 2)))
                .zet("Toewijzingsdatum", vandaag())
                .zet("Toewijzingstijd", LocalTime.now(clock).format(TIJD))
                .bytes();
        return List.of(antwoord, toewijzing);
    }

    /** A 323 answered with a 325: the dagbesteding prestatie is refused (0611), the rest granted. */
    byte[] antwoordOp323(String gemeente, Velden declaratie) {
        int n = volgende();
        List<String> bsns = declaratie.alle("Bsn");
        List<String> referenties = declaratie.alle("ReferentieNummer");
        return Sjabloon.van("325")
                .zet("Afzender", gemeente)
                .zet("Ontvanger", declaratie.eerste("Afzender"))
                .zetOpVolgorde("Identificatie", List.of("G325" + run + n, declaratie.eerste("Identificatie")))
                .zetOpVolgorde("Dagtekening", List.of(vandaag(), declaratie.eerste("Dagtekening")))
                .zet("DeclaratieNummer", declaratie.eerste("DeclaratieNummer"))
                .zet("Bsn", bsns.get(bsns.size() - 1))
                .zet("ReferentieNummer", referenties.get(referenties.size() - 1))
                .bytes();
    }

    /**
     * 1 … 99999, then again from 1: identificaties have at most 12 characters. After the wrap (55 hours at the default
     * rate) an identificatie can repeat, which the hub reports as a signal (TR056).
     */
    private int volgende() {
        return Math.floorMod(nummer.getAndIncrement(), 99_999) + 1;
    }

    private String vandaag() {
        return LocalDate.now(clock).toString();
    }

    /** 9 digits (LDT_Nummer), distinct per toewijzing within a run and across most runs. */
    private String toewijzingNummer(int n, int regel) {
        long basis = Long.parseLong(run, 36) * 200_000L;
        return String.valueOf(100_000_000L + (basis + n * 2L + regel) % 900_000_000L);
    }
}
