package nl.knooppunt.intake.sftp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import nl.knooppunt.validation.Masking;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches what an aanbieder does in its chroot, enforces what it may do there, and picks up complete files from
 * {@code uit/}. A file is complete only when the aanbieder says so; a plain upload is never taken on its own, because
 * the server cannot tell a finished {@code put} from one that was cut off:
 * <ul>
 *   <li><b>temp name + rename</b>: upload as {@code x.xml.part} (or {@code .tmp}, {@code .filepart}, or a name that
 *       starts with a dot), then rename it to {@code x.xml}; the rename is the moment of pickup;</li>
 *   <li><b>marker</b>: upload {@code x.xml}, then an (empty) {@code x.xml.done}; the marker's completion is the moment
 *       of pickup, and the hub removes the marker.</li>
 * </ul>
 * Pickup is one atomic rename into the hub's work folder ({@code werk/<agb>/<afhaling>_<name>}), outside the chroot,
 * done before the SFTP rename or close is answered. The aanbieder may write only directly in {@code uit/}; it may
 * read and delete in {@code uit/} and {@code in/}; directories, links and a way out of the chroot do not exist for it.
 * <p>
 * An upload is capped at {@code knooppunt.max-bericht-size} while it is written: the first write that starts past the
 * cap is refused (and every later one on that handle), and the file is taken at once as it is, so the usual pickup
 * refuses it by its length (KP004) before anything parses it and the aanbieder finds the verwerkingsverslag in
 * {@code in/}. A 200 MB upload thus costs the hub the cap in disk, not 200 MB.
 */
class UitMap implements SftpEventListener {

    private static final Logger log = LoggerFactory.getLogger(UitMap.class);
    private static final Set<String> TIJDELIJK = Set.of(".part", ".tmp", ".filepart", ".partial");
    static final String MARKER = ".done";
    private static final DateTimeFormatter STEMPEL = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    private final SftpMappen mappen;
    private final long maxSize;
    private final Set<FileHandle> teGroot = ConcurrentHashMap.newKeySet();

    UitMap(SftpMappen mappen) {
        this(mappen, Long.MAX_VALUE - 1);
    }

    /** @param maxSize the hub's max-bericht-size in bytes: an upload that passes it is stopped and refused (KP004) */
    UitMap(SftpMappen mappen, long maxSize) {
        this.mappen = mappen;
        this.maxSize = maxSize;
    }

    @Override
    public void opening(ServerSession session, String remoteHandle, Handle localHandle) throws IOException {
        if (localHandle instanceof FileHandle file) {
            Set<StandardOpenOption> opties = file.getOpenOptions();
            boolean schrijft = opties.contains(StandardOpenOption.WRITE) || opties.contains(StandardOpenOption.APPEND)
                    || opties.contains(StandardOpenOption.CREATE) || opties.contains(StandardOpenOption.CREATE_NEW)
                    || opties.contains(StandardOpenOption.TRUNCATE_EXISTING);
            if (schrijft && !directInUit(file.getFile())) {
                throw new AccessDeniedException(pad(file.getFile()), null, "alleen schrijven in uit/");
            }
        }
    }

    /**
     * A write that starts past the cap means the file is over it already (writes are answered in order): the file is
     * taken as it is, at most one write longer than the cap, and this and every later write on the handle are refused.
     */
    @Override
    public void writing(ServerSession session, String remoteHandle, FileHandle localHandle, long offset, byte[] data,
                        int dataOffset, int dataLen) throws IOException {
        if (teGroot.contains(localHandle)) {
            throw new IOException(weigering());
        }
        if (offset > maxSize && directInUit(localHandle.getFile())) {
            teGroot.add(localHandle);
            String agb = session.getUsername();
            Path bestand = mappen.uit(agb).resolve(naam(localHandle.getFile()));
            overDeGrens(bestand);
            neem(agb, bestand, bedoeldeNaam(naam(bestand)));
            log.info("SFTP: upload van {} gestopt bij {} bytes: groter dan max-bericht-size ({} bytes)", agb, offset,
                    maxSize);
            throw new IOException(weigering());
        }
    }

    private String weigering() {
        return "KP004: bestand groter dan " + maxSize + " bytes; upload gestopt, verwerkingsverslag volgt in in/";
    }

    /** A client that writes out of order may leave a hole: the length still tells the pickup it is over the cap. */
    private void overDeGrens(Path bestand) throws IOException {
        try (FileChannel ch = FileChannel.open(bestand, StandardOpenOption.WRITE)) {
            if (ch.size() <= maxSize) {
                ch.write(ByteBuffer.wrap(new byte[] {0}), maxSize);
            }
        }
    }

