package nl.knooppunt.system;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * The hub's ids (traceerId, audit event id, deadline and start/stop rows): time-ordered UUIDs in the layout of
 * RFC 9562 version 7, a 48-bit millisecond timestamp followed by 74 random bits.
 *
 * <p>Why not {@link UUID#randomUUID()}: these ids are primary keys and index keys of the tables every bericht writes.
 * A random key puts each new row on a random page of the B-tree, so every commit rewrites as many pages as it has rows
 * (H2 writes changed pages whole on each commit; PostgreSQL's checkpoints and cache suffer the same way). A key that
 * grows with time puts the rows of the berichten in flight on the last few pages, which a group commit
 * ({@link GroepCommit}) then writes once. The string form sorts as the time does (fixed-width lowercase hex).
 * The 74 random bits keep an id unguessable; the timestamp says when the hub received it, nothing more.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String nieuw() {
        return nieuw(System.currentTimeMillis()).toString();
    }

    static UUID nieuw(long millis) {
        byte[] r = new byte[10];
        RANDOM.nextBytes(r);
        long msb = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (r[0] & 0x0FL) << 8 | (r[1] & 0xFFL);
        long lsb = 0;
        for (int i = 2; i < 10; i++) {
            lsb = lsb << 8 | (r[i] & 0xFFL);
        }
        lsb = lsb & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L; // variant 10
        return new UUID(msb, lsb);
    }
}
