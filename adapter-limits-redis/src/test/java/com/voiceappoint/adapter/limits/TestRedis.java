package com.voiceappoint.adapter.limits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import redis.embedded.RedisServer;

/**
 * A real Redis for tests, found once per JVM like the PostgreSQL: {@code TEST_REDIS_URL} when set, else a
 * Testcontainers Redis 7 when a Docker engine answers, else the embedded Redis 7 binary from Maven Central. Tests
 * keep apart by using keys of their own.
 */
public final class TestRedis {
    private static final Logger LOG = LoggerFactory.getLogger(TestRedis.class);
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
        LOG.info("no TEST_REDIS_URL and no Docker engine: tests use an embedded Redis");
        Own shared = own();
        Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        return shared.url();
    }

    /** A Redis of the caller's own, on a free port: one it may stop to play an outage. */
    public static Own own() {
        int port = freePort();
        RedisServer server = RedisServer.builder()
                .port(port)
                .bind("127.0.0.1")
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
        server.start();
        return new Own("redis://127.0.0.1:" + port, server);
    }

    /** An embedded Redis and where it listens; closing (or stopping) it twice is harmless. */
    public static final class Own implements AutoCloseable {
        private final String url;
        private final RedisServer server;

        private Own(String url, RedisServer server) {
            this.url = url;
            this.server = server;
        }

        public String url() {
            return url;
        }

        public void stop() {
            server.stop();
        }

        @Override
        public void close() {
            stop();
        }
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
