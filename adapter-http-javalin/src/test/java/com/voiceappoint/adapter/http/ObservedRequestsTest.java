package com.voiceappoint.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.adapter.inmemory.InMemoryAdapters;
import com.voiceappoint.application.fakes.FakePasswordHasher;
import com.voiceappoint.application.fakes.PortSwap;
import com.voiceappoint.application.port.out.PasswordHasher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** What an operator sees of a request: its latency per route and status, and its id on every log line. */
class ObservedRequestsTest {
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    /** The logging context's request id, as code deep inside a request saw it. */
    private final List<String> idsSeenWhileServing = new CopyOnWriteArrayList<>();

    private HttpServer server;
    private ApiClient api;

    @BeforeEach
    void start() {
        PasswordHasher fake = new FakePasswordHasher();
        PasswordHasher watching = new PasswordHasher() {
            @Override
            public String hash(String password) {
                idsSeenWhileServing.add(MDC.get(RequestContext.LOG_KEY));
                return fake.hash(password);
            }

            @Override
            public boolean matches(String password, String hash) {
                idsSeenWhileServing.add(MDC.get(RequestContext.LOG_KEY));
                return fake.matches(password, hash);
            }

            @Override
            public void simulateCheck(String password) {
                idsSeenWhileServing.add(MDC.get(RequestContext.LOG_KEY));
            }
        };
        var ports = PortSwap.with(InMemoryAdapters.create(), PasswordHasher.class, watching);
        Clock clock = Clock.systemUTC();
        server = HttpServer.start(
                TestServer.api(ports, clock),
                TestServer.settings(clock, metrics),
                "127.0.0.1",
                0,
                TestServer.inProcessLimits());
        api = new ApiClient(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private long requests(String method, String route, int status) {
        var timer = metrics.find("http.server.requests")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void latency_is_recorded_per_route_template_and_status_with_unknown_paths_under_one_label() {
        api.at("/health/live").get();
        api.at("/api/v1/businesses/" + UUID.randomUUID()).get();
        api.at("/api/v1/businesses/" + UUID.randomUUID() + "/").get();
        api.at("/wp-admin/" + UUID.randomUUID()).get();
        api.at("/.env").get();

        assertThat(requests("GET", "/health/live", 200)).isEqualTo(1);
        assertThat(requests("GET", "/api/v1/businesses/{id}", 401)).isEqualTo(2);
        assertThat(requests("GET", HttpServer.UNMATCHED_ROUTE, 404)).isEqualTo(2);
        assertThat(metrics.find("http.server.requests").timers())
                .as("one series per route and status, whatever the paths asked for")
                .hasSize(3);
    }

    @Test
    void code_serving_a_request_logs_under_that_requests_id() {
        var login = Map.of("email", "nobody@example.com", "password", "wrong-password");
        var given =
                api.at("/api/v1/auth/token").header("X-Request-Id", "trace-42").post(login);
        var assigned = api.at("/api/v1/auth/token").post(login);

        assertThat(given.status()).isEqualTo(401);
        assertThat(idsSeenWhileServing).containsExactly("trace-42", assigned.header("x-request-id"));
        assertThat(assigned.body().get("request_id").asText()).isEqualTo(assigned.header("x-request-id"));
    }
}
