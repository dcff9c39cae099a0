package com.voiceappoint.bootstrap;

import com.voiceappoint.adapter.persistence.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started from binaries shipped in a Maven dependency, so a first run needs nothing
 * installed but a JDK. With a data directory, its data survives restarts; without one it is thrown away.
 *
 * <p>It is PostgreSQL {@value #MAJOR_VERSION}: the oldest major version our migrations run on, the one the compose
 * files run, and one the PostgreSQL client of current distributions can back up (pg_dump refuses a server newer
 * than itself, and Debian 12 ships 15). It writes every commit to disk before answering (PostgreSQL's defaults,
 * which zonky turns off for tests), listens on loopback TCP only, on a port chosen at each start, and lets in only
 * the holder of a password generated once and kept in the data directory, readable by its owner only.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    public static final String MAJOR_VERSION = "15";
    /** The superuser's password, in the data directory, in libpq's passfile format so psql and pg_dump read it. */
    public static final String PASSFILE = "voiceappoint.pgpass";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String SUPERUSER = "postgres";
    /** zonky's: locked by the process running the directory's server, released when that process dies. */
    private static final String LOCK_FILE = "epg-lock";

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);
    private static final Map<String, String> DURABLE =
            Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on");
    private static final Map<String, String> FAST_AND_FORGETFUL =
            Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off");
    /** Rewritten at every start: whatever initdb or a hand edit left there, SCRAM it is. */
    private static final String HBA = """
            # Written by VoiceAppoint at each start of its embedded PostgreSQL: password (SCRAM) logins over loopback
            # TCP only. The password is in %s beside this file.
            host    all    all    127.0.0.1/32    scram-sha-256
            host    all    all    ::1/128         scram-sha-256
            """.formatted(PASSFILE);

    private final EmbeddedPostgres postgres;
    private final Path passfile;
    private final String password;
    /** A temporary server's folder, data and binaries. */
    private Optional<Path> deleteOnClose = Optional.empty();

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path passfile, String password) {
        this.postgres = postgres;
        this.passfile = passfile;
        this.password = password;
    }

    /**
     * A server keeping its data in {@code dataDirectory}: initialized on first start, reused afterwards. A server
     * left running there by a process that was killed is stopped first. It runs from binaries unpacked into {@code
     * binariesDirectory}, a folder that must be this user's alone (made so when missing).
     *
     * @throws IllegalStateException when another running server uses the directory, it holds another major
     *     version's data, or the binaries' folder is someone else's or open to others: the message says what to do
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, Path binariesDirectory) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        try {
            EmbeddedBinaries binaries = EmbeddedBinaries.in(binariesDirectory);
            Files.createDirectories(directory);
            if (Files.exists(directory.resolve("postgresql.conf"))) {
                refuseAnotherMajorVersion(directory);
                refuseIfInUse(directory);
            }
            EmbeddedPostgresServer server = start(directory, binaries, false, DURABLE);
            // no secret in it: the URL names the passfile, which only the data's owner can read
            LOG.info(
                    "embedded PostgreSQL {} at {} (for psql and pg_dump; `java -jar voiceappoint.jar db-url` prints it)",
                    MAJOR_VERSION,
                    server.libpqUrl());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + directory, e);
        }
    }

    /**
     * A throw-away server for tests: it trades the durability of each commit for speed. Its data and its binaries are
     * in a new temporary folder of its own, which {@link #close()} deletes.
     */
    public static EmbeddedPostgresServer startTemporary() {
        try {
            Path temporary = Files.createTempDirectory("voiceappoint-pg"); // owner only, as Files makes it
            EmbeddedPostgresServer server = start(
                    temporary.resolve("data"),
                    EmbeddedBinaries.in(temporary.resolve("binaries")),
                    true,
                    FAST_AND_FORGETFUL);
            server.deleteOnClose = Optional.of(temporary);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL", e);
        }
    }

    private static EmbeddedPostgresServer start(
            Path directory, EmbeddedBinaries binaries, boolean temporary, Map<String, String> durability)
            throws IOException {
        Path passfile = directory.resolve(PASSFILE);
        String password = Files.exists(passfile) ? readPassword(passfile) : newPassword();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPgBinaryResolver(binaries)
                .setOverrideWorkingDirectory(binaries.workingDirectory())
                .setDataDirectory(directory)
                .setCleanDataDirectory(temporary)
                // stopped by whoever started it, in its order: the server's own shutdown stops HTTP first
                .setRegisterShutdownHook(false)
                .setPGStartupWait(STARTUP_WAIT)
                .setConnectConfig("password", password)
                .setServerConfig("listen_addresses", "localhost")
                // no socket file in /tmp, where every local user would find it
                .setServerConfig("unix_socket_directories", "")
                // after zonky's initdb, before the server listens
                .setDataDirectoryCustomizer(data -> prepare(data.toPath(), binaries, password));
        // zonky passes -F (fsync off) first; a -c that follows overrides it
        durability.forEach(builder::setServerConfig);
        EmbeddedPostgres postgres = builder.start();
        binaries.closeWorkingDirectory();
        return new EmbeddedPostgresServer(postgres, passfile, password);
    }

    /** Run while zonky holds the directory's lock, so a server running there is nobody's but a dead process's. */
    private static void prepare(Path directory, EmbeddedBinaries binaries, String password) {
        try {
            stopOrphan(directory, binaries);
            Path passfile = directory.resolve(PASSFILE);
            if (!Files.exists(passfile)) {
                setSuperuserPassword(directory, binaries, password);
                writeOwnerOnly(passfile, passfileLines(password));
            }
            Files.writeString(directory.resolve("pg_hba.conf"), HBA);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the embedded PostgreSQL in " + directory, e);
        }
    }

    /** The {@code postgres} database as superuser, from which others are created. */
    public DatabaseUrl url() {
        return new DatabaseUrl("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres", SUPERUSER, password);
    }

    /** For libpq's tools: the URL names the passfile instead of carrying the password, so no screen or ps shows it. */
    public String libpqUrl() {
        return libpqUrl(String.valueOf(postgres.getPort()), passfile);
    }

    /**
     * The URL of the embedded server running in {@code dataDirectory}, if one is, as {@link #libpqUrl()}: for a
     * command run beside the server.
     */
    public static Optional<String> runningUrl(Path dataDirectory) {
        Path passfile = dataDirectory.toAbsolutePath().normalize().resolve(PASSFILE);
        return runningPort(dataDirectory).map(port -> libpqUrl(port, passfile));
    }

    /**
     * The embedded server running in {@code dataDirectory}, if one is, as {@link #url()}: for a command that works on
     * the server's database while it runs ({@code operator grant}), with the password its owner keeps there.
     */
    public static Optional<DatabaseUrl> runningDatabaseUrl(Path dataDirectory) {
        Path passfile = dataDirectory.toAbsolutePath().normalize().resolve(PASSFILE);
        return runningPort(dataDirectory).map(port -> {
            try {
                return new DatabaseUrl(
                        "jdbc:postgresql://127.0.0.1:" + port + "/postgres", SUPERUSER, readPassword(passfile));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the embedded PostgreSQL's password in " + passfile, e);
            }
        });
    }

    /** The port of the server running in the directory, when one runs and its password is there. */
    private static Optional<String> runningPort(Path dataDirectory) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        Path passfile = directory.resolve(PASSFILE);
        try {
            List<String> pidFile = Files.readAllLines(directory.resolve("postmaster.pid"));
            // postmaster.pid: PID, data directory, start time, port, ...
            if (pidFile.size() < 4 || !Files.exists(passfile)) {
                return Optional.empty();
            }
            boolean running = ProcessHandle.of(Long.parseLong(pidFile.get(0).trim()))
                    .map(ProcessHandle::isAlive)
                    .orElse(false);
            return running ? Optional.of(pidFile.get(3).trim()) : Optional.empty();
        } catch (IOException | NumberFormatException noServer) {
            return Optional.empty();
        }
    }

    private static String libpqUrl(String port, Path passfile) {
        return "postgresql://" + SUPERUSER + "@127.0.0.1:" + port + "/postgres?passfile="
                + percentEncoded(passfile.toAbsolutePath().toString());
    }

    private static void refuseAnotherMajorVersion(Path directory) throws IOException {
        Path versionFile = directory.resolve("PG_VERSION");
        if (!Files.exists(versionFile)) {
            return; // not an initialized directory after all: initdb will say what is wrong
        }
        String version = Files.readString(versionFile).trim();
        if (!version.equals(MAJOR_VERSION)) {
            throw new IllegalStateException(("%s holds a PostgreSQL %s database, made by an earlier VoiceAppoint;"
                            + " this one embeds PostgreSQL %s, which cannot open it, so nothing was changed. Keep"
                            + " running the earlier version on it, or move its data to this one as docs/DEPLOYMENT.md"
                            + " says (\"The embedded database\").")
                    .formatted(directory, version, MAJOR_VERSION));
        }
    }

    private static void refuseIfInUse(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(
                        directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw inUse(directory);
            }
        } catch (OverlappingFileLockException heldByThisProcess) {
            throw inUse(directory);
        }
    }

    private static IllegalStateException inUse(Path directory) {
        return new IllegalStateException(("the embedded PostgreSQL in %s is in use by another running VoiceAppoint"
                        + " server: stop that one first, or give this one another DATA_DIR")
                .formatted(directory));
    }

    /**
     * A process killed with SIGKILL leaves its PostgreSQL running, and a second one cannot start on the same data:
     * stop the first as pg_ctl does on a normal stop (fast: clients are disconnected, and it shuts down cleanly).
     */
    private static void stopOrphan(Path directory, EmbeddedBinaries binaries) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return; // a crash's leftover: PostgreSQL replaces it itself
        }
        ProcessHandle.Info info = process.get().info();
        Optional<String> command = info.command();
        if (command.isPresent()
                && !Path.of(command.get()).getFileName().toString().startsWith("postgres")) {
            // after a restart the number went to another program: the file is stale
            LOG.warn("{} named PID {}, now {}, not PostgreSQL: removing the stale file", pidFile, pid, command.get());
            Files.delete(pidFile);
            return;
        }
        // pg_ctl stop signals whatever PID the file names: only ever the PostgreSQL of this very directory
        if (!info.commandLine().orElse("").contains(directory.toString())) {
            throw new IllegalStateException(("%s names PID %d, which runs but is not known to be this directory's"
                            + " PostgreSQL: if it is, stop it (kill -INT %d); if no PostgreSQL runs on %s, delete"
                            + " that file. Then start again.")
                    .formatted(pidFile, pid, pid, directory));
        }
        LOG.warn(
                "a PostgreSQL (PID {}) was left running in {} by a VoiceAppoint that did not stop (killed?): stopping it",
                pid,
                directory);
        Finished stop = run(binaries.command(
                "pg_ctl",
                "stop",
                "-D",
                directory.toString(),
                "-m",
                "fast",
                "-w",
                "-t",
                String.valueOf(SHUTDOWN_WAIT.toSeconds())));
        // pg_ctl returns once the lock file is gone, a moment before the process itself
        if (stop.exitCode() != 0 || !exited(process.get())) {
            throw new IllegalStateException(("could not stop the PostgreSQL (PID %d) left running in %s: stop it"
                            + " (kill -INT %d), wait until it has exited, and start again. pg_ctl said: %s")
                    .formatted(pid, directory, pid, stop.output().strip()));
        }
        LOG.info("stopped the PostgreSQL left running in {}", directory);
    }

    private static boolean exited(ProcessHandle process) {
        try {
            process.onExit().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** In single-user mode: no server listens yet, so nobody gets in before the password is set. */
    private static void setSuperuserPassword(Path directory, EmbeddedBinaries binaries, String password)
            throws IOException {
        List<String> command = binaries.command(
                "postgres", "--single", "-D", directory.toString(), "-c", "exit_on_error=on", "postgres");
        Process postgres = new ProcessBuilder(command).redirectErrorStream(true).start();
        // on standard input, not the command line, where ps would show it; base64url needs no quoting
        try (OutputStream input = postgres.getOutputStream()) {
            input.write(
                    ("alter role " + SUPERUSER + " password '" + password + "'\n").getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(postgres.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Finished finished = finish(postgres, output);
        if (finished.exitCode() != 0 || output.contains("ERROR")) {
            throw new IllegalStateException(
                    "could not set the embedded PostgreSQL's password in " + directory + ": " + output.strip());
        }
    }

    private record Finished(int exitCode, String output) {}

    private static Finished run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return finish(process, output);
    }

    private static Finished finish(Process process, String output) {
        try {
            if (!process.waitFor(SHUTDOWN_WAIT.toSeconds() + 10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Finished(-1, output);
            }
            return new Finished(process.exitValue(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return new Finished(-1, output);
        }
    }

    private static String newPassword() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static String passfileLines(String password) {
        // host:port:database:user:password; the URL we print names 127.0.0.1, the server's own check localhost
        return """
                # The embedded PostgreSQL's superuser password, generated once (libpq passfile format).
                127.0.0.1:*:*:%1$s:%2$s
                localhost:*:*:%1$s:%2$s
                """.formatted(SUPERUSER, password);
    }

    private static String readPassword(Path passfile) throws IOException {
        return Files.readAllLines(passfile).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split(":", 5))
                .filter(fields -> fields.length == 5)
                .map(fields -> fields[4].strip())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        passfile + " holds no password: delete it, and the next start generates and sets a new one"));
    }

    /** Written whole under another name, then renamed: never readable by others, never half there. */
    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        try {
            Files.createFile(
                    partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(partial); // Windows: the file stays readable by the user's own account
        }
        Files.writeString(partial, content, StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** A path as a URL query value: libpq decodes %XX (and only that: a "+" stays a plus). */
    private static String percentEncoded(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "/-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }

    /**
     * Stops the server (PostgreSQL's fast shutdown: sessions cut off, transactions in flight rolled back). Nothing
     * else stops it, not even the JVM's shutdown (zonky's own hook is off, since it would run beside the owner's and
     * take the database from requests still draining): the owner closes it after whatever uses it.
     */
    @Override
    public void close() {
        try {
            postgres.close();
            if (deleteOnClose.isPresent()) {
                try (Stream<Path> files = Files.walk(deleteOnClose.get())) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
