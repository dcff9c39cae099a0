package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.adapter.http.ApiClient;
import com.voiceappoint.adapter.limits.TestRedis;
import com.voiceappoint.adapter.persistence.TestPostgres;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a load balancer and Prometheus see of a running server: readiness and metrics. */
class OperationsEndpointsTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private static LiveApi api;

    @BeforeAll
    static void start() {
        api = LiveApi.start(postgres);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void ready_while_the_database_has_this_builds_schema_and_unready_while_it_does_not() {
        var ready = api.at(Readiness.PATH).get();
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.raw())
                .isEqualTo("{\"status\":\"ready\",\"database\":\"up\",\"schema\":\"up\","
                        + "\"redis\":\"not_configured\"}");

        api.execute("update flyway_schema_history set success = false where version = '1'");
        try {
            var behind = api.at(Readiness.PATH).get();
            assertThat(behind.status()).isEqualTo(503);
            assertThat(behind.body().path("schema").asText()).isEqualTo("behind");
        } finally {
            api.execute("update flyway_schema_history set success = true where version = '1'");
        }
        assertThat(api.at("/health/live").get().status()).isEqualTo(200);
        assertThat(api.at(Readiness.PATH).get().status()).isEqualTo(200);
    }

    @Test
    void with_rate_limits_in_redis_readiness_asks_redis_too() {
        try (VoiceAppointServer withRedis = VoiceAppointServer.start(
                ServerConfig.from(Map.of(
                        "PORT", "0",
                        "HOST", "127.0.0.1",
                        "DATABASE_URL", EndToEndTest.jdbcUrlWithCredentials(postgres.url()),
                        "JWT_SECRET", "a-matrix-secret-that-is-at-least-32-bytes",
                        "REDIS_URL", TestRedis.url())),
                VoiceAppointServer.databaseClock())) {
            var ready = new ApiClient(withRedis.port()).at(Readiness.PATH).get();

            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.body().path("redis").asText()).isEqualTo("up");
        }
    }

    @Test
    void when_redis_goes_away_the_server_is_unready_and_limited_routes_answer_503() {
        TestRedis.Own redis = TestRedis.own();
        try (VoiceAppointServer withRedis = VoiceAppointServer.start(
                ServerConfig.from(Map.of(
                        "PORT", "0",
                        "HOST", "127.0.0.1",
                        "DATABASE_URL", EndToEndTest.jdbcUrlWithCredentials(postgres.url()),
                        "JWT_SECRET", "a-matrix-secret-that-is-at-least-32-bytes",
                        "REDIS_URL", redis.url())),
                VoiceAppointServer.databaseClock())) {
            ApiClient client = new ApiClient(withRedis.port());
            assertThat(client.at(Readiness.PATH).get().status()).isEqualTo(200);

            redis.stop();

            var unready = client.at(Readiness.PATH).get();
            assertThat(unready.status()).isEqualTo(503);
            assertThat(unready.body().path("redis").asText()).isEqualTo("down");
            assertThat(unready.body().path("database").asText()).isEqualTo("up");
            var login = client.at("/api/v1/auth/token/")
                    .post(Map.of("email", "nobody@example.com", "password", "guess-guess"));
            assertThat(login.status()).isEqualTo(503);
            assertThat(login.body().path("code").asText()).isEqualTo("TEMPORARILY_UNAVAILABLE");
            assertThat(client.at("/health/live").get().status()).isEqualTo(200);
        } finally {
            redis.close();
        }
    }

    @Test
    void metrics_are_for_the_bearer_of_the_token_only() {
        var anonymous = api.at(Monitoring.PATH).get();
        var wrong = api.at(Monitoring.PATH).token("not-the-token").get();

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(anonymous.raw()).doesNotContain("jvm_");
    }

    @Test
    void prometheus_reads_request_latency_by_route_and_status_the_pool_and_the_jvm() {
        api.at("/api/v1/auth/token").post(Map.of("email", "nobody@example.com", "password", "not-this-one"));

        String metrics = api.metrics();

        assertThat(count(
                        metrics,
                        "http_server_requests_seconds_count{method=\"POST\",route=\"/api/v1/auth/token\","
                                + "status=\"401\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(metrics)
                .as("buckets around the 10 ms a tool call may take")
                .contains(
                        "http_server_requests_seconds_bucket{method=\"POST\",route=\"/api/v1/auth/token\",status=\"401\","
                                + "le=\"0.01\"}")
                .contains("hikaricp_connections_max{pool=\"voiceappoint\"}")
                .contains("jvm_memory_used_bytes{")
                .contains("jvm_threads_live_threads")
                .contains("process_uptime_seconds");
    }

    /** The value of one sample, or 0 when Prometheus was not told of it. */
    static double count(String metrics, String sample) {
        Matcher matcher =
                Pattern.compile("(?m)^" + Pattern.quote(sample) + " (\\S+)$").matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
