package com.voiceappoint.adapter.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A PostgreSQL of a test's own, on a fixed port with a data directory of its own, to stop and start again: what a
 * database restart looks like to a server. Never the machine's PostgreSQL, which other tests share. Stopping is
 * PostgreSQL's fast shutdown: sessions are cut off and transactions in flight rolled back.
 */
public final class RestartablePostgres implements AutoCloseable {
    private final Path data;
    private final int port;
    private EmbeddedPostgres running;

    private RestartablePostgres(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    /** A fresh server on a free port, started. */
    public static RestartablePostgres start() {
        try {
            RestartablePostgres postgres =
                    new RestartablePostgres(Files.createTempDirectory("voiceappoint-restart-"), freePort());
            postgres.startAgain();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The {@code postgres} database as superuser: a server's DATABASE_URL. */
    public DatabaseUrl url() {
        return new DatabaseUrl("jdbc:postgresql://localhost:%d/postgres".formatted(port), "postgres", null);
    }

    public synchronized void stop() {
        try {
            running.close();
            running = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server again on the same port, with the data it had. */
    public synchronized void startAgain() {
        try {
            running = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL on port " + port, e);
        }
    }

    @Override
    public synchronized void close() {
        if (running != null) {
            stop();
        }
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
