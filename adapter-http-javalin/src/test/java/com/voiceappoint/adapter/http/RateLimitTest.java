package com.voiceappoint.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.adapter.http.ratelimit.AccountLimits;
import com.voiceappoint.adapter.http.ratelimit.RateLimiter;
import com.voiceappoint.adapter.inmemory.InMemoryAdapters;
import com.voiceappoint.application.error.StoreUnavailableException;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    @Test
    void when_the_counts_are_away_limited_routes_answer_503() {
        RateLimiter countsAway = (limit, key) -> {
            throw new StoreUnavailableException("rate limits", new IllegalStateException("connection refused"));
        };
        try (HttpServer server = HttpServer.start(
                TestServer.api(InMemoryAdapters.create(), Clock.systemUTC()),
                TestServer.settings(Clock.systemUTC()),
                "127.0.0.1",
                0,
                countsAway)) {
            var login = new ApiClient(server.port())
                    .at("/api/v1/auth/token")
                    .header("Accept-Language", "en")
                    .post(Map.of("email", "someone@example.com", "password", "guess-guess"));

            assertThat(login.status())
                    .as("a limited route refuses rather than go unmetered")
                    .isEqualTo(503);
            assertThat(login.body().get("code").asText()).isEqualTo("TEMPORARILY_UNAVAILABLE");
            assertThat(login.body().get("title").asText()).isEqualTo("Temporarily unavailable");
            assertThat(login.header("retry-after")).isEqualTo("5");
        }
    }

    /** A server with the real in-process limits, unlike {@link TestServer}. */
    private static HttpServer limitedServer() {
        return HttpServer.start(
                TestServer.api(InMemoryAdapters.create(), Clock.systemUTC()),
                TestServer.settings(Clock.systemUTC()),
                "127.0.0.1",
                0,
                TestServer.inProcessLimits());
    }

    @Test
    void public_bookings_beyond_the_per_address_limit_get_a_429() {
        try (HttpServer server = limitedServer()) {
            ApiClient api = new ApiClient(server.port());
            var booking = api.at("/api/v1/public/businesses/nowhere/appointments");
            for (int i = 0; i < PublicRoutes.BOOKINGS_PER_IP.capacity(); i++) {
                assertThat(booking.post(Map.of()).status()).isEqualTo(404);
            }

            assertThat(booking.post(Map.of()).status()).isEqualTo(429);
        }
    }

    @Test
    void logins_beyond_the_per_account_limit_get_a_429_with_retry_after() {
        try (HttpServer server = limitedServer()) {
            ApiClient api = new ApiClient(server.port());
            Map<String, String> wrong = Map.of("email", "target@example.com", "password", "guess-guess");
            for (int i = 0; i < AccountLimits.LOGIN_PER_ACCOUNT.capacity(); i++) {
                assertThat(api.at("/api/v1/auth/token").post(wrong).status()).isEqualTo(401);
            }

            var limited =
                    api.at("/api/v1/auth/token").header("Accept-Language", "en").post(wrong);

            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.body().get("code").asText()).isEqualTo("RATE_LIMITED");
            assertThat(Long.parseLong(limited.header("retry-after"))).isPositive();
            assertThat(api.at("/api/v1/auth/token")
                            .post(Map.of("email", "other@example.com", "password", "guess-guess"))
                            .status())
                    .as("another account is not affected")
                    .isEqualTo(401);
        }
    }

    @Test
    void behind_a_trusted_proxy_each_forwarded_client_has_its_own_allowance() {
        var settings = TestServer.settings(Clock.systemUTC());
        var trusting = new HttpSettings(
                settings.jwtSecret(),
                settings.accessTokenLifetime(),
                settings.maxRequestBytes(),
                settings.defaultLanguage(),
                true,
                settings.clock(),
                settings.metrics());
        try (HttpServer server = HttpServer.start(
                TestServer.api(InMemoryAdapters.create(), Clock.systemUTC()),
                trusting,
                "127.0.0.1",
                0,
                TestServer.inProcessLimits())) {
            ApiClient api = new ApiClient(server.port());
            // refused before anything is written or any per-account allowance spent: no password
            Map<String, String> body = Map.of("email", "x@example.com");
            int first = 0;
            for (int i = 0; i <= AccountLimits.REGISTER_PER_IP.capacity(); i++) {
                first = api.at("/api/v1/auth/register")
                        .header("X-Forwarded-For", "203.0.113.7")
                        .post(body)
                        .status();
            }
            int second = api.at("/api/v1/auth/register")
                    .header("X-Forwarded-For", "203.0.113.8")
                    .post(body)
                    .status();
            // the RFC 7239 header and its kin come from the client unchecked: they name nobody
            int disguised = api.at("/api/v1/auth/register")
                    .header("X-Forwarded-For", "203.0.113.7")
                    .header("Forwarded", "for=192.0.2.99")
                    .header("X-Forwarded-Host", "elsewhere.example")
                    .post(body)
                    .status();

            assertThat(first).isEqualTo(429);
            assertThat(second).isEqualTo(400);
            assertThat(disguised).isEqualTo(429);
        }
    }

    @Test
    void outbound_calls_beyond_the_per_business_limit_get_a_429() {
        try (HttpServer server = limitedServer()) {
            ApiClient api = new ApiClient(server.port());
            api.at("/api/v1/auth/register")
                    .post(Map.of(
                            "email", "caller@example.com",
                            "password", "s3cret-enough",
                            "business_name", "Calls a Lot",
                            "business_type", "salon",
                            "timezone", "Europe/Madrid",
                            "currency", "EUR"));
            var login = api.at("/api/v1/auth/token")
                    .post(Map.of("email", "caller@example.com", "password", "s3cret-enough"))
                    .body();
            String business = api.at("/api/v1/auth/me")
                    .token(login.get("access").asText())
                    .get()
                    .body()
                    .get("memberships")
                    .get(0)
                    .get("business")
                    .get("id")
                    .asText();
            var outbound = api.at("/api/v1/vapi/businesses/" + business + "/calls/outbound")
                    .token(login.get("access").asText());
            for (int i = 0; i < VoiceRoutes.OUTBOUND_PER_BUSINESS.capacity(); i++) {
                assertThat(outbound.post(Map.of("number", "+34600111222")).status())
                        .isEqualTo(201);
            }

            var limited = outbound.post(Map.of("number", "+34600111222"));

            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.body().get("code").asText()).isEqualTo("RATE_LIMITED");
        }
    }
}
