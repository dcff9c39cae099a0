package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.adapter.persistence.DatabaseUrl;
import com.voiceappoint.adapter.persistence.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The readiness probe answers within its own bound however long the database takes: a health query that waits for
 * ever is "not ready", said at once, not a probe left hanging until its own time-out.
 */
class ReadinessTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    /** Guards against a hang only: with the bound the probe answers in about two seconds. */
    private static final Duration GUARD = Duration.ofSeconds(60);

    private static LiveApi api;

    @BeforeAll
    static void start() {
        // no limit of the server's own may end the health query first: only the readiness bound can answer the probe
        api = LiveApi.start(withoutLimits(postgres.url()));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** The database's own settings, longer than the test: a statement waits as long as it is made to. */
    private static DatabaseUrl withoutLimits(DatabaseUrl url) {
        String limits = "options=-c%20lock_timeout%3D1h%20-c%20statement_timeout%3D1h&socketTimeout=0";
        return new DatabaseUrl(
                url.jdbcUrl() + (url.jdbcUrl().contains("?") ? "&" : "?") + limits, url.user(), url.password());
    }

    @Test
    void a_health_query_that_waits_for_ever_is_answered_not_ready_within_the_bound() throws Exception {
        DatabaseUrl url = postgres.url();
        try (Connection holder = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
                Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            // the health query reads this table: it waits until this transaction ends
            statement.execute("lock table flyway_schema_history in access exclusive mode");

            HttpResponse<String> whileLocked = readiness();

            assertThat(whileLocked.statusCode()).isEqualTo(503);
            assertThat(whileLocked.body()).contains("\"database\":\"down\"");
            holder.rollback();
        }
        Instant giveUp = Instant.now().plus(GUARD);
        while (readiness().statusCode() != 200) {
            assertThat(Instant.now()).as("ready again once the lock is gone").isBefore(giveUp);
            Thread.sleep(100);
        }
    }

    private static HttpResponse<String> readiness() throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + Readiness.PATH))
                                .timeout(GUARD)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
