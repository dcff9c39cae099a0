package com.voiceappoint.adapter.limits;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import redis.embedded.RedisServer;

/**
 * A real Redis for tests, found once per JVM like the PostgreSQL: {@code TEST_REDIS_URL} when set, else a Testcontainers Redis 7 when a Docker engine answers, else one of our own. Tests
 * keep apart by using keys and channels of their own.
 *
 * <p>A Redis of one's own ({@link #own()}, {@link #at(int)}) is one a test may kill and start again on the same port
 * to play an outage: the {@code redis-server} on the PATH when there is one, else the binary the embedded-redis
 * artifact ships.
 */
public final class TestRedis {
    private static final Logger LOG = LoggerFactory.getLogger(TestRedis.class);
    private static final Duration STARTING = Duration.ofSeconds(15);
    private static String url;

    private TestRedis() {}

    public static synchronized String url() {
        if (url == null) {
            url = startOrFind();
        }
        return url;
    }

    private static String startOrFind() {
        String configured = System.getenv("TEST_REDIS_URL");
        if (configured != null && !configured.isBlank()) {
            LOG.info("tests use the Redis at TEST_REDIS_URL");
            return configured.trim();
        }
        if (dockerAnswers()) {
            LOG.info("tests use a Redis container");
            GenericContainer<?> container = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return "redis://" + container.getHost() + ":" + container.getMappedPort(6379);
        }
        LOG.info("no TEST_REDIS_URL and no Docker engine: tests use a Redis of their own");
        Own shared = own();
        Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        return shared.url();
    }

    /** A Redis of the caller's own, started on a free port. */
    public static Own own() {
        Own redis = at(freePort());
        redis.start();
        return redis;
    }

    /** A Redis of the caller's own that will listen on {@code port} once started: nothing listens there before. */
    public static Own at(int port) {
        return new Own(port);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Redis server process on a fixed port, started and killed at will; closing (or stopping) twice is harmless. */
    public static final class Own implements AutoCloseable {
        private final int port;
        private Process process;
        private RedisServer embedded;

        private Own(int port) {
            this.port = port;
        }

        public String url() {
            return "redis://127.0.0.1:" + port;
        }

        /** Starts the server and returns once it answers PING. */
        public synchronized void start() {
            Optional<Path> binary = onPath();
            if (binary.isPresent()) {
                try {
                    process = new ProcessBuilder(
                                    binary.get().toString(),
                                    "--port",
                                    Integer.toString(port),
                                    "--bind",
                                    "127.0.0.1",
                                    "--save",
                                    "",
                                    "--appendonly",
                                    "no")
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start();
                } catch (IOException e) {
                    throw new UncheckedIOException("could not start " + binary.get(), e);
                }
            } else {
                embedded = RedisServer.builder()
                        .port(port)
                        .bind("127.0.0.1")
                        .setting("save \"\"")
                        .setting("appendonly no")
                        .build();
                embedded.start();
            }
            awaitPong();
        }

        /** Kills the server as a crash would: its clients' connections are cut, nothing is said to them. */
        public synchronized void stop() {
            if (process != null) {
                process.destroyForcibly();
                try {
                    if (!process.waitFor(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("redis-server on port " + port + " did not die");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                process = null;
            }
            if (embedded != null) {
                embedded.stop();
                embedded = null;
            }
        }

        @Override
        public void close() {
            stop();
        }

        private void awaitPong() {
            long deadline = System.nanoTime() + STARTING.toNanos();
            IOException last = null;
            while (System.nanoTime() < deadline) {
                if (process != null && !process.isAlive()) {
                    throw new IllegalStateException("redis-server on port " + port + " exited at once");
                }
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                    socket.setSoTimeout(1_000);
                    OutputStream out = socket.getOutputStream();
                    out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    String reply = new BufferedReader(
                                    new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                            .readLine();
                    if ("+PONG".equals(reply)) {
                        return;
                    }
                } catch (IOException notYet) {
                    last = notYet;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            throw new IllegalStateException("Redis on port " + port + " did not answer in " + STARTING, last);
        }
    }

    private static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "redis-server"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
