package nl.knooppunt.intake.sftp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** File helpers for the SFTP folders: a writer the aanbieder never sees half done. */
final class Bestanden {

    private Bestanden() {
    }

    /**
     * Writes under a hidden temporary name ({@code .<name>.<random>.tmp}), forces it to disk, then renames it
     * atomically into place (replacing a file of the same name).
     */
    static void schrijfAtomair(Path map, String naam, byte[] inhoud) throws IOException {
        Path tmp = map.resolve("." + naam + "." + UUID.randomUUID().toString().substring(0, 8) + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(inhoud);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, map.resolve(naam), StandardCopyOption.ATOMIC_MOVE);
    }
}
