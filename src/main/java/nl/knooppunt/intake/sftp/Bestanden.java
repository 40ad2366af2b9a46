package nl.knooppunt.intake.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import nl.knooppunt.payload.Payload;

/** File helpers for the SFTP folders: a writer the aanbieder never sees half done. */
final class Bestanden {

    private Bestanden() {
    }

    /**
     * Writes under a hidden temporary name ({@code .<name>.<random>.tmp}), forces it to disk, then renames it
     * atomically into place (replacing a file of the same name).
     */
    static void schrijfAtomair(Path map, String naam, byte[] inhoud) throws IOException {
        schrijfAtomair(map, naam, Payload.of(inhoud));
    }

    /** The same, streamed: a large bericht is copied from where it is, never whole in the heap. */
    static void schrijfAtomair(Path map, String naam, Payload inhoud) throws IOException {
        Path tmp = map.resolve("." + naam + "." + UUID.randomUUID().toString().substring(0, 8) + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             InputStream in = inhoud.open()) {
            in.transferTo(Channels.newOutputStream(ch));
            ch.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, map.resolve(naam), StandardCopyOption.ATOMIC_MOVE);
    }
}
