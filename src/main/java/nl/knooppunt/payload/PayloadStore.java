package nl.knooppunt.payload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Enumeration;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The only place where a bericht's bytes, and so a BSN, are kept. Everything else refers to a bericht by traceerId.
 * <p>
 * A bericht in memory is one row. A large one ({@link Payload#inMemory()} false) is streamed into parts of
 * {@value #DEEL} bytes ({@code payload_deel}), each committed in its own transaction before the receipt
 * ({@link #bewaarDelen}); the receipt's row then names the number of parts. So neither the hub nor the database
 * (H2 writes a transaction's pages from one buffer at its commit) ever holds the whole document. Parts of a receipt
 * that never committed (a crash in between) have no payload row and are removed by the retention.
 */
@Repository
public class PayloadStore {

    static final int DEEL = 1024 * 1024;
    private static final byte[] DELEN = new byte[0]; // marker: the bytes are in payload_deel

    private final JdbcTemplate jdbc;
    private final TransactionTemplate eigenTransactie;

    PayloadStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.eigenTransactie = new TransactionTemplate(transactions);
        this.eigenTransactie.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public void store(String traceerId, byte[] bytes) {
        store(traceerId, Payload.of(bytes));
    }

    /** In the receipt's transaction; for a large payload after {@link #bewaarDelen}. */
    public void store(String traceerId, Payload payload) {
        if (payload.inMemory()) {
            jdbc.update("insert into payload (traceer_id, inhoud) values (?, ?)", traceerId, payload.bytes());
        } else {
            jdbc.update("insert into payload (traceer_id, inhoud, delen) values (?, ?, ?)", traceerId, new byte[0],
                    delen(payload.size()));
        }
    }

    /**
     * A large payload's parts, streamed from its file, each part committed on its own (also when the caller has a
     * transaction: the parts are not part of it). Nothing to do for a payload in memory.
     */
    public void bewaarDelen(String traceerId, Payload payload) {
        if (payload.inMemory()) {
            return;
        }
        Timestamp nu = Timestamp.from(Instant.now());
        try (InputStream in = payload.open()) {
            int volgnummer = 0;
            byte[] deel;
            while ((deel = in.readNBytes(DEEL)).length > 0) {
                int nummer = volgnummer++;
                byte[] inhoud = deel;
                eigenTransactie.executeWithoutResult(s -> jdbc.update(
                        "insert into payload_deel (traceer_id, volgnummer, inhoud, aangemaakt_op) values (?, ?, ?, ?)",
                        traceerId, nummer, inhoud, nu));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("payload van " + traceerId + " niet leesbaar", e);
        }
    }

    /**
     * The payload as it can be read again: in memory for an ordinary bericht; for a large one a {@link Payload} that
     * reads its parts one at a time while a reader streams it (the recovery, a release from the parking queue, the
     * dashboard's masked view).
     */
    public Optional<Payload> open(String traceerId) {
        Optional<byte[]> rij = jdbc.query("select inhoud, delen from payload where traceer_id = ?",
                rs -> !rs.next() ? Optional.empty() : rs.getInt(2) == 0 ? Optional.of(rs.getBytes(1)) : Optional.of(DELEN),
                traceerId);
        if (rij.isEmpty() || rij.get() != DELEN) {
            return rij.map(Payload::of);
        }
        long[] delenEnGrootte = jdbc.queryForObject("select count(*), coalesce(sum(octet_length(inhoud)), 0) "
                + "from payload_deel where traceer_id = ?", (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, traceerId);
        long delen = delenEnGrootte[0];
        return Optional.of(Payload.uit(delenEnGrootte[1], () -> new SequenceInputStream(new Enumeration<>() {
            int volgnummer;

            @Override
            public boolean hasMoreElements() {
                return volgnummer < delen;
            }

            @Override
            public InputStream nextElement() {
                return new ByteArrayInputStream(jdbc.queryForObject(
                        "select inhoud from payload_deel where traceer_id = ? and volgnummer = ?", byte[].class,
                        traceerId, volgnummer++));
            }
        })));
    }

    static int delen(long size) {
        return (int) ((size + DEEL - 1) / DEEL);
    }
}
