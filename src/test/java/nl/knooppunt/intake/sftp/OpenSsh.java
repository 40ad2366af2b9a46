package nl.knooppunt.intake.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real OpenSSH {@code sftp} client, as an aanbieder would run it: key only, the hub's host key pinned on first use. */
final class OpenSsh {

    record Resultaat(int exit, String uitvoer) {
    }

    private final Path dir;
    private final int port;

    OpenSsh(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** A fresh ed25519 key pair made by ssh-keygen; returns the private key file ({@code .pub} next to it). */
    Path sleutel(String naam) {
        Path key = dir.resolve(naam);
        run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", naam, "-f", key.toString()), 30);
        return key;
    }

    String publiek(Path key) {
        try {
            return Files.readString(Path.of(key + ".pub")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> args(String user, Path key, String... extra) {
        List<String> cmd = new ArrayList<>(List.of("sftp", "-F", "/dev/null", "-P", String.valueOf(port),
                "-o", "StrictHostKeyChecking=accept-new", "-o", "UserKnownHostsFile=" + dir.resolve("known_hosts"),
                "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "ConnectTimeout=10"));
        if (key != null) {
            cmd.addAll(List.of("-i", key.toString()));
        }
        cmd.addAll(List.of(extra));
        cmd.add(user + "@127.0.0.1");
        return cmd;
    }

    /** Runs the commands as an {@code sftp -b} batch: the first failing command ends it with a non-zero exit. */
    Resultaat batch(String user, Path key, String... commands) {
        try {
            Path batch = Files.createTempFile(dir, "batch", ".txt");
            Files.writeString(batch, String.join("\n", commands) + "\n");
            List<String> cmd = args(user, key, "-b", batch.toString());
            return run(cmd, 60);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An sftp process that reads its commands from stdin ({@code -b -}), for slow and cut-off uploads. */
    Process interactief(String user, Path key, String... extra) {
        List<String> args = new ArrayList<>(List.of(extra));
        args.addAll(List.of("-b", "-"));
        try {
            return new ProcessBuilder(args(user, key, args.toArray(String[]::new))).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("interactief-" + System.nanoTime() + ".log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void stuur(Process p, String command) {
        try {
            p.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Resultaat run(List<String> cmd, int seconds) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timeout: " + cmd);
            }
            return new Resultaat(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