    /** {@code x.xml.part} was meant to become {@code x.xml}: the verslag carries the name the aanbieder meant. */
    static String bedoeldeNaam(String naam) {
        String lower = naam.toLowerCase(Locale.ROOT);
        for (String suffix : TIJDELIJK) {
            if (lower.endsWith(suffix) && naam.length() > suffix.length()) {
                return naam.substring(0, naam.length() - suffix.length());
            }
        }
        return naam;
    }

    @Override
    public void creating(ServerSession session, Path path, Map<String, ?> attrs) throws IOException {
        throw new AccessDeniedException(pad(path), null, "geen mappen aanmaken");
    }

    @Override
    public void moving(ServerSession session, Path src, Path dst, Collection<CopyOption> opts) throws IOException {
        if (!directInUit(src) || !directInUit(dst)) {
            throw new AccessDeniedException(pad(src), pad(dst), "hernoemen alleen binnen uit/");
        }
    }

    @Override
    public void moved(ServerSession session, Path src, Path dst, Collection<CopyOption> opts, Throwable thrown)
            throws IOException {
        if (thrown == null) {
            gereed(session.getUsername(), naam(dst));
        }
    }

    @Override
    public void closed(ServerSession session, String remoteHandle, Handle localHandle, Throwable thrown)
            throws IOException {
        if (localHandle instanceof FileHandle file && teGroot.remove(file)) {
            return;
        }
        if (thrown == null && localHandle instanceof FileHandle file && directInUit(file.getFile())
                && naam(file.getFile()).endsWith(MARKER)) {
            gereed(session.getUsername(), naam(file.getFile()));
        }
    }

    @Override
    public void removing(ServerSession session, Path path, boolean isDirectory) throws IOException {
        if (isDirectory || path.toAbsolutePath().normalize().getNameCount() != 2) {
            throw new AccessDeniedException(pad(path), null, "alleen bestanden in uit/ en in/ verwijderen");
        }
    }

    @Override
    public void linking(ServerSession session, Path source, Path target, boolean symLink) throws IOException {
        throw new AccessDeniedException(pad(source), pad(target), "geen links");
    }

    @Override
    public void modifyingAttributes(ServerSession session, Path path, Map<String, ?> attrs) throws IOException {
        if (!directInUit(path)) {
            throw new AccessDeniedException(pad(path), null, "alleen attributen van bestanden in uit/");
        }
    }

    /** A file name in uit/ became final: take it, or the file its marker names. */
    void gereed(String agb, String naam) throws IOException {
        Path uit = mappen.uit(agb);
        if (naam.endsWith(MARKER)) {
            String data = naam.substring(0, naam.length() - MARKER.length());
            if (isCompleet(data) && Files.isRegularFile(uit.resolve(data), LinkOption.NOFOLLOW_LINKS)) {
                neem(agb, uit.resolve(data));
                Files.deleteIfExists(uit.resolve(naam));
            }
        } else if (isCompleet(naam) && Files.isRegularFile(uit.resolve(naam), LinkOption.NOFOLLOW_LINKS)) {
            neem(agb, uit.resolve(naam));
        }
    }

    /** After a restart: files whose marker arrived while the hub was down. */
    void herstel(String agb) throws IOException {
        try (DirectoryStream<Path> markers = Files.newDirectoryStream(mappen.uit(agb), "*" + MARKER)) {
            for (Path marker : markers) {
                gereed(agb, marker.getFileName().toString());
            }
        }
    }

    void neem(String agb, Path bestand) throws IOException {
        neem(agb, bestand, bestand.getFileName().toString());
    }

    private void neem(String agb, Path bestand, String naam) throws IOException {
        String afhaling = LocalDateTime.now().format(STEMPEL) + "-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            Files.move(bestand, mappen.werk(agb).resolve(afhaling + "_" + naam), StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.NoSuchFileException e) {
            // another replica on the shared SFTP folders took it first (both look at markers when they start)
            return;
        }
        log.info("SFTP: {} heeft {} aangeleverd (afhaling {})", agb, Masking.maskBsnLike(naam), afhaling);
    }

    /** Not a temporary upload name, not a marker, not hidden. */
    static boolean isCompleet(String naam) {
        String lower = naam.toLowerCase(Locale.ROOT);
        return !naam.isEmpty() && !naam.startsWith(".") && !lower.endsWith(MARKER)
                && TIJDELIJK.stream().noneMatch(lower::endsWith);
    }

    private static boolean directInUit(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        return abs.getNameCount() == 2 && abs.getName(0).toString().equals(SftpMappen.UIT);
    }

    private static String naam(Path path) {
        Path name = path.getFileName();
        return name == null ? "" : name.toString();
    }

    private static String pad(Path path) {
        return Masking.maskBsnLike(path.toAbsolutePath().normalize().toString());
    }
}
