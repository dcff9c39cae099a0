package com.voiceappoint.adapter.payments;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.stripe.Stripe;
import com.stripe.net.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stripe on a local port, as far as this platform uses it, with Stripe's behaviour and memory rather than a test's
 * canned replies ({@link StripeStandIn} is for those): the end-to-end tests run the whole server against it, and a
 * developer runs it by hand beside the server's jar ({@link #main}).
 *
 * <p>Its API answers stripe-java as Stripe does: connected accounts (made once per idempotency key, read back with
 * {@code charges_enabled} once their owner finished onboarding), onboarding links, Checkout Sessions in payment mode on
 * a connected account (the amount, metadata, way back and deadline remembered, with the {@code Stripe-Account} they
 * were made on), expiring a session, and refunds of what was paid, never more than is left. Only test keys are taken;
 * an idempotency key replays its first answer, and one reused for another request is refused.
 *
 * <p>It also serves the two pages Stripe hosts. Checkout, at the URL a session answers ({@code /c/pay/{session}}),
 * shows the amount and a Pay button: paying sends {@code checkout.session.completed} to the server's webhook, then
 * the browser to the session's {@code success_url}. Onboarding, at the URL an account link answers, has a button that
 * finishes it: the account can take charges, {@code account.updated} is sent, and the browser goes to the link's
 * {@code return_url} (a link used or lapsed goes to its {@code refresh_url}, as Stripe's does). A session left open
 * past its {@code expires_at} lapses by itself and {@code checkout.session.expired} is sent.
 *
 * <p>Events are shaped as Stripe posts them and signed with {@code Webhook.Signature}, Stripe's own scheme, with one
 * secret for both endpoints, as {@code stripe listen} signs. They may be held back and released (the moment between
 * Stripe's redirect and its news), and delivered again (Stripe retries, and its Dashboard resends).
 */
public final class LocalStripe implements AutoCloseable {
    /** A test key for the server: anything starting {@code sk_test_} is taken. */
    public static final String SECRET_KEY = "sk_test_localStripeForTheServer";
    /** Signs every event unless another secret is given. */
    public static final String WEBHOOK_SECRET = "whsec_localStripeSigningSecret";
    /** stripe-mock's port, so a developer's habits carry over. */
    public static final int DEFAULT_PORT = 12111;

    /** Stripe keeps a Checkout Session open for 30 minutes to 24 hours after it is made. */
    static final Duration SHORTEST_PAGE = Duration.ofMinutes(30);

    static final Duration LONGEST_PAGE = Duration.ofHours(24);
    /** An account link works once, within minutes. */
    static final Duration LINK_LASTS = Duration.ofMinutes(5);

    private static final Duration LAPSED_EVERY = Duration.ofSeconds(5);
    private static final Gson JSON = new GsonBuilder().serializeNulls().create();
    private static final Pattern ACCOUNT = Pattern.compile("/v1/accounts/([^/]+)");
    private static final Pattern EXPIRE = Pattern.compile("/v1/checkout/sessions/([^/]+)/expire");
    private static final Pattern CHECKOUT_PAGE = Pattern.compile("/c/pay/([^/]+)");
    private static final Pattern ONBOARDING_PAGE = Pattern.compile("/setup/e/([^/]+)/([^/]+)");
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** One request to the API as it arrived. */
    public record Request(
            String method,
            String path,
            Optional<String> account,
            Optional<String> idempotencyKey,
            Map<String, String> form) {}

    /** A connected account as Stripe holds it. */
    public record Account(
            String id,
            String businessName,
            Optional<String> country,
            Optional<String> email,
            boolean chargesEnabled,
            boolean detailsSubmitted) {}

    /** A Checkout Session as Stripe holds it: {@code open}, then {@code complete} or {@code expired}. */
    public record Session(
            String id,
            Optional<String> account,
            long amountTotal,
            String currency,
            String description,
            Optional<String> customerEmail,
            String locale,
            Map<String, String> metadata,
            Map<String, String> paymentMetadata,
            Optional<Long> applicationFee,
            URI successUrl,
            Optional<URI> cancelUrl,
            Instant created,
            Instant expiresAt,
            String status,
            String paymentStatus,
            Optional<String> paymentIntent,
            URI url) {
        Session completed(String intent) {
            return new Session(
                    id,
                    account,
                    amountTotal,
                    currency,
                    description,
                    customerEmail,
                    locale,
                    metadata,
                    paymentMetadata,
                    applicationFee,
                    successUrl,
                    cancelUrl,
                    created,
                    expiresAt,
                    "complete",
                    "paid",
                    Optional.of(intent),
                    url);
        }

        Session expired() {
            return new Session(
                    id,
                    account,
                    amountTotal,
                    currency,
                    description,
                    customerEmail,
                    locale,
                    metadata,
                    paymentMetadata,
                    applicationFee,
                    successUrl,
                    cancelUrl,
                    created,
                    expiresAt,
                    "expired",
                    "unpaid",
                    Optional.empty(),
                    url);
        }

        boolean open() {
            return status.equals("open");
        }
    }

    /** A refund made, in the currency's minor units. */
    public record Refund(
            String id,
            Optional<String> account,
            String paymentIntent,
            long amount,
            String currency,
            Optional<String> idempotencyKey) {}

    /** One event posted to the webhook, and what it answered (status 0: it could not be reached). */
    public record Delivery(String event, String type, Optional<String> account, int status, String answer) {
        public boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    /** Stripe's refusal of a request: its status and its error object. */
    private static final class Refused extends RuntimeException {
        final int status;
        final String type;
        final String code;
        final String param;

        Refused(int status, String type, String code, String param, String message) {
            super(message);
            this.status = status;
            this.type = type;
            this.code = code;
            this.param = param;
        }

        static Refused invalid(String param, String message) {
            return new Refused(400, "invalid_request_error", "parameter_invalid_empty", param, message);
        }

        static Refused missing(String param, String message) {
            return new Refused(400, "invalid_request_error", "resource_missing", param, message);
        }
    }

    private record Reply(int status, String json) {}

    private record Remembered(String request, Reply reply) {}

    private record Link(String account, URI refreshUrl, URI returnUrl, Instant expiresAt, boolean used) {}

    private record Intent(String id, Optional<String> account, long amount, String currency, long refunded) {}

    private record Event(String id, String type, Optional<String> account, String payload) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(daemon("local-stripe"));
    private final ScheduledExecutorService lapses =
            Executors.newSingleThreadScheduledExecutor(daemon("local-stripe-lapses"));
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String webhookSecret;
    private final Clock clock = Clock.systemUTC();
    private volatile Optional<URI> webhook = Optional.empty();
    private volatile Consumer<String> log = line -> {};

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, JsonObject> controllers = new LinkedHashMap<>();
    private final Map<String, Link> links = new LinkedHashMap<>();
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final Map<String, Intent> intents = new LinkedHashMap<>();
    private final List<Refund> refunds = new ArrayList<>();
    private final Map<String, Event> events = new LinkedHashMap<>();
    private final Map<String, Remembered> idempotent = new LinkedHashMap<>();
    private final List<Event> held = new ArrayList<>();
    private boolean holding;

    private LocalStripe(int port, String webhookSecret) throws IOException {
        this.webhookSecret = Objects.requireNonNull(webhookSecret, "webhookSecret");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::answer);
        server.setExecutor(threads);
        server.start();
        lapses.scheduleWithFixedDelay(
                this::lapseOverdue, LAPSED_EVERY.toSeconds(), LAPSED_EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    /** On a free port, signing with {@link #WEBHOOK_SECRET}. */
    public static LocalStripe start() {
        return start(0, WEBHOOK_SECRET);
    }

    public static LocalStripe start(int port, String webhookSecret) {
        try {
            return new LocalStripe(port, webhookSecret);
        } catch (IOException e) {
            throw new UncheckedIOException("LocalStripe could not listen on port " + port, e);
        }
    }

    /** What the server takes as {@code STRIPE_API_BASE}; the hosted pages are here too. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public String webhookSecret() {
        return webhookSecret;
    }

    /** Where events are posted: the server's {@code /api/v1/payments/stripe/webhook/}. */
    public LocalStripe sendingEventsTo(URI webhook) {
        this.webhook = Optional.of(webhook);
        return this;
    }

    /** Tells someone what happens, a line at a time (the console, when run by hand). */
    public LocalStripe logging(Consumer<String> log) {
        this.log = Objects.requireNonNull(log, "log");
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public synchronized List<Account> accounts() {
        return List.copyOf(accounts.values());
    }

    public synchronized List<Session> sessions() {
        return List.copyOf(sessions.values());
    }

    public synchronized Session session(String id) {
        return Optional.ofNullable(sessions.get(id))
                .orElseThrow(() -> new IllegalArgumentException("no Checkout Session " + id));
    }

    public synchronized List<Refund> refunds() {
        return List.copyOf(refunds);
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** The body of an event as it was first sent: to forge or replay it by hand. */
    public synchronized String payload(String event) {
        return Optional.ofNullable(events.get(event))
                .orElseThrow(() -> new IllegalArgumentException("no event " + event))
                .payload();
    }

    /** Events made from now on wait for {@link #releaseEvents()}. */
    public synchronized LocalStripe holdEvents() {
        holding = true;
        return this;
    }

    /** The ids of the events held back, oldest first. */
    public synchronized List<String> heldEvents() {
        return held.stream().map(Event::id).toList();
    }

    /** Sends the events held back, in the order they happened, and stops holding them. */
    public List<Delivery> releaseEvents() {
        List<Event> waiting;
        synchronized (this) {
            holding = false;
            waiting = List.copyOf(held);
            held.clear();
        }
        return waiting.stream().map(this::deliver).toList();
    }

    /** Posts an event again, newly signed, as Stripe does when it retries or its Dashboard resends one. */
    public Delivery redeliver(String event) {
        Event found;
        synchronized (this) {
            found = events.get(event);
        }
        if (found == null) {
            throw new IllegalArgumentException("no event " + event);
        }
        return deliver(found);
    }

    /** Lapses an open session at once, as {@code POST /v1/checkout/sessions/{id}/expire} does. */
    public void expire(String session) {
        Event lapsed;
        synchronized (this) {
            Session open = session(session);
            lapsed = expired(open);
        }
        send(lapsed);
    }

    // ---------------------------------------------------------------- HTTP

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            try {
                Matcher checkout = CHECKOUT_PAGE.matcher(path);
                Matcher onboarding = ONBOARDING_PAGE.matcher(path);
                if (path.startsWith("/v1/")) {
                    api(exchange, method, path);
                } else if (checkout.matches()) {
                    checkoutPage(exchange, method, checkout.group(1));
                } else if (onboarding.matches()) {
                    onboardingPage(exchange, method, onboarding.group(1), onboarding.group(2));
                } else {
                    html(exchange, 404, LocalStripePages.notFound());
                }
            } catch (RuntimeException bug) {
                log.accept("LocalStripe failed on " + method + " " + path + ": " + bug);
                byte[] body = ("LocalStripe failed: " + bug).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(500, body.length);
                exchange.getResponseBody().write(body);
            }
        }
    }

    private void api(HttpExchange exchange, String method, String path) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String query = exchange.getRequestURI().getRawQuery();
        Map<String, String> form = StripeStandIn.form(method.equals("GET") && query != null ? query : body);
        Optional<String> account = header(exchange, "Stripe-Account");
        Optional<String> key = header(exchange, "Idempotency-Key");
        requests.add(new Request(method, path, account, key, Map.copyOf(form)));
        Reply reply;
        List<Event> happened = new ArrayList<>();
        try {
            authenticate(header(exchange, "Authorization"));
            reply = remembered(
                    method, path, form, account, key, () -> route(method, path, form, account, key, happened));
        } catch (Refused refused) {
            reply = error(refused);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Request-Id", "req_" + random(14));
        key.ifPresent(k -> exchange.getResponseHeaders().set("Idempotency-Key", k));
        byte[] bytes = reply.json().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
        // Stripe's news of a change comes after its answer, never inside it
        happened.forEach(event -> threads.execute(() -> send(event)));
    }

    private Reply route(
            String method,
            String path,
            Map<String, String> form,
            Optional<String> account,
            Optional<String> key,
            List<Event> happened) {
        Matcher expire = EXPIRE.matcher(path);
        Matcher accountPath = ACCOUNT.matcher(path);
        if (method.equals("POST") && path.equals("/v1/accounts")) {
            return ok(createAccount(form));
        }
        if (method.equals("GET") && accountPath.matches()) {
            return ok(account(known(accountPath.group(1))));
        }
        if (method.equals("POST") && path.equals("/v1/account_links")) {
            return ok(createLink(form));
        }
        if (method.equals("POST") && path.equals("/v1/checkout/sessions")) {
            return ok(createSession(form, account));
        }
        if (method.equals("POST") && expire.matches()) {
            synchronized (this) {
                Session session = onAccount(expire.group(1), account);
                happened.add(expired(session));
                return ok(session(sessions.get(session.id())));
            }
        }
        if (method.equals("POST") && path.equals("/v1/refunds")) {
            return ok(createRefund(form, account, key));
        }
        throw new Refused(
                404,
                "invalid_request_error",
                null,
                null,
                "Unrecognized request URL (" + method + ": " + path + "). LocalStripe answers only what this platform"
                        + " asks of Stripe.");
    }

    /** A key is remembered with the request it came with, on the account it was sent for (as Stripe scopes it). */
    private Reply remembered(
            String method,
            String path,
            Map<String, String> form,
            Optional<String> account,
            Optional<String> key,
            java.util.function.Supplier<Reply> made) {
        if (!method.equals("POST") || key.isEmpty()) {
            return made.get();
        }
        String scope = account.orElse("platform") + "|" + key.get();
        String request = method + " " + path + " " + new java.util.TreeMap<>(form);
        synchronized (this) {
            Remembered before = idempotent.get(scope);
            if (before != null) {
                if (!before.request().equals(request)) {
                    throw new Refused(
                            400,
                            "idempotency_error",
                            null,
                            null,
                            "Keys for idempotent requests can only be used with the same parameters they were first"
                                    + " used with. Try using a key other than '" + key.get()
                                    + "' if you meant to execute a different request.");
                }
                return before.reply();
            }
            Reply reply;
            try {
                reply = made.get();
            } catch (Refused refused) {
                reply = error(refused);
            }
            idempotent.put(scope, new Remembered(request, reply));
            return reply;
        }
    }

    private static void authenticate(Optional<String> authorization) {
        String key = authorization
                .filter(value -> value.startsWith("Bearer "))
                .map(value -> value.substring("Bearer ".length()).strip())
                .orElseThrow(
                        () -> new Refused(
                                401,
                                "invalid_request_error",
                                null,
                                null,
                                "You did not provide an API key. Provide it in the Authorization header as Bearer sk_test_..."));
        if (!key.matches("(sk|rk)_test_[0-9A-Za-z_]+")) {
            throw new Refused(
                    401,
                    "invalid_request_error",
                    "api_key_invalid",
                    null,
                    "Invalid API Key provided: " + key.substring(0, Math.min(8, key.length()))
                            + "****. LocalStripe takes test keys only (sk_test_...): no real money moves here.");
        }
    }

    // ---------------------------------------------------------------- the API

    private synchronized JsonObject createAccount(Map<String, String> form) {
        if (form.containsKey("type") && form.keySet().stream().anyMatch(name -> name.startsWith("controller["))) {
            throw Refused.invalid("type", "You cannot set both type and controller when creating an account.");
        }
        String id = "acct_" + random(16);
        Account account = new Account(
                id,
                form.getOrDefault("business_profile[name]", ""),
                Optional.ofNullable(form.get("country")),
                Optional.ofNullable(form.get("email")),
                false,
                false);
        accounts.put(id, account);
        controllers.put(id, nested(form, "controller"));
        log.accept("account " + id + " opened for " + account.businessName());
        return account(account);
    }

    private synchronized JsonObject createLink(Map<String, String> form) {
        Account account = known(required(form, "account"));
        String type = required(form, "type");
        if (!type.equals("account_onboarding") && !type.equals("account_update")) {
            throw Refused.invalid("type", "Invalid type: must be one of account_onboarding or account_update");
        }
        URI refresh = address(form, "refresh_url");
        URI back = address(form, "return_url");
        String link = random(24);
        Instant now = clock.instant();
        links.put(link, new Link(account.id(), refresh, back, now.plus(LINK_LASTS), false));
        JsonObject json = new JsonObject();
        json.addProperty("object", "account_link");
        json.addProperty("created", now.getEpochSecond());
        json.addProperty("expires_at", now.plus(LINK_LASTS).getEpochSecond());
        json.addProperty("url", base() + "/setup/e/" + account.id() + "/" + link);
        return json;
    }

    private synchronized JsonObject createSession(Map<String, String> form, Optional<String> account) {
        account.ifPresent(this::known);
        String mode = required(form, "mode");
        if (!mode.equals("payment")) {
            throw Refused.invalid("mode", "LocalStripe makes Checkout Sessions in payment mode only, not " + mode);
        }
        long total = 0;
        String currency = null;
        List<String> names = new ArrayList<>();
        for (int i = 0; form.containsKey("line_items[" + i + "][quantity]"); i++) {
            String item = "line_items[" + i + "]";
            long quantity = whole(form, item + "[quantity]");
            long unit = whole(form, item + "[price_data][unit_amount]");
            String itemCurrency = required(form, item + "[price_data][currency]");
            if (currency != null && !currency.equals(itemCurrency)) {
                throw Refused.invalid(item + "[price_data][currency]", "All line items must be in one currency.");
            }
            currency = itemCurrency;
            names.add(required(form, item + "[price_data][product_data][name]"));
            total += quantity * unit;
        }
        if (currency == null) {
            throw Refused.invalid("line_items", "A Checkout Session in payment mode needs line_items.");
        }
        Optional<Long> fee = Optional.ofNullable(form.get("payment_intent_data[application_fee_amount]"))
                .map(value -> whole(form, "payment_intent_data[application_fee_amount]"));
        if (fee.isPresent() && fee.get() > total) {
            throw Refused.invalid(
                    "payment_intent_data[application_fee_amount]",
                    "The application fee cannot be more than the amount of the payment.");
        }
        Instant now = clock.instant();
        Instant expiresAt = Optional.ofNullable(form.get("expires_at"))
                .map(value -> Instant.ofEpochSecond(whole(form, "expires_at")))
                .orElse(now.plus(LONGEST_PAGE));
        if (expiresAt.isBefore(now.plus(SHORTEST_PAGE)) || expiresAt.isAfter(now.plus(LONGEST_PAGE))) {
            throw Refused.invalid(
                    "expires_at",
                    "The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session"
                            + " creation.");
        }
        String id = "cs_test_" + random(40);
        Session session = new Session(
                id,
                account,
                total,
                currency,
                String.join(", ", names),
                Optional.ofNullable(form.get("customer_email")),
                form.getOrDefault("locale", "auto"),
                StripeStandIn.under(form, "metadata"),
                StripeStandIn.under(form, "payment_intent_data[metadata]"),
                fee,
                address(form, "success_url"),
                Optional.ofNullable(form.get("cancel_url")).map(value -> address(form, "cancel_url")),
                now,
                expiresAt,
                "open",
                "unpaid",
                Optional.empty(),
                URI.create(base() + "/c/pay/" + id));
        sessions.put(id, session);
        log.accept("Checkout Session " + id + " opened for " + total + " " + currency + " on "
                + account.orElse("the platform") + ": " + session.url());
        return session(session);
    }

    private synchronized JsonObject createRefund(
            Map<String, String> form, Optional<String> account, Optional<String> key) {
        account.ifPresent(this::known);
        String id = required(form, "payment_intent");
        Intent intent = Optional.ofNullable(intents.get(id))
                .filter(found -> found.account().equals(account))
                .orElseThrow(() -> Refused.missing("payment_intent", "No such payment_intent: '" + id + "'"));
        long left = intent.amount() - intent.refunded();
        long amount = form.containsKey("amount") ? whole(form, "amount") : left;
        if (amount <= 0) {
            throw Refused.invalid("amount", "Invalid positive integer");
        }
        if (left == 0) {
            throw new Refused(
                    400,
                    "invalid_request_error",
                    "charge_already_refunded",
                    null,
                    "Charge for payment_intent " + id + " has already been refunded.");
        }
        if (amount > left) {
            throw new Refused(
                    400,
                    "invalid_request_error",
                    "amount_too_large",
                    "amount",
                    "Refund amount (" + amount + ") is greater than unrefunded amount on charge (" + left + ")");
        }
        intents.put(
                id, new Intent(id, intent.account(), intent.amount(), intent.currency(), intent.refunded() + amount));
        Refund refund = new Refund("re_" + random(24), account, id, amount, intent.currency(), key);
        refunds.add(refund);
        log.accept("refund " + refund.id() + " of " + amount + " " + intent.currency() + " on " + id);
        JsonObject json = new JsonObject();
        json.addProperty("id", refund.id());
        json.addProperty("object", "refund");
        json.addProperty("amount", amount);
        json.addProperty("charge", "ch_" + id.substring(3));
        json.addProperty("created", clock.instant().getEpochSecond());
        json.addProperty("currency", intent.currency());
        json.add("metadata", new JsonObject());
        json.addProperty("payment_intent", id);
        json.addProperty("reason", (String) null);
        json.addProperty("status", "succeeded");
        return json;
    }

    // ---------------------------------------------------------------- the hosted pages

    private void checkoutPage(HttpExchange exchange, String method, String id) throws IOException {
        exchange.getRequestBody().readAllBytes();
        Session session;
        String business;
        Event paid = null;
        Event lapsed = null;
        synchronized (this) {
            session = sessions.get(id);
            if (session == null) {
                html(exchange, 404, LocalStripePages.notFound());
                return;
            }
            business = session.account()
                    .map(accounts::get)
                    .map(Account::businessName)
                    .filter(name -> !name.isBlank())
                    .orElse("VoiceAppoint");
            if (session.open() && !clock.instant().isBefore(session.expiresAt())) {
                // past its time, before the lapsing sweep came by: it can no longer be paid
                lapsed = expired(session);
            } else if (method.equals("POST") && session.open()) {
                paid = paid(session);
            }
            session = sessions.get(id);
        }
        if (lapsed != null) {
            send(lapsed);
        }
        if (paid != null) {
            send(paid);
            redirect(exchange, session.successUrl().toString().replace("{CHECKOUT_SESSION_ID}", id));
            return;
        }
        int status = method.equals("POST") ? 409 : 200;
        html(exchange, status, LocalStripePages.checkout(session, business));
    }

    private void onboardingPage(HttpExchange exchange, String method, String id, String linkId) throws IOException {
        exchange.getRequestBody().readAllBytes();
        Link link;
        Account account;
        Event updated = null;
        synchronized (this) {
            link = links.get(linkId);
            if (link == null || !link.account().equals(id)) {
                html(exchange, 404, LocalStripePages.notFound());
                return;
            }
            if (link.used() || !clock.instant().isBefore(link.expiresAt())) {
                redirect(exchange, link.refreshUrl().toString());
                return;
            }
            account = accounts.get(id);
            if (method.equals("POST")) {
                links.put(
                        linkId, new Link(link.account(), link.refreshUrl(), link.returnUrl(), link.expiresAt(), true));
                account = new Account(id, account.businessName(), account.country(), account.email(), true, true);
                accounts.put(id, account);
                updated = event("account.updated", Optional.of(id), account(account));
                log.accept("account " + id + " onboarded: it takes charges");
            }
        }
        if (updated != null) {
            send(updated);
            redirect(exchange, link.returnUrl().toString());
            return;
        }
        html(exchange, 200, LocalStripePages.onboarding(account));
    }

    // ---------------------------------------------------------------- what happens to sessions

    /** Paid: the PaymentIntent the money is on, the session complete, and the news of it. Holds the lock. */
    private Event paid(Session session) {
        String intent = "pi_" + random(24);
        intents.put(intent, new Intent(intent, session.account(), session.amountTotal(), session.currency(), 0));
        Session complete = session.completed(intent);
        sessions.put(session.id(), complete);
        log.accept("paid " + session.id() + ": " + session.amountTotal() + " " + session.currency() + " on " + intent);
        return event("checkout.session.completed", session.account(), session(complete));
    }

    /** Lapsed: the session can no longer be paid, and the news of it. Holds the lock. */
    private Event expired(Session session) {
        if (!session.open()) {
            throw Refused.invalid(
                    "session",
                    "Only Checkout Sessions with a status in [\"open\"] can be expired. This Checkout Session has a"
                            + " status of \"" + session.status() + "\".");
        }
        Session lapsed = session.expired();
        sessions.put(session.id(), lapsed);
        log.accept("expired " + session.id());
        return event("checkout.session.expired", session.account(), session(lapsed));
    }

    /** Stripe lapses an open session at its {@code expires_at} on its own, and says so. */
    private void lapseOverdue() {
        List<Event> lapsed = new ArrayList<>();
        synchronized (this) {
            Instant now = clock.instant();
            for (Session session : List.copyOf(sessions.values())) {
                if (session.open() && !now.isBefore(session.expiresAt())) {
                    lapsed.add(expired(session));
                }
            }
        }
        lapsed.forEach(this::send);
    }

    // ---------------------------------------------------------------- events

    /** The event as Stripe posts it to an endpoint, remembered for a later delivery. Holds the lock. */
    private Event event(String type, Optional<String> account, JsonObject object) {
        String id = "evt_" + random(24);
        JsonObject json = new JsonObject();
        json.addProperty("id", id);
        json.addProperty("object", "event");
        account.ifPresent(acct -> json.addProperty("account", acct));
        json.addProperty("api_version", Stripe.API_VERSION);
        json.addProperty("created", clock.instant().getEpochSecond());
        JsonObject data = new JsonObject();
        data.add("object", object);
        json.add("data", data);
        json.addProperty("livemode", false);
        json.addProperty("pending_webhooks", 1);
        JsonObject request = new JsonObject();
        request.add("id", JsonNull.INSTANCE);
        request.add("idempotency_key", JsonNull.INSTANCE);
        json.add("request", request);
        json.addProperty("type", type);
        Event event = new Event(id, type, account, JSON.toJson(json));
        events.put(id, event);
        return event;
    }

    private void send(Event event) {
        synchronized (this) {
            if (holding) {
                held.add(event);
                return;
            }
        }
        deliver(event);
    }

    private Delivery deliver(Event event) {
        Delivery delivery;
        if (webhook.isEmpty()) {
            delivery = new Delivery(event.id(), event.type(), event.account(), 0, "no webhook to send it to");
        } else {
            delivery = post(event, webhook.get());
        }
        deliveries.add(delivery);
        log.accept(event.type() + " " + event.id() + " -> " + (delivery.status() == 0 ? "" : delivery.status() + " ")
                + delivery.answer());
        return delivery;
    }

    private Delivery post(Event event, URI to) {
        String signature;
        try {
            signature = Webhook.Signature.generateSignatureHeader(
                    event.payload(), webhookSecret, clock.instant().getEpochSecond());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
        }
        HttpRequest request = HttpRequest.newBuilder(to)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                .header("Stripe-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(event.payload(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> answered = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Delivery(event.id(), event.type(), event.account(), answered.statusCode(), answered.body());
        } catch (IOException e) {
            return new Delivery(event.id(), event.type(), event.account(), 0, "not reached: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery(event.id(), event.type(), event.account(), 0, "interrupted");
        }
    }

    // ---------------------------------------------------------------- Stripe's objects as JSON

    private JsonObject account(Account account) {
        JsonObject json = new JsonObject();
        json.addProperty("id", account.id());
        json.addProperty("object", "account");
        JsonObject profile = new JsonObject();
        profile.addProperty("name", account.businessName());
        profile.add("url", JsonNull.INSTANCE);
        json.add("business_profile", profile);
        json.addProperty("charges_enabled", account.chargesEnabled());
        JsonObject controller = new JsonObject();
        controllers
                .getOrDefault(account.id(), new JsonObject())
                .entrySet()
                .forEach(
                        entry -> controller.add(entry.getKey(), entry.getValue().deepCopy()));
        controller.addProperty("is_controller", true);
        controller.addProperty("type", "application");
        json.add("controller", controller);
        json.addProperty("country", account.country().orElse(null));
        json.addProperty("details_submitted", account.detailsSubmitted());
        json.addProperty("email", account.email().orElse(null));
        json.addProperty("payouts_enabled", account.chargesEnabled());
        JsonObject requirements = new JsonObject();
        JsonArray due = new JsonArray();
        if (!account.detailsSubmitted()) {
            List.of("business_type", "external_account", "tos_acceptance.date").forEach(due::add);
        }
        requirements.add("currently_due", due);
        requirements.addProperty("disabled_reason", account.chargesEnabled() ? null : "requirements.past_due");
        json.add("requirements", requirements);
        return json;
    }

    private static JsonObject session(Session session) {
        JsonObject json = new JsonObject();
        json.addProperty("id", session.id());
        json.addProperty("object", "checkout.session");
        json.addProperty("amount_subtotal", session.amountTotal());
        json.addProperty("amount_total", session.amountTotal());
        json.addProperty("cancel_url", session.cancelUrl().map(URI::toString).orElse(null));
        json.addProperty("created", session.created().getEpochSecond());
        json.addProperty("currency", session.currency());
        json.addProperty("customer_email", session.customerEmail().orElse(null));
        json.addProperty("expires_at", session.expiresAt().getEpochSecond());
        json.addProperty("livemode", false);
        json.addProperty("locale", session.locale());
        json.add("metadata", strings(session.metadata()));
        json.addProperty("mode", "payment");
        json.addProperty("payment_intent", session.paymentIntent().orElse(null));
        JsonArray methods = new JsonArray();
        methods.add("card");
        json.add("payment_method_types", methods);
        json.addProperty("payment_status", session.paymentStatus());
        json.addProperty("status", session.status());
        json.addProperty("success_url", session.successUrl().toString());
        json.addProperty("url", session.open() ? session.url().toString() : null);
        return json;
    }

    private static JsonObject strings(Map<String, String> values) {
        JsonObject json = new JsonObject();
        values.forEach(json::addProperty);
        return json;
    }

    /** Stripe's {@code a[b][c]=v} names under {@code prefix}, back into the object they spell. */
    private static JsonObject nested(Map<String, String> form, String prefix) {
        JsonObject root = new JsonObject();
        form.forEach((name, value) -> {
            if (!name.startsWith(prefix + "[")) {
                return;
            }
            String[] keys =
                    name.substring(prefix.length() + 1, name.length() - 1).split("\\]\\[");
            JsonObject at = root;
            for (int i = 0; i < keys.length - 1; i++) {
                if (!at.has(keys[i])) {
                    at.add(keys[i], new JsonObject());
                }
                at = at.getAsJsonObject(keys[i]);
            }
            at.add(keys[keys.length - 1], new JsonPrimitive(value));
        });
        return root;
    }

    private static Reply ok(JsonObject json) {
        return new Reply(200, JSON.toJson(json));
    }

    private static Reply error(Refused refused) {
        JsonObject error = new JsonObject();
        error.addProperty("type", refused.type);
        error.addProperty("code", refused.code);
        error.addProperty("message", refused.getMessage());
        error.addProperty("param", refused.param);
        JsonObject json = new JsonObject();
        json.add("error", error);
        return new Reply(refused.status, JSON.toJson(json));
    }

    // ---------------------------------------------------------------- reading requests

    /** The account, if the platform may act on it: Stripe answers any other as not the key's to reach. */
    private Account known(String id) {
        Account account = accounts.get(id);
        if (account == null) {
            throw new Refused(
                    403,
                    "invalid_request_error",
                    "account_invalid",
                    null,
                    "The provided key does not have access to account '" + id
                            + "' (or that account does not exist). Application access may have been revoked.");
        }
        return account;
    }

    /** A session of the account the request was made on: another account's is not there at all. */
    private Session onAccount(String id, Optional<String> account) {
        account.ifPresent(this::known);
        return Optional.ofNullable(sessions.get(id))
                .filter(session -> session.account().equals(account))
                .orElseThrow(() -> Refused.missing("session", "No such checkout.session: '" + id + "'"));
    }

    private static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            throw Refused.invalid(name, "Missing required param: " + name + ".");
        }
        return value;
    }

    private static long whole(Map<String, String> form, String name) {
        try {
            return Long.parseLong(required(form, name));
        } catch (NumberFormatException e) {
            throw Refused.invalid(name, "Invalid integer: " + form.get(name));
        }
    }

    private static URI address(Map<String, String> form, String name) {
        try {
            URI uri = URI.create(required(form, name));
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return uri;
            }
        } catch (IllegalArgumentException notAnAddress) {
            // answered below, as Stripe answers any URL it cannot use
        }
        throw Refused.invalid(name, "Not a valid URL");
    }

    private static Optional<String> header(HttpExchange exchange, String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name)).filter(value -> !value.isBlank());
    }

    private static void html(HttpExchange exchange, int status, String page) throws IOException {
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(303, -1);
    }

    private static String random(int length) {
        StringBuilder text = new StringBuilder(length);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < length; i++) {
            text.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return text.toString();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        lapses.shutdownNow();
        server.stop(0);
        threads.shutdownNow();
    }

    // ---------------------------------------------------------------- by hand

    /**
     * Runs beside the server until stopped, telling the console what happens (see docs/PAYMENTS.md):
     *
     * <pre>{@code
     * java -cp adapter-payments/target/voiceappoint-adapter-payments-<version>-tests.jar:bootstrap/target/voiceappoint.jar \
     *     com.voiceappoint.adapter.payments.LocalStripe [--port 12111] \
     *     [--webhook http://localhost:8000/api/v1/payments/stripe/webhook/] [--secret whsec_...]
     * }</pre>
     */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = new LinkedHashMap<>(Map.of(
                "--port",
                Integer.toString(DEFAULT_PORT),
                "--webhook",
                "http://localhost:8000/api/v1/payments/stripe/webhook/",
                "--secret",
                WEBHOOK_SECRET));
        for (int i = 0; i < args.length; i++) {
            if (!options.containsKey(args[i]) || i + 1 == args.length) {
                System.err.println("usage: LocalStripe [--port 12111] [--webhook URL] [--secret whsec_...]");
                System.exit(2);
            }
            options.put(args[i], args[++i]);
        }
        int port;
        try {
            port = Integer.parseInt(options.get("--port"));
        } catch (NumberFormatException e) {
            System.err.println("--port is a number, not " + options.get("--port"));
            System.exit(2);
            return;
        }
        URI webhook = URI.create(options.get("--webhook"));
        LocalStripe stripe = start(port, options.get("--secret"))
                .sendingEventsTo(webhook)
                .logging(line -> System.out.println(
                        Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "  " + line));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stripe.close();
            stopped.countDown();
        }));
        System.out.println("""
                LocalStripe, in test mode, on %s: no request reaches Stripe and no money moves.
                Events go to %s, signed with %s.
                Start the server beside it with:
                  STRIPE_SECRET_KEY=%s STRIPE_API_BASE=%s \\
                  STRIPE_WEBHOOK_SECRET=%s STRIPE_CONNECT_WEBHOOK_SECRET=%s \\
                  java -jar bootstrap/target/voiceappoint.jar
                Ctrl-C stops it.
                """.formatted(
                        stripe.base(),
                        webhook,
                        stripe.webhookSecret(),
                        SECRET_KEY,
                        stripe.base(),
                        stripe.webhookSecret(),
                        stripe.webhookSecret()));
        stopped.await();
    }

    /** Stripe's way of spelling a language, for the Checkout page. */
    static Locale locale(Session session) {
        return session.locale().startsWith("es") ? Locale.forLanguageTag("es-ES") : Locale.forLanguageTag("en-GB");
    }
}
