package com.voiceappoint.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.voiceappoint.adapter.http.auth.Access;
import com.voiceappoint.adapter.http.auth.AccessTokens;
import com.voiceappoint.adapter.http.ratelimit.RateLimiter;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.Timer;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The REST API on Javalin: every route under {@code /api/v1/} (trailing slash optional), JSON in snake_case,
 * bearer-token auth on member routes, and RFC 9457 problems for every failure, including unknown routes (404),
 * wrong methods (405), oversized bodies (413), non-JSON bodies (415) and what the web server refuses before any route
 * runs ({@link ProblemErrorHandler}).
 */
public final class HttpServer implements AutoCloseable {
    static final String OPENAPI_RESOURCE = "/api/openapi.json";
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
    private static final Set<HandlerType> WITH_BODY = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH);
    /** One label for every path no route matched, so scanners cannot grow the metrics without bound. */
    static final String UNMATCHED_ROUTE = "unmatched";

    private final Javalin app;

    private HttpServer(Javalin app) {
        this.app = app;
    }

    static HttpServer start(RestApi api, HttpSettings settings, String host, int port, RateLimiter limiter) {
        return start(api, settings, host, port, limiter, List.of());
    }

    /** With the limiter of the caller's choosing (the caller closes what keeps its counts) and routes of other adapters. */
    public static HttpServer start(
            RestApi api, HttpSettings settings, String host, int port, RateLimiter limiter, List<RawRoute> rawRoutes) {
        return start(api, settings, host, port, limiter, rawRoutes, List.of());
    }

    /** And the extensions that serve more than the API on the same server (the web app). */
    public static HttpServer start(
            RestApi api,
            HttpSettings settings,
            String host,
            int port,
            RateLimiter limiter,
            List<RawRoute> rawRoutes,
            List<HttpExtension> extensions) {
        return new HttpServer(
                create(api, settings, limiter, rawRoutes, extensions).start(host, port));
    }

    static Javalin create(RestApi api, HttpSettings settings, RateLimiter limiter) {
        return create(api, settings, limiter, List.of());
    }

    static Javalin create(RestApi api, HttpSettings settings, RateLimiter limiter, List<RawRoute> rawRoutes) {
        return create(api, settings, limiter, rawRoutes, List.of());
    }

    static Javalin create(
            RestApi api,
            HttpSettings settings,
            RateLimiter limiter,
            List<RawRoute> rawRoutes,
            List<HttpExtension> extensions) {
        Set<String> rawPaths =
                rawRoutes.stream().flatMap(route -> route.paths().stream()).collect(Collectors.toUnmodifiableSet());
        ObjectMapper json = JsonMapping.create();
        Validator validator = Validation.byProvider(HibernateValidator.class)
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory()
                .getValidator();
        Bodies bodies = new Bodies(json, validator);
        AccessTokens tokens = new AccessTokens(settings.jwtSecret(), settings.accessTokenLifetime(), settings.clock());
        ProblemResponder problems = new ProblemResponder(json, settings.defaultLanguage());

        RestApi.Accounts accountPorts = api.accounts();
        RestApi.Businesses businessPorts = api.businesses();
        RestApi.Catalog catalogPorts = api.catalog();
        RestApi.Bookings bookingPorts = api.bookings();
        RestApi.Voice voicePorts = api.voice();
        AuthRoutes auth = new AuthRoutes(
                accountPorts.registration(),
                accountPorts.authentication(),
                accountPorts.sessions(),
                accountPorts.account(),
                accountPorts.profiles(),
                tokens,
                bodies,
                limiter,
                settings.defaultLanguage(),
                settings.clock());
        BusinessRoutes businesses = new BusinessRoutes(
                businessPorts.business(), businessPorts.businesses(), businessPorts.settings(), bodies);
        MemberRoutes members = new MemberRoutes(businessPorts.members(), businessPorts.invitations(), bodies);
        CatalogRoutes catalog = new CatalogRoutes(
                catalogPorts.creation(),
                catalogPorts.list(),
                catalogPorts.services(),
                catalogPorts.categories(),
                bodies);
        ClientRoutes clients = new ClientRoutes(businessPorts.business(), bookingPorts.clients(), bodies);
        ScheduleRoutes schedules = new ScheduleRoutes(
                businessPorts.business(), businessPorts.hours(), businessPorts.staff(), bodies, settings.clock());
        AppointmentRoutes appointments = new AppointmentRoutes(
                businessPorts.business(),
                bookingPorts.slots(),
                bookingPorts.booking(),
                bookingPorts.appointments(),
                bookingPorts.changes(),
                catalogPorts.services(),
                api.payments(),
                bodies,
                settings.clock());
        PaymentRoutes payments = new PaymentRoutes(businessPorts.business(), api.payments(), bodies);
        BillingRoutes billing = new BillingRoutes(businessPorts.business(), api.billing(), bodies);
        PublicRoutes publicPages =
                new PublicRoutes(bookingPorts.slots(), bookingPorts.publicBooking(), bodies, limiter);
        VoiceRoutes voice = new VoiceRoutes(
                businessPorts.business(),
                businessPorts.businesses(),
                voicePorts.settings(),
                voicePorts.callLog(),
                voicePorts.outboundCalls(),
                bodies,
                limiter);
        AnalyticsRoutes analytics = new AnalyticsRoutes(businessPorts.business(), api.analytics(), settings.clock());
        NotificationRoutes notifications =
                new NotificationRoutes(businessPorts.business(), api.notifications(), bodies);
        LiveEventRoutes liveEvents = new LiveEventRoutes(
                businessPorts.business(), api.liveEvents(), tokens, accountPorts.sessions(), json, settings);

        JsonNode openApi = openApiDocument(json);

        return Javalin.create(config -> {
            configure(config, json, settings);
            // open streams would hold the stop for its whole grace period: they are told to end first
            config.events.serverStopping(liveEvents::close);
            extensions.forEach(extension -> config.events.serverStopping(extension::stopping));
            var routes = config.routes;
            routes.exception(HttpResponseException.class, (failure, ctx) -> {
                if (!answeredByExtension(extensions, ctx, failure.getStatus(), failure)) {
                    problems.respond(failure, ctx);
                }
            });
            routes.exception(Exception.class, (failure, ctx) -> {
                if (!answeredByExtension(extensions, ctx, HttpStatus.INTERNAL_SERVER_ERROR.getCode(), failure)) {
                    problems.respond(failure, ctx);
                }
            });
            routes.before(RequestContext::assignRequestId);
            routes.before("/api/*", ctx -> {
                if (!rawPaths.contains(withoutTrailingSlash(ctx.path()))) {
                    requireUtf8(ctx);
                    requireJsonBody(ctx);
                }
            });
            routes.beforeMatched(ctx -> {
                if (ctx.routeRoles().contains(Access.MEMBER)) {
                    RequestContext.authenticate(ctx, tokens, accountPorts.sessions());
                }
            });
            routes.beforeMatched(ctx -> {
                // other adapters' routes read their own bytes, never our parameters
                if (!rawPaths.contains(route(ctx))) {
                    Params.requireStorable(ctx);
                }
            });

            routes.get("/health/live", ctx -> ctx.json(Map.of("status", "up")), Access.PUBLIC);
            for (RawRoute raw : rawRoutes) {
                for (String path : raw.paths()) {
                    if (raw.method().equals("GET")) {
                        routes.get(path, ctx -> answerRaw(ctx, raw), Access.PUBLIC);
                    } else {
                        routes.post(path, ctx -> answerRaw(ctx, raw), Access.PUBLIC);
                    }
                }
            }
            routes.get("/api/v1/openapi.json", ctx -> ctx.json(openApi), Access.PUBLIC);

            routes.post("/api/v1/auth/register", auth::register, Access.PUBLIC);
            routes.post("/api/v1/auth/token", auth::token, Access.PUBLIC);
            routes.post("/api/v1/auth/refresh", auth::refresh, Access.PUBLIC);
            routes.post("/api/v1/auth/logout", auth::logout, Access.PUBLIC);
            routes.get("/api/v1/auth/me", auth::me, Access.MEMBER);
            routes.patch("/api/v1/auth/me", auth::updateMe, Access.MEMBER);
            routes.post("/api/v1/auth/password", auth::changePassword, Access.MEMBER);

            routes.get("/api/v1/businesses", businesses::list, Access.MEMBER);
            routes.post("/api/v1/businesses", businesses::create, Access.MEMBER);
            routes.get("/api/v1/businesses/{id}", businesses::get, Access.MEMBER);
            routes.patch("/api/v1/businesses/{id}", businesses::update, Access.MEMBER);
            routes.delete("/api/v1/businesses/{id}", businesses::delete, Access.MEMBER);
            routes.get("/api/v1/businesses/{id}/dashboard-config", businesses::dashboard, Access.MEMBER);
            routes.patch("/api/v1/businesses/{id}/dashboard-config", businesses::updateDashboard, Access.MEMBER);
            routes.get("/api/v1/businesses/{id}/onboarding", businesses::onboarding, Access.MEMBER);
            routes.patch("/api/v1/businesses/{id}/onboarding", businesses::updateOnboarding, Access.MEMBER);

            routes.get("/api/v1/businesses/{id}/members", members::list, Access.MEMBER);
            routes.get("/api/v1/businesses/{id}/invitations", members::invitations, Access.MEMBER);
            routes.post("/api/v1/businesses/{id}/members", members::invite, Access.MEMBER);
            routes.patch("/api/v1/businesses/{id}/members/{user}", members::changeRole, Access.MEMBER);
            routes.delete("/api/v1/businesses/{id}/members/{user}", members::remove, Access.MEMBER);
            routes.delete("/api/v1/businesses/{id}/invitations/{invitation}", members::cancelInvitation, Access.MEMBER);
            routes.get("/api/v1/invitations", members::myInvitations, Access.MEMBER);
            routes.post("/api/v1/invitations/{invitation}/accept", members::accept, Access.MEMBER);
            routes.post("/api/v1/invitations/{invitation}/decline", members::decline, Access.MEMBER);

            routes.get("/api/v1/services", catalog::list, Access.MEMBER);
            routes.post("/api/v1/services", catalog::create, Access.MEMBER);
            routes.get("/api/v1/services/{id}", catalog::get, Access.MEMBER);
            routes.patch("/api/v1/services/{id}", catalog::update, Access.MEMBER);
            routes.delete("/api/v1/services/{id}", catalog::delete, Access.MEMBER);
            routes.get("/api/v1/service-categories", catalog::categories, Access.MEMBER);
            routes.post("/api/v1/service-categories", catalog::createCategory, Access.MEMBER);
            routes.patch("/api/v1/service-categories/{id}", catalog::updateCategory, Access.MEMBER);
            routes.delete("/api/v1/service-categories/{id}", catalog::deleteCategory, Access.MEMBER);

            routes.get("/api/v1/businesses/{id}/hours", schedules::hours, Access.MEMBER);
            routes.put("/api/v1/businesses/{id}/hours", schedules::setHours, Access.MEMBER);
            routes.get("/api/v1/businesses/{id}/special-days", schedules::specialDays, Access.MEMBER);
            routes.put("/api/v1/businesses/{id}/special-days/{date}", schedules::saveSpecialDay, Access.MEMBER);
            routes.delete("/api/v1/businesses/{id}/special-days/{date}", schedules::removeSpecialDay, Access.MEMBER);
            routes.get("/api/v1/businesses/{id}/staff", schedules::staff, Access.MEMBER);
            routes.post("/api/v1/businesses/{id}/staff", schedules::addStaff, Access.MEMBER);
            routes.patch("/api/v1/businesses/{id}/staff/{provider}", schedules::updateStaff, Access.MEMBER);
            routes.get("/api/v1/businesses/{id}/staff/{provider}/hours", schedules::staffHours, Access.MEMBER);
            routes.put("/api/v1/businesses/{id}/staff/{provider}/hours", schedules::setStaffHours, Access.MEMBER);
            routes.put(
                    "/api/v1/businesses/{id}/staff/{provider}/special-days/{date}",
                    schedules::saveStaffSpecialDay,
                    Access.MEMBER);
            routes.delete(
                    "/api/v1/businesses/{id}/staff/{provider}/special-days/{date}",
                    schedules::removeStaffSpecialDay,
                    Access.MEMBER);
            routes.post("/api/v1/businesses/{id}/staff/{provider}/time-off", schedules::addTimeOff, Access.MEMBER);
            routes.get("/api/v1/businesses/{id}/time-off", schedules::timeOff, Access.MEMBER);
            routes.delete("/api/v1/businesses/{id}/time-off/{time_off}", schedules::removeTimeOff, Access.MEMBER);

            routes.get("/api/v1/clients", clients::search, Access.MEMBER);
            routes.post("/api/v1/clients", clients::create, Access.MEMBER);
            routes.get("/api/v1/clients/{id}", clients::get, Access.MEMBER);
            routes.patch("/api/v1/clients/{id}", clients::update, Access.MEMBER);

            routes.get("/api/v1/appointments/availability", appointments::availability, Access.MEMBER);
            routes.get("/api/v1/appointments", appointments::list, Access.MEMBER);
            routes.post("/api/v1/appointments", appointments::book, Access.MEMBER);
            routes.get("/api/v1/appointments/{id}", appointments::get, Access.MEMBER);
            routes.post("/api/v1/appointments/{id}/cancel", appointments::cancel, Access.MEMBER);
            routes.post("/api/v1/appointments/{id}/reschedule", appointments::reschedule, Access.MEMBER);
            routes.post("/api/v1/appointments/{id}/complete", appointments::complete, Access.MEMBER);
            routes.post("/api/v1/appointments/{id}/no-show", appointments::markNoShow, Access.MEMBER);
            routes.post(
                    "/api/v1/appointments/{id}/deposit-in-person", appointments::takeDepositInPerson, Access.MEMBER);

            routes.get("/api/v1/payments", payments::list, Access.MEMBER);
            routes.post("/api/v1/payments/{id}/refunds", payments::refund, Access.MEMBER);
            routes.get("/api/v1/businesses/{id}/payment-settings", payments::settings, Access.MEMBER);
            routes.patch("/api/v1/businesses/{id}/payment-settings", payments::updateSettings, Access.MEMBER);
            routes.post("/api/v1/businesses/{id}/payment-settings/connect", payments::connect, Access.MEMBER);
            routes.post("/api/v1/businesses/{id}/payment-settings/refresh", payments::refresh, Access.MEMBER);

            routes.get("/api/v1/plans", billing::plans, Access.PUBLIC);
            routes.get("/api/v1/businesses/{id}/billing", billing::billing, Access.MEMBER);
            routes.post("/api/v1/businesses/{id}/billing/checkout", billing::checkout, Access.MEMBER);
            routes.post("/api/v1/businesses/{id}/billing/portal", billing::portal, Access.MEMBER);

            routes.get("/api/v1/analytics/overview", analytics::overview, Access.MEMBER);

            routes.get("/api/v1/notifications", notifications::deliveryLog, Access.MEMBER);
            routes.get("/api/v1/notifications/replies", notifications::replies, Access.MEMBER);
            routes.get("/api/v1/businesses/{id}/notification-settings", notifications::settings, Access.MEMBER);
            routes.post("/api/v1/businesses/{id}/events/tickets", liveEvents::ticket, Access.MEMBER);
            // a member's stream, authenticated by its bearer token or by a ticket: EventSource sends no headers
            routes.get("/api/v1/businesses/{id}/events", liveEvents::stream, Access.STREAM);
            routes.patch("/api/v1/businesses/{id}/notification-settings", notifications::updateSettings, Access.MEMBER);

            routes.get("/api/v1/vapi/configs", voice::list, Access.MEMBER);
            routes.get("/api/v1/vapi/configs/{business}", voice::get, Access.MEMBER);
            routes.patch("/api/v1/vapi/configs/{business}", voice::update, Access.MEMBER);
            routes.get("/api/v1/vapi/calls", voice::calls, Access.MEMBER);
            routes.post("/api/v1/vapi/businesses/{id}/calls/outbound", voice::placeCall, Access.MEMBER);
            routes.get("/api/v1/vapi/transcripts/{call_id}", voice::transcript, Access.MEMBER);

            routes.get("/api/v1/public/businesses/{slug}", publicPages::page, Access.PUBLIC);
            routes.get("/api/v1/public/businesses/{slug}/availability", publicPages::availability, Access.PUBLIC);
            routes.post("/api/v1/public/businesses/{slug}/appointments", publicPages::book, Access.PUBLIC);
            routes.get("/api/v1/public/appointments/{token}", publicPages::appointment, Access.PUBLIC);
            routes.post("/api/v1/public/appointments/{token}/cancel", publicPages::cancel, Access.PUBLIC);
            routes.post("/api/v1/public/appointments/{token}/reschedule", publicPages::reschedule, Access.PUBLIC);
            routes.get("/api/v1/public/businesses/{slug}/payments/{payment}", publicPages::deposit, Access.PUBLIC);
            routes.get("/api/v1/public/businesses/{slug}/cards/{card}", publicPages::card, Access.PUBLIC);
            // last: routes match in the order they were added, and a page at /{slug} must not answer for /metrics
            extensions.forEach(extension -> extension.configure(config));
        });
    }

    /** A failure on a page is answered as a page; under /api/ always as a problem. */
    private static boolean answeredByExtension(
            List<HttpExtension> extensions, Context ctx, int status, Exception failure) {
        if (ctx.path().startsWith("/api/")) {
            return false;
        }
        return extensions.stream().anyMatch(extension -> extension.answersFailure(ctx, status, failure));
    }

    private static void configure(JavalinConfig config, ObjectMapper json, HttpSettings settings) {
        config.jsonMapper(new JavalinJackson(json, false));
        MeterProvider<Timer> latency = Timer.builder("http.server.requests")
                .description("time to answer an HTTP request, by route template and status")
                .withRegistry(settings.metrics());
        config.requestLogger.http((ctx, milliseconds) -> {
            latency.withTags(
                            "method", ctx.method().name(),
                            "route", route(ctx),
                            "status", Integer.toString(ctx.statusCode()))
                    .record((long) (milliseconds * 1_000_000.0), TimeUnit.NANOSECONDS);
            RequestContext.forgetRequestId();
        });
        config.http.maxRequestSize = settings.maxRequestBytes();
        config.http.prefer405over404 = true;
        config.http.defaultContentType = "application/json";
        config.router.ignoreTrailingSlashes = true;
        config.router.treatMultipleSlashesAsSingleSlash = true;
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        // on stop, stop accepting and give requests in flight time to finish instead of cutting them off
        if (settings.trustProxyHeaders()) {
            // behind nginx: the client is whoever X-Forwarded-For names, not the proxy. Only the headers nginx sets
            // itself count: a client's own Forwarded or X-Forwarded-Host would pass through it untouched.
            ForwardedRequestCustomizer forwarded = new ForwardedRequestCustomizer();
            forwarded.setForwardedHeader(null);
            forwarded.setForwardedHostHeader(null);
            forwarded.setForwardedServerHeader(null);
            forwarded.setForwardedPortHeader(null);
            forwarded.setForwardedHttpsHeader(null);
            forwarded.setForwardedCipherSuiteHeader(null);
            forwarded.setForwardedSslSessionIdHeader(null);
            config.jetty.modifyHttpConfiguration(http -> http.addCustomizer(forwarded));
        }
        config.jetty.modifyServer(server -> {
            server.setHandler(new GracefulHandler());
            server.setErrorHandler(new ProblemErrorHandler(json, settings.defaultLanguage()));
            server.setStopTimeout(SHUTDOWN_GRACE.toMillis());
        });
    }

    /**
     * The route template a request matched ({@value #UNMATCHED_ROUTE} if none): what metrics and logs name, never
     * the path itself, which may carry a manage link's secret token.
     */
    static String route(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        return matched == null ? UNMATCHED_ROUTE : matched.path;
    }

    /** docs/openapi.json, packaged by the build: read and checked once, at start. */
    static JsonNode openApiDocument(ObjectMapper json) {
        try (InputStream in = HttpServer.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the build");
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answerRaw(Context ctx, RawRoute route) throws IOException {
        Function<String, Optional<String>> header = name -> Optional.ofNullable(ctx.header(name));
        Optional<RawRoute.Reply> screened = route.screen().reply(header);
        if (screened.isPresent()) {
            send(ctx, screened.get());
            return;
        }
        long limit = route.larger().map(RawRoute.Streamed::maxBytes).orElse((long) route.maxBodyBytes());
        if (ctx.req().getContentLengthLong() > limit) {
            throw tooLarge();
        }
        RawRoute.Reply reply;
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes(route.maxBodyBytes() + 1);
            if (body.length <= route.maxBodyBytes()) {
                reply = route.handler().handle(body, header);
            } else if (route.larger().isPresent()) {
                RawRoute.Streamed larger = route.larger().get();
                InputStream whole = new SequenceInputStream(new ByteArrayInputStream(body), in);
                reply = larger.handler().handle(new Bounded(whole, larger.maxBytes()), header);
            } else {
                throw tooLarge();
            }
        } catch (Bounded.Exceeded e) {
            throw tooLarge();
        }
        send(ctx, reply);
    }

    /** Another adapter's answer, as it gave it; a 503 says when to come back, as every outage here does. */
    private static void send(Context ctx, RawRoute.Reply reply) {
        if (reply.status() == HttpStatus.SERVICE_UNAVAILABLE.getCode()) {
            ctx.header(Header.RETRY_AFTER, Long.toString(ProblemResponder.RETRY_AFTER_SECONDS));
        }
        ctx.status(reply.status()).contentType(reply.contentType()).result(reply.body());
    }

    private static HttpResponseException tooLarge() {
        return new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(), "body too large");
    }

    /** A body that may not go on past a number of bytes, whatever its Content-Length said (or did not say). */
    private static final class Bounded extends FilterInputStream {
        private long left;

        Bounded(InputStream in, long maxBytes) {
            super(in);
            this.left = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int n = super.read(bytes, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) throws Exceeded {
            left -= n;
            if (left < 0) {
                throw new Exceeded();
            }
        }

        static final class Exceeded extends IOException {
            Exceeded() {
                super("body too large", null);
            }
        }
    }

    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * JSON is UTF-8 (RFC 8259) and bodies are read as UTF-8 bytes; Javalin decodes query strings in whatever charset
     * the Content-Type names, and fails on one it cannot read. A request whose Content-Type names any charset but
     * UTF-8 (or a charset parameter with no value) is refused before anything is read, rather than misread or
     * answered with a 500.
     */
    private static void requireUtf8(Context ctx) {
        String charset;
        try {
            charset = ctx.characterEncoding();
        } catch (RuntimeException unreadableContentType) {
            throw unsupportedMediaType();
        }
        if (charset != null && !isUtf8(charset)) {
            throw unsupportedMediaType();
        }
    }

    private static boolean isUtf8(String charset) {
        try {
            return Charset.isSupported(charset) && Charset.forName(charset).equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notACharsetName) {
            return false;
        }
    }

    /**
     * A body we would have to read must say it is JSON; a bodiless POST (a cancellation) needs no type. The header is
     * read as the client wrote it: asking the request for its content type makes the server look its charset up.
     */
    private static void requireJsonBody(Context ctx) {
        if (!WITH_BODY.contains(ctx.method())) {
            return;
        }
        long length = ctx.req().getContentLengthLong();
        boolean hasBody = length > 0 || (length < 0 && ctx.header("Transfer-Encoding") != null);
        if (hasBody && !isJson(ctx.header("Content-Type"))) {
            throw unsupportedMediaType();
        }
    }

    private static HttpResponseException unsupportedMediaType() {
        return new HttpResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(), "expected UTF-8 JSON");
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json")
                || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
