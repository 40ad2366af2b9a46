package nl.knooppunt.payload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A bericht's bytes exactly as received: in memory for an ordinary bericht, or, for a large one, a source it is read
 * from: the file its channel wrote (an SFTP upload), or its parts in the payload store (the recovery, a release from
 * the parking queue). Every reader {@link #open() opens} its own stream, so a large declaratie is never whole in the
 * heap: the intake gate, the XSD validator, the rule readers, the payload store and the broker each stream it.
 * {@link #toString()} never shows the content.
 */
public final class Payload {

    /** Where a large payload is read from; each call a new stream from the first byte. */
    @FunctionalInterface
    public interface Bron {
        InputStream open() throws IOException;
    }

    /** From this size on a channel leaves the bytes in their file instead of reading them into the heap. */
    public static final long STREAM_VANAF = 1024 * 1024;

    private final byte[] bytes;
    private final Bron bron;
    private final String soort;
    private final long size;
    private volatile String sha256; // computed once: the channel, the receipt and the duplicate check share it

    private Payload(byte[] bytes, Bron bron, String soort, long size) {
        this.bytes = bytes;
        this.bron = bron;
        this.soort = soort;
        this.size = size;
    }

    public static Payload of(byte[] bytes) {
        byte[] b = bytes == null ? new byte[0] : bytes;
        return new Payload(b, null, null, b.length);
    }

    /** A payload of this size that is read from this source (the payload store's parts). */
    public static Payload uit(long size, Bron bron) {
        return new Payload(null, bron, "delen", size);
    }

    /**
     * The bytes of a file that stays in place, unchanged, for as long as the bericht is being processed (the SFTP
     * intake deletes its work file only after the route).
     */
    public static Payload file(Path file) {
        try {
            return new Payload(null, () -> Files.newInputStream(file), "bestand", Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("bericht in " + file.getFileName() + " niet leesbaar", e);
        }
    }

    public long size() {
        return size;
    }

    /** Whether the bytes are in the heap; when not, read them only through {@link #open()}. */
    public boolean inMemory() {
        return bytes != null;
    }

    /** A new stream over all bytes; the caller closes it. */
    public InputStream open() {
        if (bytes != null) {
            return new ByteArrayInputStream(bytes);
        }
        try {
            return bron.open();
        } catch (IOException e) {
            throw new UncheckedIOException("bericht (" + soort + ") niet leesbaar", e);
        }
    }

    /**
     * All bytes in one array: for a bericht in memory the array itself, otherwise a full read. Only for
     * readers that need an array and see ordinary berichten (the demo, a retour's own bytes); the hub's path streams.
     */
    public byte[] bytes() {
        if (bytes != null) {
            return bytes;
        }
        try (InputStream in = open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("bericht (" + soort + ") niet leesbaar", e);
        }
    }

    /** SHA-256 as lowercase hex, streamed, computed once. */
    public String sha256() {
        String hash = sha256;
        if (hash == null) {
            hash = berekenSha256();
            sha256 = hash;
        }
        return hash;
    }

    private String berekenSha256() {
        if (bytes != null) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        try (DigestInputStream in = new DigestInputStream(open(), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("bericht niet leesbaar", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "Payload[" + size + " bytes" + (bytes != null ? "" : ", " + soort) + "]";
    }
}
