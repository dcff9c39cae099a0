package com.voiceappoint.adapter.persistence;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL for a test class: {@code @RegisterExtension static final TestPostgres postgres = new
 * TestPostgres();}.
 *
 * <p>The server is found once per JVM: {@code TEST_DATABASE_URL} when set (CI on our machines points it at the
 * local server), else a Testcontainers PostgreSQL when a Docker engine answers, else an embedded PostgreSQL. Each
 * test class gets its own database, cloned from a template migrated once, and dropped afterwards.
 */
public final class TestPostgres implements BeforeAllCallback, AfterAllCallback {
    private static final Logger LOG = LoggerFactory.getLogger(TestPostgres.class);
    /** Connections in each test class's pool. */
    static final int POOL_SIZE = 12;

    private static DatabaseUrl server;
    private static String template;

    private String owner;
    private String database;
    private DatabaseUrl url;
    private PostgresPersistence persistence;
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    @Override
    public void beforeAll(ExtensionContext context) {
        if (owner != null) {
            return; // a @Nested class inherits the callback: the enclosing class's database serves it too
        }
        owner = context.getUniqueId();
        String name = "va_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        DatabaseUrl admin = server();
        execute(admin, "create database " + name + " template " + template());
        database = name;
        url = admin.withDatabase(name);
        persistence = PostgresPersistence.connect(url, POOL_SIZE, metrics);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!context.getUniqueId().equals(owner)) {
            return;
        }
        persistence.close();
        execute(server(), "drop database if exists " + database + " with (force)");
    }

    public PostgresPersistence persistence() {
        return persistence;
    }

    /** What this class's pool measured. */
    public SimpleMeterRegistry metrics() {
        return metrics;
    }

    /** This class's own database, for tests that open their own connections (a second server, psql...). */
    public DatabaseUrl url() {
        return url;
    }

    /** A count straight from this class's database, bypassing the code under test. */
    public long count(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not run: " + sql, e);
        }
    }

    /** The first column of every row, straight from this class's database. */
    public List<String> strings(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("could not run: " + sql, e);
        }
    }

    /** A statement straight on this class's database. */
    public void execute(String sql) {
        execute(url, sql);
    }

    /** The server's maintenance database, to create databases of one's own. */
    public static synchronized DatabaseUrl server() {
        if (server == null) {
            server = startOrFindServer();
        }
        return server;
    }

    private static DatabaseUrl startOrFindServer() {
        String configured = System.getenv("TEST_DATABASE_URL");
        if (configured != null && !configured.isBlank()) {
            LOG.info("tests use the PostgreSQL at TEST_DATABASE_URL");
            return DatabaseUrl.parse(configured);
        }
        if (dockerAnswers()) {
            LOG.info("tests use a PostgreSQL container");
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new DatabaseUrl(container.getJdbcUrl(), container.getUsername(), container.getPassword())
                    .withDatabase("postgres");
        }
        LOG.info("no TEST_DATABASE_URL and no Docker engine: tests use an embedded PostgreSQL");
        try {
            // zonky's test defaults (no fsync, its own shutdown hook): the server's durable one lives in bootstrap
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .start();
            return new DatabaseUrl(
                    "jdbc:postgresql://localhost:%d/postgres".formatted(embedded.getPort()), "postgres", null);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL", e);
        }
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** A database migrated once per JVM, which every test database is cloned from. */
    private static synchronized String template() {
        if (template == null) {
            String name = "va_template_"
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            DatabaseUrl admin = server();
            execute(admin, "create database " + name);
            PostgresPersistence.connect(admin.withDatabase(name), 2, new SimpleMeterRegistry())
                    .close(); // connecting migrates
            LOG.debug("template {} migrated", name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> execute(admin, "drop database if exists " + name)));
            template = name;
        }
        return template;
    }

    static void execute(DatabaseUrl url, String sql) {
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run: " + sql, e);
        }
    }
}
