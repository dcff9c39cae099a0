package com.voiceappoint.bootstrap;

import com.sun.net.httpserver.HttpServer;
import com.voiceappoint.adapter.http.ApiClient;
import com.voiceappoint.adapter.payments.LocalStripe;
import com.voiceappoint.adapter.payments.StripeWebhook;
import com.voiceappoint.adapter.persistence.DatabaseUrl;
import com.voiceappoint.adapter.persistence.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real server on a free port over a test class's own PostgreSQL, as nginx would front it: every request comes
 * from its own client address (X-Forwarded-For), so suites that make hundreds of requests measure the API, not
 * the per-address rate limits, which have tests of their own. It takes payments through {@link LocalStripe}, whose
 * events reach its webhook, and its public address is its own, so that Stripe's way back leads to it.
 */
final class LiveApi implements AutoCloseable {
    static final String PASSWORD = "s3cret-enough";
    static final String VAPI_SECRET = "a-vapi-webhook-secret-for-the-matrices";
    static final String METRICS_TOKEN = "a-token-for-prometheus";

    private final VoiceAppointServer server;
    private final HttpServer vapi;
    private final LocalStripe stripe;
    private final ServerClock clock;
    private final ApiClient client;
    private final DatabaseUrl database;
    private final AtomicInteger addresses = new AtomicInteger();
    private final AtomicInteger accounts = new AtomicInteger();
    /** Stripe's canned stand-in, on a server started {@link #withStripe}. */
    private HttpServer cannedStripe;

    private LiveApi(
            VoiceAppointServer server, HttpServer vapi, LocalStripe stripe, ServerClock clock, DatabaseUrl database) {
        this.server = server;
        this.vapi = vapi;
        this.stripe = stripe;
        this.clock = clock;
        this.client = new ApiClient(server.port());
        this.database = database;
    }

    static LiveApi start(TestPostgres postgres) {
        return start(postgres.url());
    }

    /** Over any PostgreSQL: one a test stops and starts, say. */
    static LiveApi start(DatabaseUrl database) {
        return start(database, Map.of());
    }

    /** With more variables set: where messages go, say. */
    static LiveApi start(TestPostgres postgres, Map<String, String> more) {
        return start(postgres.url(), more);
    }

    private static LiveApi start(DatabaseUrl database, Map<String, String> more) {
        HttpServer vapi = standInForVapi();
        LocalStripe stripe = LocalStripe.start();
        Map<String, String> env = new HashMap<>(Map.ofEntries(
                Map.entry("HOST", "127.0.0.1"),
                Map.entry("DATABASE_URL", EndToEndTest.jdbcUrlWithCredentials(database)),
                Map.entry("JWT_SECRET", "a-matrix-secret-that-is-at-least-32-bytes"),
                Map.entry("TRUST_PROXY_HEADERS", "true"),
                Map.entry("METRICS_TOKEN", METRICS_TOKEN),
                Map.entry("VAPI_WEBHOOK_SECRET", VAPI_SECRET),
                Map.entry("VAPI_ASSISTANT_ID", "shared-assistant"),
                Map.entry(
                        "VAPI_API_URL", "http://127.0.0.1:" + vapi.getAddress().getPort()),
                Map.entry("VAPI_API_KEY", "a-vapi-private-key"),
                Map.entry("VAPI_PHONE_NUMBER_ID", "line-of-the-server"),
                Map.entry("STRIPE_SECRET_KEY", LocalStripe.SECRET_KEY),
                Map.entry("STRIPE_API_BASE", stripe.base().toString()),
                Map.entry("STRIPE_WEBHOOK_SECRET", stripe.webhookSecret()),
                Map.entry("STRIPE_CONNECT_WEBHOOK_SECRET", stripe.webhookSecret())));
        // what a test sets wins: another Stripe, say
        env.putAll(more);
        ServerClock clock = new ServerClock();
        VoiceAppointServer server = onItsOwnAddress(env, more.containsKey("PUBLIC_URL"), clock);
        stripe.sendingEventsTo(URI.create("http://127.0.0.1:" + server.port() + StripeWebhook.PATH));
        return new LiveApi(server, vapi, stripe, clock, database);
    }

