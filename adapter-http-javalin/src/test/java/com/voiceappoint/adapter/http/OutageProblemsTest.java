package com.voiceappoint.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.adapter.http.ratelimit.RateLimiter;
import com.voiceappoint.adapter.inmemory.InMemoryAdapters;
import com.voiceappoint.application.error.OutcomeUnknownException;
import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.application.fakes.PortSwap;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.application.port.out.ServiceRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a client reads while the database is away or loses a commit: 503 with {@code Retry-After} and a code that
 * says which, in the caller's language; never a 500, never a failure for what may have been done.
 */
class OutageProblemsTest {
    private static final IOException CONNECTION_RESET = new IOException("connection reset");

    private enum Database {
        UP,
        DOWN,
        LOSING_COMMITS
    }

    private static volatile Database database = Database.UP;
    private static volatile boolean commitLost;
    private static HttpServer server;
    private static ApiClient api;
    private static String token;
    private static String business;
    private static String service;

    @BeforeAll
    static void start() {
        Clock clock = Clock.fixed(TestServer.NOW, ZoneOffset.UTC);
        RateLimiter unlimited = (limit, key) -> Optional.empty();
        server = HttpServer.start(
                TestServer.api(troubled(InMemoryAdapters.create()), clock),
                TestServer.settings(clock),
                "127.0.0.1",
                0,
                unlimited);
        api = new ApiClient(server.port());
        var registered = api.at("/api/v1/auth/register")
                .post(Map.of(
                        "email", "outage@example.com",
                        "password", "s3cret-enough",
                        "business_name", "Outage Salon",
                        "business_type", "salon",
                        "timezone", "Europe/Madrid",
                        "currency", "EUR"));
        business = registered.body().get("business_id").asText();
        token = api.at("/api/v1/auth/token")
                .post(Map.of("email", "outage@example.com", "password", "s3cret-enough"))
                .body()
                .get("access")
                .asText();
        api.at("/api/v1/businesses/" + business + "/hours")
                .token(token)
                .put(Map.of("hours", Map.of("tuesday", List.of(Map.of("opens", "09:00", "closes", "18:00")))));
        service = api.at("/api/v1/services")
                .token(token)
                .post(Map.of("business", business, "name", "Cut", "duration_minutes", 30, "price", "20"))
                .body()
                .get("id")
                .asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void databaseBack() {
        database = Database.UP;
        commitLost = false;
    }

    private static OutboundPorts troubled(OutboundPorts ports) {
        TransactionRunner real = ports.transactions();
        TransactionRunner losing = new TransactionRunner() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                T result = real.inTransaction(work);
                if (database == Database.LOSING_COMMITS) {
                    commitLost = true;
                    throw new OutcomeUnknownException(CONNECTION_RESET);
                }
                return result;
            }
        };
        AppointmentRepository appointments = failing(
                AppointmentRepository.class,
                ports.appointments(),
                method -> method.equals("findByIdempotencyKey") && commitLost);
        ServiceRepository services =
                failing(ServiceRepository.class, ports.services(), method -> database == Database.DOWN);
        return PortSwap.with(
                PortSwap.with(
                        PortSwap.with(ports, TransactionRunner.class, losing),
                        AppointmentRepository.class,
                        appointments),
                ServiceRepository.class,
                services);
    }

    private interface When {
        boolean fails(String method);
    }

    private static <T> T failing(Class<T> port, T real, When when) {
        return port.cast(Proxy.newProxyInstance(
                OutageProblemsTest.class.getClassLoader(), new Class<?>[] {port}, (proxy, called, args) -> {
                    if (when.fails(called.getName())) {
                        throw new StoreUnavailableException("database", CONNECTION_RESET);
                    }
                    try {
                        return called.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }

    private ApiClient.Response book(String language) {
        return api.at("/api/v1/appointments")
                .token(token)
                .header("Idempotency-Key", "outage-1")
                .header("Accept-Language", language)
                .post(Map.of(
                        "business",
                        business,
                        "service",
                        service,
                        "start",
                        "2026-11-24T10:00",
                        "client",
                        Map.of("name", "Carmen", "phone", "+34600111222")));
    }

    @Test
    void while_the_database_is_down_any_route_answers_503_with_retry_after_and_says_nothing_was_done() {
        database = Database.DOWN;

        var spanish =
                api.at("/api/v1/services?business=" + business).token(token).get();
        var english = api.at("/api/v1/services?business=" + business)
                .token(token)
                .header("Accept-Language", "en")
                .get();

        assertThat(spanish.status()).as(spanish.raw()).isEqualTo(503);
        assertThat(spanish.contentType()).startsWith("application/problem+json");
        assertThat(spanish.header("retry-after")).isEqualTo("5");
        assertThat(spanish.body().get("code").asText()).isEqualTo("TEMPORARILY_UNAVAILABLE");
        assertThat(spanish.body().get("detail").asText()).contains("no se ha cambiado nada");
        assertThat(english.body().get("detail").asText()).contains("nothing was changed");
    }

    @Test
    void a_booking_whose_commit_was_lost_is_of_unknown_outcome_and_the_same_request_again_answers_it() {
        database = Database.LOSING_COMMITS;

        var lost = book("en");

        assertThat(lost.status()).as(lost.raw()).isEqualTo(503);
        assertThat(lost.header("retry-after")).isEqualTo("5");
        assertThat(lost.body().get("code").asText()).isEqualTo("OUTCOME_UNKNOWN");
        assertThat(lost.body().get("detail").asText()).contains("same Idempotency-Key");

        databaseBack();
        var again = book("es");

        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        assertThat(again.header("idempotent-replayed")).isEqualTo("true");
    }
}
