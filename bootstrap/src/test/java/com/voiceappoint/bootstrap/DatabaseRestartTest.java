package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.adapter.http.ApiClient;
import com.voiceappoint.adapter.persistence.DatabaseUrl;
import com.voiceappoint.adapter.persistence.RestartablePostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real server over a PostgreSQL of this test's own, restarted while bookings keep arriving: no booking is answered
 * with a 500; while the database is away they are 503 with {@code Retry-After} and the server says it is not ready,
 * at once; what was answered as booked is booked, what was answered as not made is not; and service resumes by
 * itself once the database is back. The machine's PostgreSQL is never touched.
 */
class DatabaseRestartTest {
    /** Guards against a hang only: every wait below ends in seconds when the server behaves. */
    private static final Duration GUARD = Duration.ofSeconds(90);

    private static final int BOOKERS = 4;

    private static RestartablePostgres database;
    private static LiveApi api;
    private static World world;

    @BeforeAll
    static void start() {
        database = RestartablePostgres.start();
        api = LiveApi.start(database.url());
        world = World.open(api, "Restart Salon");
    }

    @AfterAll
    static void stop() {
        try {
            api.close();
        } finally {
            database.close();
        }
    }

    /** One booking request and what it was answered. */
    record Attempt(String key, Map<String, Object> request, int status, String code, String retryAfter, String raw) {
        boolean booked() {
            return status == 200 || status == 201;
        }
    }

    private static Attempt book() {
        return send(
                "restart-" + UUID.randomUUID(),
                Map.of(
                        "business",
                        world.id,
                        "service",
                        world.service,
                        "start",
                        world.freshStart(),
                        "client",
                        Map.of("name", "Client", "phone", world.freshPhone())));
    }

    private static Attempt send(String key, Map<String, Object> request) {
        ApiClient.Response response = api.at("/api/v1/appointments")
                .token(world.owner.token())
                .header("Idempotency-Key", key)
                .post(request);
        boolean problem = response.body() != null && response.body().has("code");
        return new Attempt(
                key,
                request,
                response.status(),
                problem ? response.body().get("code").asText() : "",
                response.header("retry-after"),
                response.raw());
    }

    @Test
    void bookings_through_a_database_restart_are_answered_truthfully_and_service_resumes_by_itself() throws Exception {
        ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> broken = new ConcurrentLinkedQueue<>();
        AtomicBoolean booking = new AtomicBoolean(true);
        ExecutorService bookers = Executors.newFixedThreadPool(BOOKERS);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < BOOKERS; i++) {
            running.add(bookers.submit(() -> {
                while (booking.get()) {
                    try {
                        attempts.add(book());
                    } catch (RuntimeException e) {
                        broken.add(e);
                    }
                }
            }));
        }
        Instant giveUp = Instant.now().plus(GUARD);
        while (attempts.stream().filter(Attempt::booked).count() < 2 * BOOKERS) {
            assertThat(Instant.now()).as("bookings before the restart").isBefore(giveUp);
            Thread.sleep(20);
        }

        database.stop();

        HttpResponse<String> unready = readiness();
        assertThat(unready.statusCode()).isEqualTo(503);
        assertThat(unready.body()).contains("\"database\":\"down\"");
        Attempt whileDown = book();
        assertThat(whileDown.status()).as(whileDown.raw()).isEqualTo(503);
        assertThat(whileDown.code()).isEqualTo("TEMPORARILY_UNAVAILABLE");
        assertThat(whileDown.retryAfter()).isNotBlank();
        attempts.add(whileDown);

        database.startAgain();

        Attempt first;
        do {
            assertThat(Instant.now()).as("service resumed after the restart").isBefore(giveUp);
            first = book();
            attempts.add(first);
        } while (!first.booked());
        assertThat(readiness().statusCode()).isEqualTo(200);
        booking.set(false);
        for (Future<?> booker : running) {
            booker.get(GUARD.toSeconds(), TimeUnit.SECONDS);
        }
        bookers.shutdown();

        assertThat(broken).as("every request was answered").isEmpty();
        assertThat(attempts).allSatisfy(attempt -> {
            assertThat(attempt.status()).as(attempt.raw()).isNotEqualTo(500);
            if (attempt.status() >= 500) {
                assertThat(attempt.status()).as(attempt.raw()).isEqualTo(503);
                assertThat(attempt.code()).as(attempt.raw()).isIn("TEMPORARILY_UNAVAILABLE", "OUTCOME_UNKNOWN");
                assertThat(attempt.retryAfter()).as(attempt.raw()).isNotBlank();
            } else {
                assertThat(attempt.booked()).as(attempt.raw()).isTrue();
            }
        });
        for (Attempt attempt : attempts) {
            if (attempt.booked()) {
                assertThat(booked(attempt.key()))
                        .as("answered booked: %s", attempt.raw())
                        .isEqualTo(1);
            } else if (attempt.code().equals("TEMPORARILY_UNAVAILABLE")) {
                assertThat(booked(attempt.key()))
                        .as("answered not made: %s", attempt.raw())
                        .isZero();
            } else {
                // outcome unknown: the same request again says which, and never books twice
                Attempt again = send(attempt.key(), attempt.request());
                assertThat(again.booked()).as(again.raw()).isTrue();
                assertThat(booked(attempt.key())).isEqualTo(1);
            }
        }
    }

    /** The readiness probe, as an orchestrator asks: with a time-out of its own. */
    private static HttpResponse<String> readiness() throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + Readiness.PATH))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** Appointments booked under this key, read straight from PostgreSQL. */
    private static long booked(String key) throws SQLException {
        DatabaseUrl url = database.url();
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
                PreparedStatement statement =
                        connection.prepareStatement("select count(*) from appointments where idempotency_key = ?")) {
            statement.setString(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