    /**
     * The server on a port chosen before it starts, so that its public address (where Stripe sends a client back
     * after paying) is its own. Another process may take that port in between: then another is chosen.
     */
    private static VoiceAppointServer onItsOwnAddress(Map<String, String> env, boolean addressGiven, Clock clock) {
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            env.put("PORT", Integer.toString(port));
            if (!addressGiven) {
                env.put("PUBLIC_URL", "http://127.0.0.1:" + port);
            }
            try {
                return VoiceAppointServer.start(ServerConfig.from(env), clock);
            } catch (RuntimeException failed) {
                if (attempt == 3 || !portTaken(failed)) {
                    throw failed;
                }
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean portTaken(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Vapi's {@code POST /call}, answered as Vapi does (the call is queued), and {@code GET /phone-number/{id}}: the
     * organisation's lines are those whose id is {@code "line-"} and their number.
     */
    private static HttpServer standInForVapi() {
        try {
            HttpServer vapi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            AtomicInteger calls = new AtomicInteger();
            vapi.createContext("/phone-number/", exchange -> {
                String id = exchange.getRequestURI().getPath().substring("/phone-number/".length());
                byte[] line = ("{\"id\": \"" + id + "\", \"number\": \"" + id.substring(Math.min(5, id.length()))
                                + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                if (id.startsWith("line-+")) {
                    exchange.sendResponseHeaders(200, line.length);
                    exchange.getResponseBody().write(line);
                } else {
                    exchange.sendResponseHeaders(404, -1);
                }
                exchange.close();
            });
            vapi.createContext("/call", exchange -> {
                exchange.getRequestBody().readAllBytes();
                byte[] answer = ("{\"id\": \"vapi-call-" + calls.incrementAndGet() + "\", \"status\": \"queued\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(201, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            vapi.start();
            return vapi;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prometheus's view of the server, as a scrape with the token reads it. */
    String metrics() {
        var scraped = client.at(Monitoring.PATH).token(METRICS_TOKEN).get();
        if (scraped.status() != 200) {
            throw new IllegalStateException("scrape failed: " + scraped.status());
        }
        return scraped.raw();
    }

    int port() {
        return server.port();
    }

    /** Where the public reaches the server: what Stripe sends a client back to. */
    String publicUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Stripe, as this server sees it. */
    LocalStripe stripe() {
        return stripe;
    }

    /** Moves the server's clock on: to what it would do later, without waiting. */
    void moveClockOn(Duration by) {
        clock.moveOn(by);
    }

    /** The payments' sweep, run now rather than at the server's next run of it. */
    int settlePayments() {
        return server.settlePayments();
    }

    /** A request from a client address of its own. */
    ApiClient.Call at(String path) {
        int n = addresses.incrementAndGet();
        return client.at(path).header("X-Forwarded-For", "10.%d.%d.%d".formatted(n >> 16 & 255, n >> 8 & 255, n & 255));
    }

    record Account(String userId, String email, String token, String businessId) {}

    /** A new user with a business of their own in Madrid, logged in. */
    Account register(String businessName) {
        return register(businessName, "es");
    }

    /** A new user with a business of their own in Madrid speaking {@code language}, logged in. */
    Account register(String businessName, String language) {
        String email = "user" + accounts.incrementAndGet() + "-" + System.nanoTime() + "@example.com";
        var registered = at("/api/v1/auth/register")
                .post(Map.of(
                        "email",
                        email,
                        "password",
                        PASSWORD,
                        "full_name",
                        businessName + " Owner",
                        "business_name",
                        businessName,
                        "business_type",
                        "salon",
                        "language",
                        language,
                        "timezone",
                        "Europe/Madrid",
                        "currency",
                        "EUR",
                        "country",
                        "ES"));
        if (registered.status() != 201) {
            throw new IllegalStateException("registration failed: " + registered.raw());
        }
        var login = at("/api/v1/auth/token").post(Map.of("email", email, "password", PASSWORD));
        if (login.status() != 200) {
            throw new IllegalStateException("login failed: " + login.raw());
        }
        return new Account(
                registered.body().get("user").get("id").asText(),
                email,
                login.body().get("access").asText(),
                registered.body().get("business_id").asText());
    }

    /**
     * Every row of every table, as one fingerprint (Flyway's own history aside): equal fingerprints mean nothing
     * was written. Read straight from PostgreSQL, bypassing the code under test.
     */
    /**
     * What of a table a request writes, where the server also changes it on its own: messages planned (not their
     * status, which the jobs move on as they send) and no job rows (taken and removed as they run).
     */
    private static final Map<String, String> ROWS_WRITTEN_BY_REQUESTS = Map.of(
            "notifications", "(select business_id, id, appointment_id, kind, channel, occasion from notifications)",
            "scheduled_tasks", "(select 1 where false)");

    String snapshot() {
        try (Connection connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                Statement statement = connection.createStatement()) {
            awaitMessagesSent(statement);
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("select table_name from information_schema.tables "
                    + "where table_schema = 'public' and table_type = 'BASE TABLE' "
                    + "and table_name <> 'flyway_schema_history' order by 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            StringBuilder fingerprint = new StringBuilder();
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("select count(*), md5(coalesce(string_agg(t::text, '|' "
                        + "order by t::text), '')) from "
                        + ROWS_WRITTEN_BY_REQUESTS.getOrDefault(table, "\"" + table + "\"")
                        + " t")) {
                    rs.next();
                    fingerprint.append(table).append('=').append(rs.getLong(1)).append(':');
                    fingerprint.append(rs.getString(2)).append('\n');
                }
            }
            return fingerprint.toString();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the database", e);
        }
    }

    /**
     * Waits until the messages due have been sent (or recorded as not sent): sending one writes its manage link, and a
     * snapshot taken meanwhile would see a write no request made.
     */
    private static void awaitMessagesSent(Statement statement) throws SQLException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            try (ResultSet rs = statement.executeQuery("select count(*) from notifications "
                    + "where status in ('queued', 'sending') and due_at <= now()")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("messages due were not sent within 15 s");
    }

    /** For setup the API refuses on purpose (an appointment that has already started). */
    void execute(String sql) {
        try (Connection connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run: " + sql, e);
        }
    }

    @Override
    public void close() {
        server.close();
        vapi.stop(0);
        stripe.close();
        if (cannedStripe != null) {
            cannedStripe.stop(0);
        }
    }

    static final String STRIPE_PRICE = "price_matrixPro";

    /** Whether this server bills its businesses: started {@link #withStripe}. */
    boolean billsBusinesses() {
        return cannedStripe != null;
    }

    /**
     * The server taking payments and billing its businesses through a stand-in for Stripe's API, which makes whatever
     * it is asked (an account, its onboarding link, a customer, a Checkout Session, a portal session, a refund) and
     * answers it as Stripe does: every route that reaches Stripe can then answer its allowed roles.
     */
    static LiveApi withStripe(TestPostgres postgres) {
        HttpServer stripe = standInForStripe();
        LiveApi api = start(
                postgres.url(),
                Map.of(
                        "STRIPE_SECRET_KEY",
                        "sk_test_51MatrixPlatformKey",
                        "STRIPE_API_BASE",
                        "http://127.0.0.1:" + stripe.getAddress().getPort(),
                        "STRIPE_PRICE_PRO",
                        STRIPE_PRICE));
        api.cannedStripe = stripe;
        return api;
    }

    private static HttpServer standInForStripe() {
        try {
            HttpServer stripe = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            AtomicInteger made = new AtomicInteger();
            Map<String, String> answers = Map.of(
                    "POST /v1/accounts",
                    "{\"id\": \"acct_matrix%d\", \"object\": \"account\"}",
                    "POST /v1/account_links",
                    "{\"object\": \"account_link\", \"url\": \"https://connect.stripe.com/setup/s/matrix%d\"}",
                    "POST /v1/customers",
                    "{\"id\": \"cus_matrix%d\", \"object\": \"customer\"}",
                    "POST /v1/checkout/sessions",
                    "{\"id\": \"cs_test_matrix%1$d\", \"object\": \"checkout.session\", "
                            + "\"url\": \"https://checkout.stripe.com/c/pay/cs_test_matrix%1$d\"}",
                    "POST /v1/billing_portal/sessions",
                    "{\"id\": \"bps_matrix%d\", \"object\": \"billing_portal.session\", "
                            + "\"url\": \"https://billing.stripe.com/p/session/matrix\"}",
                    "POST /v1/refunds",
                    "{\"id\": \"re_matrix%d\", \"object\": \"refund\", \"status\": \"succeeded\"}");
            stripe.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                String path = exchange.getRequestURI().getPath();
                String key = exchange.getRequestMethod() + " " + path;
                String answer = path.startsWith("/v1/accounts/")
                                && exchange.getRequestMethod().equals("GET")
                        ? "{\"id\": \"" + path.substring("/v1/accounts/".length()) + "\", \"object\": \"account\", "
                                + "\"charges_enabled\": false, \"details_submitted\": false}"
                        : answers.containsKey(key) ? answers.get(key).formatted(made.incrementAndGet()) : null;
                byte[] body = (answer == null
                                ? "{\"error\": {\"type\": \"invalid_request_error\", \"message\": \"no " + key + "\"}}"
                                : answer)
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer == null ? 404 : 200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            stripe.start();
            return stripe;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
