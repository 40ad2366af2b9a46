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
 * A bericht's bytes exactly as received: in memory for an ordinary bericht, or, for a large one, the file its channel
 * wrote (an SFTP upload). Every reader {@link #open() opens} its own stream, so a large declaratie is never whole in
 * the heap: the intake gate, the XSD validator, the rule readers, the payload store and the broker each stream it.
 * {@link #toString()} never shows the content.
 */
public final class Payload {

    /** From this size on a channel leaves the bytes in their file instead of reading them into the heap. */
    public static final long STREAM_VANAF = 1024 * 1024;

    private final byte[] bytes;
    private final Path file;
    private final long size;

    private Payload(byte[] bytes, Path file, long size) {
        this.bytes = bytes;
        this.file = file;
        this.size = size;
    }

    public static Payload of(byte[] bytes) {
        byte[] b = bytes == null ? new byte[0] : bytes;
        return new Payload(b, null, b.length);
    }

    /**
     * The bytes of a file that stays in place, unchanged, for as long as the bericht is being processed (the SFTP
     * intake deletes its work file only after the route).
     */
    public static Payload file(Path file) {
        try {
            return new Payload(null, file, Files.size(file));
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
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("bericht in " + file.getFileName() + " niet leesbaar", e);
        }
    }

    /**
     * All bytes in one array: for a bericht in memory the array itself, for a file-backed one a full read. Only for
     * readers that need an array and see ordinary berichten (the demo, a retour's own bytes); the hub's path streams.
     */
    public byte[] bytes() {
        if (bytes != null) {
            return bytes;
        }
        try (InputStream in = open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("bericht in " + file.getFileName() + " niet leesbaar", e);
        }
    }

    /** SHA-256 as lowercase hex, streamed. */
    public String sha256() {
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
        return "Payload[" + size + " bytes" + (bytes != null ? "" : ", file") + "]";
    }
}
