package nl.knooppunt.validation.keten;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.knooppunt.intake.Bericht;
import org.apache.camel.ExchangeProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * TR056 and duplicates, persistent across restarts. Before routing, a bericht claims its (sender, berichtsoort,
 * Identificatie) with the SHA-256 of its bytes; the primary key decides between two berichten that arrive at once.
 * <ul>
 * <li>same key, same bytes: {@link Uitkomst.Soort#DUPLICAAT} of the earlier traceerId, not delivered again;</li>
 * <li>same key, other bytes: {@link Uitkomst.Soort#NIET_UNIEK} (TR056, 9056), always rejected;</li>
 * <li>a claim whose bericht was rejected (not parked) is released by the error handler, or taken over here.</li>
 * </ul>
 */
@Component
public class Duplicaten implements nl.knooppunt.validation.Controle {

    private final JdbcTemplate jdbc;
    private final Sleutels sleutels;
    private final TransactionTemplate savepoint;

    public Duplicaten(JdbcTemplate jdbc, Sleutels sleutels) {
        this.jdbc = jdbc;
        // keyed by the same DataSource as the hub's transaction manager, so it nests in the transaction that runs
        this.savepoint = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.sleutels = sleutels;
    }

    /**
     * @param overgenomen for {@link Soort#NIEUW}: the traceerId whose abandoned claim this bericht took over (its row
     *                    is then marked {@code DUPLICAAT}, so the recovery does not deliver it a second time), or null
     */
    public record Uitkomst(Soort soort, String eerder, String overgenomen) {
        public enum Soort { NIEUW, DUPLICAAT, NIET_UNIEK }

        static final Uitkomst NIEUW = new Uitkomst(Soort.NIEUW, null);

        public Uitkomst(Soort soort, String eerder) {
            this(soort, eerder, null);
        }
    }

    /** Exchange property set by the recovery (delivery.Herstel): a failed recovery keeps its claim for the next run. */
    public static final String HERSTEL = "knooppuntHerstel";

    /** Claims the key for this bericht. Idempotent for the same traceerId (a parked bericht that is released). */
    public Uitkomst claim(Inhoud inhoud, String sha256, String traceerId) {
        String verzender = inhoud.verzender();
        if (verzender == null || inhoud.identificatie() == null) {
            return Uitkomst.NIEUW;
        }
        String sleutel = sleutels.van("Identificatie", inhoud.identificatie());
        String overgenomen = null;
        for (int poging = 0; poging < 3; poging++) {
            try {
                insert(verzender, inhoud.type().name(), sleutel, sha256, traceerId);
                return overgenomen == null ? Uitkomst.NIEUW : new Uitkomst(Uitkomst.Soort.NIEUW, null, overgenomen);
            } catch (DuplicateKeyException e) {
                List<Map<String, Object>> rows = jdbc.queryForList("select c.traceer_id, c.sha256, c.geclaimd_op, b.status from "
                        + "bericht_identificatie c left join bericht b on b.traceer_id = c.traceer_id where c.afzender = ? "
                        + "and c.berichttype = ? and c.identificatie_sleutel = ?", verzender, inhoud.type().name(), sleutel);
                if (rows.isEmpty()) {
                    continue; // released in between: try again
                }
                String eerder = (String) rows.get(0).get("traceer_id");
                if (eerder.equals(traceerId)) {
                    return Uitkomst.NIEUW;
                }
                Object status = rows.get(0).get("status");
                if (Bericht.Status.AFGEKEURD.name().equals(status)) {
                    // the holder was rejected but its claim survived (a crash before release): take it over
                    jdbc.update("delete from bericht_identificatie where afzender = ? and berichttype = ? and "
                            + "identificatie_sleutel = ? and traceer_id = ?", verzender, inhoud.type().name(), sleutel, eerder);
                    continue;
                }
                if (onaf(status)) {
                    if (afgebroken(rows.get(0).get("geclaimd_op"))) {
                        // the holder's process died between claim and delivery (kill -9, power loss): it will never
                        // finish, so this offer takes over; delivery's duplicate id drops a send that did get out
                        jdbc.update("delete from bericht_identificatie where afzender = ? and berichttype = ? and "
                                + "identificatie_sleutel = ? and traceer_id = ?", verzender, inhoud.type().name(), sleutel, eerder);
                        overgenomen = eerder;
                        continue;
                    }
                    // still in progress elsewhere: not a duplicate yet (it may still fail), so the sender tries later
                    throw new InBehandeling(eerder);
                }
                return new Uitkomst(sha256.equals(rows.get(0).get("sha256")) ? Uitkomst.Soort.DUPLICAAT
                        : Uitkomst.Soort.NIET_UNIEK, eerder);
            }
        }
        throw new IllegalStateException("claim op Identificatie bleef wisselen; wordt opnieuw geprobeerd");
    }

    /**
     * The claim's insert, in a savepoint when a transaction is running (a group commit, system.GroepCommit): on
     * PostgreSQL a failed statement aborts the whole transaction, and the duplicate key is an answer here, not a fault.
     * Without a transaction it is a transaction of its own, as an autocommit insert was.
     */
    private void insert(String verzender, String type, String sleutel, String sha256, String traceerId) {
        savepoint.executeWithoutResult(status -> jdbc.update("insert into bericht_identificatie (afzender, berichttype, "
                        + "identificatie_sleutel, sha256, traceer_id, geclaimd_op) values (?, ?, ?, ?, ?, ?)", verzender,
                type, sleutel, sha256, traceerId, Timestamp.from(Instant.now())));
    }

    /** Received but not yet afgeleverd, geparkeerd, afgekeurd or a duplicate. */
    private static boolean onaf(Object status) {
        return Bericht.Status.ONTVANGEN.name().equals(status) || Bericht.Status.GEROUTEERD.name().equals(status);
    }

    /**
     * An unfinished claim is abandoned when it is older than this process (its holder ran in a process that ended) or
     * older than {@link #VERLATEN} (a replica that died while others run on).
     */
    private static boolean afgebroken(Object geclaimdOp) {
        Instant claim = nl.knooppunt.tracking.BerichtJournal.tijdstip(geclaimdOp);
        return claim != null && (claim.isBefore(PROCES_START) || claim.isBefore(Instant.now().minus(VERLATEN)));
    }

    private static final Instant PROCES_START =
            Instant.ofEpochMilli(java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());

    /** Longer than any intake with its redeliveries takes. */
    static final java.time.Duration VERLATEN = java.time.Duration.ofMinutes(10);

    /** A transient failure: an earlier offer of the same bericht is still being processed; offer it again later. */
    public static class InBehandeling extends RuntimeException {
        InBehandeling(String eerder) {
            super("Tijdelijke storing: een eerder aangeboden bericht met dezelfde Identificatie is nog in behandeling "
                    + "(traceerId " + eerder + "); bied het later opnieuw aan");
        }
    }

    /**
     * Error-handler step: a rejected bericht (not a parked one, which may still be released) or one that failed
     * transiently gives its claim back, so that the sender can offer it again.
     */
    public void vrijgeven(@ExchangeProperty(Bericht.PROPERTY) Bericht bericht,
                          @ExchangeProperty(HERSTEL) Boolean herstel) {
        if (Boolean.TRUE.equals(herstel) && bericht != null && bericht.status() != Bericht.Status.AFGEKEURD) {
            return; // a recovery that failed transiently: the bericht stays claimed, the next run tries again
        }
        if (bericht != null && bericht.status() != Bericht.Status.GEPARKEERD
                && bericht.status() != Bericht.Status.AFGELEVERD && bericht.status() != Bericht.Status.IN_TRIAGE
                && bericht.status() != Bericht.Status.DUPLICAAT) {
            jdbc.update("delete from bericht_identificatie where traceer_id = ?", bericht.traceerId());
        }
    }

    // TR056: Identificatie unique per sender per berichtsoort; retourcode 9056. Always rejects (not a signal).
    @Override
    public String id() {
        return "TR056";
    }

    @Override
    public int niveau() {
        return 3;
    }

    @Override
    public String retourcode() {
        return "9056";
    }

    @Override
    public String omschrijving() {
        return "Identificatie is niet uniek voor deze afzender en berichtsoort";
    }
}
