package com.voiceappoint.adapter.http.web;

import com.voiceappoint.adapter.http.HttpServer;
import com.voiceappoint.adapter.http.HttpSettings;
import com.voiceappoint.adapter.http.RestApi;
import com.voiceappoint.adapter.http.ratelimit.RateLimiter;
import com.voiceappoint.adapter.inmemory.InMemoryAdapters;
import com.voiceappoint.adapter.inmemory.InMemoryPersistence;
import com.voiceappoint.adapter.limits.Bucket4jRateLimiter;
import com.voiceappoint.application.fakes.RecordedMessages;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.application.port.out.PaymentGateway;
import com.voiceappoint.application.usecase.Interactors;
import com.voiceappoint.domain.billing.Plans;
import com.voiceappoint.domain.shared.Language;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real server on a free port, REST API and web app together, with the in-memory ports behind it and a pinned
 * clock (Monday 23 November 2026, 09:00 in Madrid). What is proven here is the web adapter over a socket; the
 * browser journeys against PostgreSQL live in the bootstrap module.
 */
final class WebServer implements BeforeAllCallback, AfterAllCallback {
    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    static final String SECRET = "test-secret-that-is-at-least-32-bytes-long!";

    /** Where the links in e-mails point. */
    static final String PUBLIC_URL = "https://citas.example";

    private final boolean limited;
    private final Clock clock;
    private final UnaryOperator<OutboundPorts> around;
    private final List<URI> paymentPages;
    private final RecordedMessages messages = new RecordedMessages();
    private Bucket4jRateLimiter counts;
    private HttpServer server;
    private UseCases useCases;
    private OutboundPorts ports;

    /** A server that limits nothing: most tests make more attempts than a person would. */
    WebServer() {
        this(false, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** A server on a clock of the test's: a day the clocks change, say, or one that moves on. */
    WebServer(Clock clock) {
        this(false, clock);
    }

    private WebServer(boolean limited, Clock clock) {
        this(limited, clock, ports -> ports);
    }

    private WebServer(boolean limited, Clock clock, UnaryOperator<OutboundPorts> around) {
        this(limited, clock, around, List.of());
    }

    private WebServer(boolean limited, Clock clock, UnaryOperator<OutboundPorts> around, List<URI> paymentPages) {
        this.limited = limited;
        this.clock = clock;
        this.around = around;
        this.paymentPages = paymentPages;
    }

    /** A server whose application runs on {@code around} the in-memory ports: a store in trouble, say. */
    static WebServer around(UnaryOperator<OutboundPorts> around) {
        return new WebServer(false, Clock.fixed(NOW, ZoneOffset.UTC), around);
    }

    /** A server taking clients' payments through {@code gateway}, sending them back to {@link #PUBLIC_URL}. */
    static WebServer takingPayments(PaymentGateway gateway, Clock clock) {
        return new WebServer(false, clock, ports -> ports.takingPaymentsThrough(gateway, Optional.of(PUBLIC_URL), 0));
    }

    /** A server whose forms may also lead to {@code paymentPages}: a stand-in for Stripe's pages. */
    static WebServer withPaymentPages(List<URI> paymentPages) {
        return new WebServer(false, Clock.fixed(NOW, ZoneOffset.UTC), ports -> ports, paymentPages);
    }

    /** A server with the real limits of the REST API and the pages, counted in this process. */
    static WebServer withRateLimits() {
        return new WebServer(true, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ports = around.apply(InMemoryAdapters.create(InMemoryPersistence.create(), messages));
        useCases = Interactors.create(ports, clock);
        RateLimiter limiter = (limit, key) -> Optional.empty();
        if (limited) {
            counts = Bucket4jRateLimiter.inProcess();
            limiter = (limit, key) -> counts.tryConsume(limit.name(), limit.capacity(), limit.period(), key);
        }
        HttpSettings settings = new HttpSettings(
                SECRET, Duration.ofMinutes(30), 64 * 1024, Language.ES, false, clock, new SimpleMeterRegistry());
        WebApp web =
                WebApp.create(useCases, new WebSettings(false, Language.ES, clock, PUBLIC_URL, paymentPages), limiter);
        server = HttpServer.start(RestApi.of(useCases), settings, "127.0.0.1", 0, limiter, List.of(), List.of(web));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
        if (counts != null) {
            counts.close();
        }
    }

    /** The e-mails and texts the application handed to its channels. */
    RecordedMessages messages() {
        return messages;
    }

    int port() {
        return server.port();
    }

    /** A browser of its own: its own cookies, no JavaScript. */
    Browser browser() {
        return new Browser(server.port());
    }

    UseCases useCases() {
        return useCases;
    }

    OutboundPorts ports() {
        return ports;
    }

    /**
     * A server billing its businesses for {@code plans} through {@code gateway}, sending their owners back to
     * {@link #PUBLIC_URL}.
     */
    static WebServer billing(PaymentGateway gateway, Plans plans) {
        return new WebServer(
                false,
                Clock.fixed(NOW, ZoneOffset.UTC),
                ports -> ports.billingThrough(gateway, plans, Optional.of(PUBLIC_URL)));
    }
}
