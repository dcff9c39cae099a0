package com.voiceappoint.bootstrap;

import com.voiceappoint.adapter.notifications.SmtpSettings;
import com.voiceappoint.adapter.notifications.TwilioSettings;
import com.voiceappoint.adapter.payments.StripeSettings;
import com.voiceappoint.application.usecase.LiveEventsInteractor;
import com.voiceappoint.domain.billing.Plan;
import com.voiceappoint.domain.billing.Plans;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.shared.Money;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the server reads from its environment, with the defaults that make a bare {@code java -jar} work.
 *
 * @param production whether {@code APP_ENV=production}: then a missing secret stops the start instead of being
 *     generated
 * @param databaseUrl empty means an embedded PostgreSQL keeping its data under {@code dataDirectory}
 * @param jsonLogs whether {@code LOG_FORMAT=json}: one JSON object per log line instead of text
 * @param metricsToken when set, {@code /metrics} answers only a bearer of it
 * @param sentryDsn when set, errors logged are reported to that Sentry project
 * @param eventStreams how many live event streams this server keeps open (in all, and per user), and how long events
 *     are kept for the streams that resume
 */
public record ServerConfig(
        boolean production,
        String host,
        int port,
        Optional<String> databaseUrl,
        Optional<String> databaseListenUrl,
        int databasePoolSize,
        Path dataDirectory,
        Optional<String> jwtSecret,
        Duration accessTokenLifetime,
        long maxRequestBytes,
        Language defaultLanguage,
        Optional<String> redisUrl,
        boolean trustProxyHeaders,
        boolean jsonLogs,
        Optional<String> metricsToken,
        Optional<String> sentryDsn,
        Voice voice,
        Messaging messaging,
        Payments payments,
        LiveEventsInteractor.Limits eventStreams,
        Billing billing) {

    /**
     * How clients pay deposits: through the platform's Stripe account and its businesses' connected accounts, when
     * {@code STRIPE_SECRET_KEY} is set; otherwise no business can connect and deposit services book as any other.
     *
     * @param applicationFeePercent the platform's share of each client payment, kept by Stripe for it
     */
    public record Payments(Optional<StripeSettings> stripe, int applicationFeePercent) {}

    /**
     * The plans businesses pay the platform for (docs/PAYMENTS.md): {@code free} (30 voice bookings a month),
     * {@code starter} (9 euros, 200) and {@code pro} (29 euros, no limit), each paid plan offered once its Stripe Price
     * is given ({@code STRIPE_PRICE_STARTER}, {@code STRIPE_PRICE_PRO}). A server that cannot take a subscription (no
     * {@code STRIPE_SECRET_KEY}, or no Price) caps no one: {@link Plans#UNLIMITED}.
     */
    public record Billing(Plans plans) {
        public static final Plan FREE =
                new Plan("free", "Free", Money.of("0", "EUR"), Optional.of(30), Optional.empty());
        public static final Plan STARTER =
                new Plan("starter", "Starter", Money.of("9", "EUR"), Optional.of(200), Optional.empty());
        public static final Plan PRO = Plan.unlimited("pro", "Pro", Money.of("29", "EUR"));
    }

    /**
     * How confirmations and reminders go out: each channel when its variables are set, else written to the log and the
     * delivery log as not sent.
     *
     * @param senders how many appointments' messages this server sends at once; 0 leaves sending to the other servers
     *     on the database (an instance kept for requests alone)
     */
    public record Messaging(Optional<SmtpSettings> smtp, Optional<TwilioSettings> twilio, int senders) {}

    /**
     * How Vapi reaches us and we reach Vapi.
     *
     * @param webhookSecret the shared secret Vapi sends ({@code x-vapi-secret}, or Bearer in {@code credentialHeader})
     * @param hmacSecret the key of Vapi's HMAC credential, signing {@code "<timestamp>.<body>"}
     * @param assistantId the shared assistant every business's calls are answered by
     * @param apiKey the private key for Vapi's REST API, to place outbound calls
     * @param publicUrl where Vapi reaches this server, written into the tool definitions we print
     */
    public record Voice(
            Optional<String> webhookSecret,
            String credentialHeader,
            Optional<String> hmacSecret,
            String signatureHeader,
            String timestampHeader,
            Duration replayWindow,
            Optional<String> assistantId,
            int maxBodyBytes,
            String apiUrl,
            Optional<String> apiKey,
            Optional<String> phoneNumberId,
            Optional<String> publicUrl) {}

    /** The variables read, with their defaults; .env.example and the docs list the same. */
    public static final Map<String, String> VARIABLES = Map.ofEntries(
            Map.entry("APP_ENV", "development"),
            Map.entry("HOST", "0.0.0.0"),
            Map.entry("PORT", "8000"),
            Map.entry("DATABASE_URL", "(unset: embedded PostgreSQL)"),
            Map.entry("DATABASE_LISTEN_URL", "(unset: DATABASE_URL)"),
            Map.entry("DATABASE_POOL_SIZE", "10"),
            Map.entry("DATA_DIR", ".voiceappoint"),
            Map.entry("JWT_SECRET", "(required in production; generated per data directory in development)"),
            Map.entry("SECRET_KEY", "(the seed's name for JWT_SECRET, read when JWT_SECRET is unset)"),
            Map.entry("ACCESS_TOKEN_MINUTES", "30"),
            Map.entry("MAX_REQUEST_BYTES", "65536"),
            Map.entry("DEFAULT_LANGUAGE", "es"),
            Map.entry("REDIS_URL", "(unset: rate limits kept in this process)"),
            Map.entry("TRUST_PROXY_HEADERS", "false"),
            Map.entry("LOG_FORMAT", "text"),
            Map.entry("METRICS_TOKEN", "(unset: /metrics is open; keep it off the public network)"),
            Map.entry("SENTRY_DSN", "(unset: errors are only logged)"),
            Map.entry("VAPI_WEBHOOK_SECRET", "(unset: the Vapi webhook refuses every request)"),
            Map.entry("VAPI_CREDENTIAL_HEADER", "Authorization"),
            Map.entry("VAPI_HMAC_SECRET", "(unset: no HMAC credential)"),
            Map.entry("VAPI_SIGNATURE_HEADER", "x-signature"),
            Map.entry("VAPI_TIMESTAMP_HEADER", "x-timestamp"),
            Map.entry("VAPI_REPLAY_WINDOW_SECONDS", "300"),
            Map.entry("VAPI_ASSISTANT_ID", "(unset: assistant requests are refused)"),
            Map.entry("VAPI_MAX_BODY_BYTES", "2097152"),
            Map.entry("VAPI_API_URL", "https://api.vapi.ai"),
            Map.entry("VAPI_API_KEY", "(unset: outbound calls are unavailable)"),
            Map.entry("VAPI_PHONE_NUMBER_ID", "(unset: outbound calls need the business's own line)"),
            Map.entry("PUBLIC_URL", "(unset: tool definitions and manage links name http://localhost:PORT)"),
            Map.entry("SMTP_URL", "(unset: e-mail is not sent; or SMTP_HOST and the rest)"),
            Map.entry("SMTP_HOST", "(unset: e-mail is not sent)"),
            Map.entry("SMTP_PORT", "(587, or 465 with SMTP_TLS=tls)"),
            Map.entry("SMTP_USERNAME", "(unset: no login)"),
            Map.entry("SMTP_PASSWORD", "(unset: no login)"),
            Map.entry("SMTP_TLS", "(starttls; none or tls)"),
            Map.entry("MAIL_FROM", "(required with SMTP)"),
            Map.entry("TWILIO_ACCOUNT_SID", "(unset: text messages are not sent)"),
            Map.entry("TWILIO_AUTH_TOKEN", "(required with TWILIO_ACCOUNT_SID)"),
            Map.entry("TWILIO_FROM", "(or TWILIO_MESSAGING_SERVICE_SID)"),
            Map.entry("TWILIO_MESSAGING_SERVICE_SID", "(or TWILIO_FROM)"),
            Map.entry("TWILIO_BASE_URL", "(https://api.twilio.com)"),
            Map.entry("NOTIFICATION_SENDERS", "2"),
            Map.entry("STRIPE_SECRET_KEY", "(unset: no business can take payments)"),
            Map.entry("STRIPE_WEBHOOK_SECRET", "(unset: the platform's Stripe events are refused)"),
            Map.entry("STRIPE_CONNECT_WEBHOOK_SECRET", "(unset: connected accounts' Stripe events are refused)"),
            Map.entry("STRIPE_API_BASE", "(https://api.stripe.com)"),
            Map.entry("STRIPE_APPLICATION_FEE_PERCENT", "0"),
            Map.entry("STRIPE_PRICE_STARTER", "(unset: the starter plan cannot be subscribed to)"),
            Map.entry("STRIPE_PRICE_PRO", "(unset: the pro plan cannot be subscribed to)"),
            Map.entry("EVENT_STREAMS_MAX", "2000"),
            Map.entry("EVENT_STREAMS_PER_USER", "5"),
            Map.entry("EVENTS_KEPT_HOURS", "24"));

    /** Where the embedded PostgreSQL keeps its data, when there is no {@code DATABASE_URL}. */
    public Path embeddedDatabaseDirectory() {
        return dataDirectory.resolve("postgres");
    }

    /** Where the embedded PostgreSQL's binaries are unpacked and run from: a folder its user's alone. */
    public Path embeddedBinariesDirectory() {
        return dataDirectory.resolve("postgres-binaries");
    }

    public static ServerConfig from(Map<String, String> env) {
        String environment = text(env, "APP_ENV", "development");
        if (!environment.equals("development") && !environment.equals("production")) {
            throw new IllegalArgumentException("APP_ENV is development or production, not " + environment);
        }
        String logFormat = text(env, "LOG_FORMAT", "text");
        if (!logFormat.equals("text") && !logFormat.equals("json")) {
            throw new IllegalArgumentException("LOG_FORMAT is text or json, not " + logFormat);
        }
        return new ServerConfig(
                environment.equals("production"),
                text(env, "HOST", "0.0.0.0"),
                integer(env, "PORT", 8000, 0, 65_535),
                nonBlank(env, "DATABASE_URL"),
                nonBlank(env, "DATABASE_LISTEN_URL"),
                integer(env, "DATABASE_POOL_SIZE", 10, 2, 200),
                Path.of(text(env, "DATA_DIR", ".voiceappoint")),
                nonBlank(env, "JWT_SECRET").or(() -> nonBlank(env, "SECRET_KEY")),
                Duration.ofMinutes(integer(env, "ACCESS_TOKEN_MINUTES", 30, 1, 24 * 60)),
                integer(env, "MAX_REQUEST_BYTES", 64 * 1024, 1024, 10 * 1024 * 1024),
                Language.fromTag(text(env, "DEFAULT_LANGUAGE", "es"))
                        .orElseThrow(() -> new IllegalArgumentException("DEFAULT_LANGUAGE is es or en")),
                nonBlank(env, "REDIS_URL"),
                bool(env, "TRUST_PROXY_HEADERS"),
                logFormat.equals("json"),
                nonBlank(env, "METRICS_TOKEN"),
                nonBlank(env, "SENTRY_DSN"),
                new Voice(
                        nonBlank(env, "VAPI_WEBHOOK_SECRET"),
                        text(env, "VAPI_CREDENTIAL_HEADER", "Authorization"),
                        nonBlank(env, "VAPI_HMAC_SECRET"),
                        text(env, "VAPI_SIGNATURE_HEADER", "x-signature"),
                        text(env, "VAPI_TIMESTAMP_HEADER", "x-timestamp"),
                        Duration.ofSeconds(integer(env, "VAPI_REPLAY_WINDOW_SECONDS", 300, 10, 3600)),
                        nonBlank(env, "VAPI_ASSISTANT_ID"),
                        integer(env, "VAPI_MAX_BODY_BYTES", 2 * 1024 * 1024, 64 * 1024, 20 * 1024 * 1024),
                        text(env, "VAPI_API_URL", "https://api.vapi.ai"),
                        nonBlank(env, "VAPI_API_KEY"),
                        nonBlank(env, "VAPI_PHONE_NUMBER_ID"),
                        nonBlank(env, "PUBLIC_URL")),
                new Messaging(
                        SmtpSettings.fromEnvironment(env),
                        TwilioSettings.fromEnvironment(env),
                        integer(env, "NOTIFICATION_SENDERS", 2, 0, 64)),
                new Payments(stripe(env), integer(env, "STRIPE_APPLICATION_FEE_PERCENT", 0, 0, 50)),
                new LiveEventsInteractor.Limits(
                        integer(env, "EVENT_STREAMS_PER_USER", 5, 1, 100),
                        integer(env, "EVENT_STREAMS_MAX", 2_000, 1, 100_000),
                        LiveEventsInteractor.Limits.DEFAULT.buffer(),
                        Duration.ofHours(integer(env, "EVENTS_KEPT_HOURS", 24, 1, 24 * 30))),
                billing(env));
    }

    /** Every price is read whether or not the key is set, so that one set without it is still refused. */
    private static Billing billing(Map<String, String> env) {
        Optional<String> starter = nonBlank(env, "STRIPE_PRICE_STARTER");
        Optional<String> pro = nonBlank(env, "STRIPE_PRICE_PRO");
        if (starter.isEmpty() && pro.isEmpty()) {
            return new Billing(Plans.UNLIMITED);
        }
        if (nonBlank(env, "STRIPE_SECRET_KEY").isEmpty()) {
            throw new IllegalArgumentException("the STRIPE_ variables need STRIPE_SECRET_KEY");
        }
        try {
            return new Billing(Plans.of(List.of(
                    Billing.FREE,
                    starter.map(Billing.STARTER::pricedInStripeAs).orElse(Billing.STARTER),
                    pro.map(Billing.PRO::pricedInStripeAs).orElse(Billing.PRO))));
        } catch (InvalidValueException notAPrice) {
            throw new IllegalArgumentException(
                    "STRIPE_PRICE_STARTER and STRIPE_PRICE_PRO are two Stripe Price ids (price_...): "
                            + notAPrice.getMessage());
        }
    }

    /** Every variable is read whether or not the key is set, so that one set without it is still checked. */
    private static Optional<StripeSettings> stripe(Map<String, String> env) {
        Optional<String> key = nonBlank(env, "STRIPE_SECRET_KEY");
        Optional<String> platform = nonBlank(env, "STRIPE_WEBHOOK_SECRET");
        Optional<String> connect = nonBlank(env, "STRIPE_CONNECT_WEBHOOK_SECRET");
        Optional<URI> base = nonBlank(env, "STRIPE_API_BASE").map(URI::create);
        if (key.isEmpty() && (platform.isPresent() || connect.isPresent() || base.isPresent())) {
            throw new IllegalArgumentException("the STRIPE_ variables need STRIPE_SECRET_KEY");
        }
        return key.map(secret -> {
            StripeSettings settings = StripeSettings.of(secret).withWebhookSecrets(platform, connect);
            return base.map(settings::withApiBase).orElse(settings);
        });
    }

    /** A variable set but blank counts as unset: compose files pass {@code ${NAME:-}} through. */
    private static String text(Map<String, String> env, String name, String fallback) {
        return nonBlank(env, name).orElse(fallback);
    }

    private static Optional<String> nonBlank(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static boolean bool(Map<String, String> env, String name) {
        String value = text(env, name, "false");
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(name + " is true or false, not " + value);
        }
        return value.equals("true");
    }

    private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException("%s must be between %d and %d".formatted(name, min, max));
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not " + value, e);
        }
    }
}
