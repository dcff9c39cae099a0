package com.voiceappoint.adapter.http;

import com.voiceappoint.adapter.http.ratelimit.RateLimiter;
import com.voiceappoint.adapter.inmemory.InMemoryAdapters;
import com.voiceappoint.adapter.limits.Bucket4jRateLimiter;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.application.usecase.Interactors;
import com.voiceappoint.domain.shared.Language;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real HTTP server on a free port, with the in-memory ports behind it and a pinned clock (Monday 23 November
 * 2026, 09:00 in Madrid). What is proven here is the HTTP adapter; the database is proven elsewhere.
 */
final class TestServer implements BeforeAllCallback, AfterAllCallback {
    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    static final String SECRET = "test-secret-that-is-at-least-32-bytes-long!";

    private HttpServer server;
    private ApiClient client;
    private OutboundPorts ports;
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final UnaryOperator<OutboundPorts> wiring;

    TestServer() {
        this(ports -> ports);
    }

    /** With the in-memory ports put through {@code wiring} first (taking payments through a recording Stripe, say). */
    TestServer(UnaryOperator<OutboundPorts> wiring) {
        this.wiring = wiring;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ports = wiring.apply(InMemoryAdapters.create());
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        // these tests register many accounts from one address: rate limits have tests of their own
        RateLimiter unlimited = (limit, key) -> Optional.empty();
        server = HttpServer.start(api(ports, clock), settings(clock, metrics), "127.0.0.1", 0, unlimited);
        client = new ApiClient(server.port());
    }

    /** The whole application on these ports, as the REST API drives it. */
    static RestApi api(OutboundPorts ports, Clock clock) {
        return RestApi.of(Interactors.create(ports, clock));
    }

    /** The server's own token buckets, kept in this process. */
    static RateLimiter inProcessLimits() {
        Bucket4jRateLimiter counts = Bucket4jRateLimiter.inProcess();
        return (limit, key) -> counts.tryConsume(limit.name(), limit.capacity(), limit.period(), key);
    }

    static HttpSettings settings(Clock clock) {
        return settings(clock, new SimpleMeterRegistry());
    }

    static HttpSettings settings(Clock clock, MeterRegistry metrics) {
        return new HttpSettings(SECRET, Duration.ofMinutes(30), 64 * 1024, Language.ES, false, clock, metrics);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    int port() {
        return server.port();
    }

    ApiClient client() {
        return client;
    }

    OutboundPorts ports() {
        return ports;
    }

    /** What the server measured so far. */
    MeterRegistry metrics() {
        return metrics;
    }

    /** Registers an owner with a business and returns a token and the business id. */
    Owner owner(String email, String businessName) {
        var registered = client.at("/api/v1/auth/register/")
                .post(Map.of(
                        "email", email,
                        "password", "s3cret-enough",
                        "full_name", "Lola Pérez",
                        "business_name", businessName,
                        "business_type", "salon",
                        "timezone", "Europe/Madrid",
                        "currency", "EUR"));
        if (registered.status() != 201) {
            throw new IllegalStateException("registration failed: " + registered.raw());
        }
        var token = client.at("/api/v1/auth/token/").post(Map.of("email", email, "password", "s3cret-enough"));
        return new Owner(
                token.body().get("access").asText(),
                registered.body().get("business_id").asText());
    }

    record Owner(String token, String businessId) {}
}
