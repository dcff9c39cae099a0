package com.voiceappoint.bootstrap;

import com.voiceappoint.adapter.events.LettuceLiveEventPublisher;
import com.voiceappoint.adapter.http.HttpServer;
import com.voiceappoint.adapter.http.HttpSettings;
import com.voiceappoint.adapter.http.RestApi;
import com.voiceappoint.adapter.http.auth.AccessTokens;
import com.voiceappoint.adapter.http.ratelimit.RateLimiter;
import com.voiceappoint.adapter.http.web.WebApp;
import com.voiceappoint.adapter.http.web.WebSettings;
import com.voiceappoint.adapter.limits.Bucket4jRateLimiter;
import com.voiceappoint.adapter.notifications.JteMessageTemplates;
import com.voiceappoint.adapter.notifications.SmtpEmailSender;
import com.voiceappoint.adapter.notifications.TwilioSmsSender;
import com.voiceappoint.adapter.persistence.DatabaseUrl;
import com.voiceappoint.adapter.persistence.NotificationJobs;
import com.voiceappoint.adapter.persistence.PostgresPersistence;
import com.voiceappoint.adapter.security.Argon2PasswordHasher;
import com.voiceappoint.application.port.in.PaymentUpkeepUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.out.EmailSender;
import com.voiceappoint.application.port.out.LiveEventPublisher;
import com.voiceappoint.application.port.out.PaymentGateway;
import com.voiceappoint.application.port.out.SmsSender;
import com.voiceappoint.application.usecase.Interactors;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the only place that knows every module. Starts the database (embedded when no URL is
 * given), wires the interactors onto the adapters, and serves HTTP; {@link #close()} stops it all in reverse.
 */
public final class VoiceAppointServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VoiceAppointServer.class);
    /** How often due messages are looked for: a confirmation goes out at most this long after its booking. */
    static final Duration NOTIFICATION_POLLING = Duration.ofSeconds(2);

    private final Deque<AutoCloseable> running;
    private final HttpServer http;
    private final PaymentUpkeepUseCase paymentUpkeep;

    private VoiceAppointServer(Deque<AutoCloseable> running, HttpServer http, PaymentUpkeepUseCase paymentUpkeep) {
        this.running = running;
        this.http = http;
        this.paymentUpkeep = paymentUpkeep;
    }

    public static VoiceAppointServer start(ServerConfig config, Clock clock) {
        String secret = config.jwtSecret().orElseGet(() -> {
            if (config.production()) {
                throw new IllegalStateException("JWT_SECRET is required when APP_ENV=production");
            }
            LOG.warn("no JWT_SECRET: using a development key kept in {}", config.dataDirectory());
            return DevelopmentSecret.loadOrCreate(config.dataDirectory());
        });
        if (secret.getBytes(StandardCharsets.UTF_8).length < AccessTokens.MIN_SECRET_BYTES) {
            throw new IllegalStateException(
                    "JWT_SECRET needs at least 32 bytes; generate one with: openssl rand -base64 48");
        }
        Deque<AutoCloseable> running = new ArrayDeque<>();
        try {
            Monitoring monitoring = new Monitoring();
            running.push(monitoring);
            DatabaseUrl database = config.databaseUrl().map(DatabaseUrl::parse).orElseGet(() -> {
                LOG.info(
                        "no DATABASE_URL: starting an embedded PostgreSQL with its data in {}", config.dataDirectory());
                EmbeddedPostgresServer embedded = EmbeddedPostgresServer.start(
                        config.embeddedDatabaseDirectory(), config.embeddedBinariesDirectory());
                running.push(embedded);
                return embedded.url();
            });
            DatabaseUrl listening =
                    config.databaseListenUrl().map(DatabaseUrl::parse).orElse(database);
            PostgresPersistence persistence =
                    PostgresPersistence.connect(database, listening, config.databasePoolSize(), monitoring.registry());
            running.push(persistence);
            // events committed here reach the streams open on other instances through Redis when REDIS_URL is set
            LiveEventPublisher announcements = config.redisUrl()
                    .<LiveEventPublisher>map(url -> {
                        LettuceLiveEventPublisher redis = LettuceLiveEventPublisher.create(url);
                        running.push(redis);
                        return redis;
                    })
                    .orElse(LiveEventPublisher.ALONE);
            PaymentGateway stripe = PaymentsWiring.gateway(config, clock);
            UseCases useCases = Interactors.create(
                    persistence
                            .ports(
                                    Argon2PasswordHasher.OWASP,
                                    VoiceWiring.voicePlatform(config, clock),
                                    monitoring.bookingOutcomes())
                            .sendingMessages(
                                    persistence.notifications(),
                                    new JteMessageTemplates(),
                                    emailSender(config),
                                    smsSender(config),
                                    Optional.of(VoiceWiring.publicUrl(config) + "/manage/"))
                            .takingPaymentsThrough(
                                    stripe,
                                    Optional.of(VoiceWiring.publicUrl(config)),
                                    config.payments().applicationFeePercent())
                            .billingThrough(
                                    stripe,
                                    PaymentsWiring.plans(config, stripe),
                                    Optional.of(VoiceWiring.publicUrl(config)))
                            .announcingEventsThrough(announcements),
                    config.eventStreams(),
                    clock);
            if (useCases.liveEvents() instanceof AutoCloseable streams) {
                running.push(streams);
            }
            running.push(EngineUpkeep.start(useCases.lapsedHolds(), useCases.liveEvents(), useCases.paymentUpkeep()));
            if (config.messaging().senders() > 0) {
                running.push(NotificationJobs.start(
                        persistence,
                        useCases.deliverNotification(),
                        config.messaging().senders(),
                        NOTIFICATION_POLLING));
            } else {
                LOG.info("NOTIFICATION_SENDERS=0: this server plans messages, and other servers send them");
            }
            HttpSettings settings = new HttpSettings(
                    secret,
                    config.accessTokenLifetime(),
                    config.maxRequestBytes(),
                    config.defaultLanguage(),
                    config.trustProxyHeaders(),
                    clock,
                    monitoring.registry());
            // shared through Redis when REDIS_URL is set, else kept in this process
            Bucket4jRateLimiter counts =
                    config.redisUrl().map(Bucket4jRateLimiter::redis).orElseGet(Bucket4jRateLimiter::inProcess);
            running.push(counts);
            RateLimiter limiter =
                    (limit, key) -> counts.tryConsume(limit.name(), limit.capacity(), limit.period(), key);
            HttpServer http = HttpServer.start(
                    RestApi.of(useCases),
                    settings,
                    config.host(),
                    config.port(),
                    limiter,
                    List.of(
                            Readiness.route(
                                    persistence,
                                    counts::reachable,
                                    config.redisUrl().isPresent()),
                            monitoring.route(config.metricsToken()),
                            VoiceWiring.webhook(config, useCases, limiter, clock, monitoring.registry()),
                            VoiceWiring.toolDefinitions(config),
                            SmsReplyWiring.webhook(config, useCases.smsReplies(), limiter),
                            PaymentsWiring.webhook(config, useCases.paymentEvents(), clock)),
                    List.of(WebApp.create(
                            useCases,
                            new WebSettings(
                                    config.production(),
                                    config.defaultLanguage(),
                                    clock,
                                    VoiceWiring.publicUrl(config),
                                    PaymentsWiring.paymentPages(config)),
                            limiter)));
            running.push(http);
            return new VoiceAppointServer(running, http, useCases.paymentUpkeep());
        } catch (RuntimeException e) {
            closeAll(running);
            throw e;
        }
    }

    private static EmailSender emailSender(ServerConfig config) {
        return config.messaging().smtp().<EmailSender>map(SmtpEmailSender::new).orElseGet(() -> {
            LOG.info("no SMTP_URL or SMTP_HOST: e-mails are recorded as not sent{}", wordsLogged(config));
            return config.production() ? EmailSender.NOT_CONFIGURED : new DevelopmentOutbox();
        });
    }

    private static SmsSender smsSender(ServerConfig config) {
        return config.messaging().twilio().<SmsSender>map(TwilioSmsSender::new).orElseGet(() -> {
            LOG.info("no TWILIO_ACCOUNT_SID: text messages are recorded as not sent{}", wordsLogged(config));
            return config.production() ? SmsSender.NOT_CONFIGURED : new DevelopmentOutbox();
        });
    }

    private static String wordsLogged(ServerConfig config) {
        return config.production() ? "" : ", their words written to this log";
    }

    /**
     * The system clock at PostgreSQL's precision (microseconds), so an instant reads back exactly as it was
     * written and an answer given right after a write matches the same read later.
     */
    public static Clock databaseClock() {
        return new MicrosecondClock(Clock.systemUTC());
    }

    /**
     * Not {@code Clock.tick(systemUTC, 1 µs)}: on Java 17 a tick shorter than a millisecond makes its {@code millis()}
     * divide by zero, and libraries read the time that way (stripe-java times a webhook signature with it, so every
     * event Stripe sent was refused as unsigned).
     */
    private static final class MicrosecondClock extends Clock {
        private final Clock base;

        MicrosecondClock(Clock base) {
            this.base = base;
        }

        @Override
        public Instant instant() {
            return base.instant().truncatedTo(ChronoUnit.MICROS);
        }

        /** The same millisecond as {@link #instant()}: cutting to microseconds never changes it. */
        @Override
        public long millis() {
            return base.millis();
        }

        @Override
        public ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new MicrosecondClock(base.withZone(zone));
        }
    }

    public int port() {
        return http.port();
    }

    /**
     * The payments' sweep the engine's upkeep runs every {@link EngineUpkeep#PAYMENTS_EVERY}, run now, for a test in
     * this package that would otherwise wait for it: the refunds a timely cancellation asked for are sent by it.
     */
    int settlePayments() {
        return paymentUpkeep.settle();
    }

    @Override
    public void close() {
        closeAll(running);
    }

    private static void closeAll(Deque<AutoCloseable> running) {
        while (!running.isEmpty()) {
            AutoCloseable next = running.pop();
            try {
                next.close();
            } catch (Exception e) {
                LOG.warn("failed to stop {}", next, e);
            }
        }
    }
}
