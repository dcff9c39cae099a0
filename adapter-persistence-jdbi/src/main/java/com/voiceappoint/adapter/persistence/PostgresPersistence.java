package com.voiceappoint.adapter.persistence;

import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.application.port.out.AnalyticsRepository;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.BillingRepository;
import com.voiceappoint.application.port.out.BusinessEventStore;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.CallLogRepository;
import com.voiceappoint.application.port.out.CategoryRepository;
import com.voiceappoint.application.port.out.ClientRepository;
import com.voiceappoint.application.port.out.DataStore;
import com.voiceappoint.application.port.out.InvitationRepository;
import com.voiceappoint.application.port.out.LogoStore;
import com.voiceappoint.application.port.out.MembershipRepository;
import com.voiceappoint.application.port.out.NotificationStore;
import com.voiceappoint.application.port.out.PasswordResetStore;
import com.voiceappoint.application.port.out.PaymentRepository;
import com.voiceappoint.application.port.out.PlatformRepository;
import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.application.port.out.ScheduleRepository;
import com.voiceappoint.application.port.out.ServiceRepository;
import com.voiceappoint.application.port.out.SessionRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.application.port.out.UserRepository;
import com.voiceappoint.application.port.out.VoiceSettingsRepository;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL side of VoiceAppoint: a HikariCP pool ({@link #connect}) or the embedder's own data source ({@link
 * #using}), the Flyway migrations applied at once, and a JDBI repository for every persistence port.
 */
public final class PostgresPersistence implements DataStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresPersistence.class);
    private static final String UNDEFINED_TABLE = "42P01";
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(4);
    /** How long a pooled connection may take to prove it is alive before it is handed out; under the timeout above. */
    private static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(1);
    /**
     * How long a statement may wait for a lock before PostgreSQL gives up on it (SQLSTATE 55P03, answered 503): behind
     * restore.sh's {@code drop schema}, a stuck holder of a business's row ({@code lockForChange}) or of a provider's
     * diary. What waits legitimately is short: a provider's diary is written one transaction at a time, but only as
     * many transactions as hold pooled connections can queue for it (a thousand callers for one stylist wait in the
     * pool's queue above, not here), each holding it for an insert and a commit, milliseconds; a configuration change
     * likewise. Three seconds is a hundredfold that, and leaves a voice caller an answer well inside Vapi's 20 s.
     */
    static final Duration LOCK_TIMEOUT = Duration.ofSeconds(3);
    /**
     * How long a statement may run in all before PostgreSQL cancels it (SQLSTATE 57014, answered 503). The heaviest
     * legitimate ones (analytics over 400 days, a fortnight's availability) take well under a second; a voice tool's
     * statements milliseconds.
     */
    static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(10);
    /**
     * How long the driver waits for any answer before it gives the connection up (a network partition, a server that
     * stopped answering): longer than the statement timeout, so that the server's own cancellation, which keeps the
     * connection, comes first. pgjdbc's default is to wait for ever.
     */
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(12);
    /**
     * Run on each new pooled connection: the limits above, unless the database, the role or {@code DATABASE_URL}'s
     * {@code options} already set their own (anything but 0, PostgreSQL's "no limit"), which an operator's choice is.
     */
    private static final String LIMITS = "select set_config('lock_timeout', case current_setting('lock_timeout') "
            + "when '0' then '" + LOCK_TIMEOUT.toMillis() + "ms' else current_setting('lock_timeout') end, false), "
            + "set_config('statement_timeout', case current_setting('statement_timeout') "
            + "when '0' then '" + STATEMENT_TIMEOUT.toMillis() + "ms' else current_setting('statement_timeout') end, "
            + "false)";

    /** Closes the pool, when it is ours; an embedder's data source stays the embedder's to close. */
    private final Runnable closePool;

    private final Jdbi jdbi;
    /** Every migration this build ships: the schema it needs. */
    private final List<String> schemaVersions;

    private final ConfigurationCache configuration;
    private final DataSource dataSource;

    private PostgresPersistence(
            DataSource dataSource, Runnable closePool, List<String> schemaVersions, ConfigurationCache configuration) {
        this.dataSource = dataSource;
        this.closePool = closePool;
        this.configuration = configuration;
        this.jdbi = Outages.jdbi(dataSource, new PostgresPlugin());
        // a failed statement's message goes to logs and to Sentry: without its bound values (names, phones, e-mails)
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
        this.schemaVersions = schemaVersions;
    }

    /**
     * Opens a pool on the database and brings its schema up to date.
     *
     * @param metrics where the pool reports its connections in use, waiting and timing out
     */
    public static PostgresPersistence connect(DatabaseUrl url, int poolSize, MeterRegistry metrics) {
        return connect(url, url, poolSize, metrics);
    }

    /**
     * As {@link #connect(DatabaseUrl, int, MeterRegistry)}, hearing of configuration changes through {@code listening}:
     * the same database, on a connection that keeps its session (not through transaction pooling).
     */
    public static PostgresPersistence connect(
            DatabaseUrl url, DatabaseUrl listening, int poolSize, MeterRegistry metrics) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        if (url.user() != null) {
            config.setUsername(url.user());
        }
        if (url.password() != null) {
            config.setPassword(url.password());
        }
        // a request's connection and the readiness probe's: one is never enough
        config.setMaximumPoolSize(Math.max(2, poolSize));
        config.setPoolName("voiceappoint");
        // A request that cannot have a connection in this time answers 503 with Retry-After. It is the longest wait
        // before that answer, while the database is down or restarting as much as under a burst: long enough to
        // absorb a burst of bookings (at hundreds a second, a queue of a thousand drains in two or three seconds),
        // short enough that a voice caller hears an answer well inside Vapi's 20-second tool timeout even when a
        // booking whose commit was lost looks for itself again (see LostCommit in the application).
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
        // no statement waits for ever, for a lock, for itself or for a silent network; a DATABASE_URL parameter of
        // the same name replaces the data source's
        config.setConnectionInitSql(LIMITS);
        config.addDataSourceProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT.toSeconds()));
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.setMetricRegistry(metrics);
        // nor the server's detail, which quotes the values of a violated key
        config.addDataSourceProperty("logServerErrorDetail", "false");
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            // on connections of Flyway's own, outside the pool: a migration may rightly take longer than the pool's
            // limits let a request's statement run
            List<String> schemaVersions =
                    migrate(Flyway.configure().dataSource(url.jdbcUrl(), url.user(), url.password()));
            return new PostgresPersistence(
                    dataSource, dataSource::close, schemaVersions, ConfigurationCache.listeningTo(listening));
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * On the embedder's own data source (its pool, its limits, its metrics): brings the schema up to date through it,
     * and reads businesses' configuration from the database every time, since nothing here would hear of a change.
     * Closing the persistence leaves the data source open.
     */
    public static PostgresPersistence using(DataSource dataSource) {
        return using(dataSource, ConfigurationCache.notListening());
    }

    /**
     * As {@link #using(DataSource)}, keeping businesses' configuration in memory: changes are heard on one connection
     * of {@code listening}, held for good, so it must keep its session (not PgBouncer's transaction pooling). It may
     * be the same data source.
     */
    public static PostgresPersistence using(DataSource dataSource, DataSource listening) {
        return using(dataSource, ConfigurationCache.listeningTo(listening::getConnection));
    }

    private static PostgresPersistence using(DataSource dataSource, ConfigurationCache configuration) {
        try {
            return new PostgresPersistence(
                    dataSource, () -> {}, migrate(Flyway.configure().dataSource(dataSource)), configuration);
        } catch (RuntimeException e) {
            configuration.close();
            throw e;
        }
    }

    /** @return the versions of every migration this build ships */
    private static List<String> migrate(FluentConfiguration configuration) {
        Flyway flyway = configuration.locations("classpath:db/migration").load();
        MigrateResult result = flyway.migrate();
        // not result.targetSchemaVersion: that is null when there was nothing to apply, as on every restart
        MigrationInfo current = flyway.info().current();
        LOG.info(
                "database schema at version {} ({} migrations applied now)",
                current == null || current.getVersion() == null
                        ? "none"
                        : current.getVersion().getVersion(),
                result.migrationsExecuted);
        return Arrays.stream(flyway.info().all())
                .filter(migration -> migration.getVersion() != null) // repeatable migrations have none
                .map(migration -> migration.getVersion().getVersion())
                .toList();
    }

    /** What a readiness probe needs to know of the database. */
    public enum Health {
        /** Answers, with every migration of this build applied. */
        READY,
        /** Answers, but a migration this build needs is missing: a restore of an older backup, say. */
        SCHEMA_BEHIND,
        UNREACHABLE
    }

    /**
     * Asks the database, through the pool: waits at most the pool's connection timeout. A readiness probe that must
     * answer sooner bounds it further.
     */
    public Health health() {
        try (Handle handle = jdbi.open()) {
            int applied = handle.createQuery(
                            "select count(*) from flyway_schema_history where success and version = any(:versions)")
                    .bindArray("versions", String.class, schemaVersions)
                    .mapTo(Integer.class)
                    .one();
            return applied == schemaVersions.size() ? Health.READY : Health.SCHEMA_BEHIND;
        } catch (JdbiException | StoreUnavailableException e) {
            if (e.getCause() instanceof SQLException sql && UNDEFINED_TABLE.equals(sql.getSQLState())) {
                return Health.SCHEMA_BEHIND; // not even the history of migrations is there
            }
            LOG.warn("database health check failed: {}", e.getMessage());
            return Health.UNREACHABLE;
        }
    }

    /** Whether this instance hears of configuration changes, and so serves businesses' configuration from memory. */
    boolean servesConfigurationFromMemory() {
        return configuration.listening();
    }

    /** As {@link #connect(DatabaseUrl, int, MeterRegistry)}, for an embedder that does not measure the pool. */
    public static PostgresPersistence connect(DatabaseUrl url, int poolSize) {
        return connect(url, url, poolSize, null);
    }

    @Override
    public TransactionRunner transactions() {
        return new JdbiTransactionRunner(jdbi, configuration, JdbiTransactionRunner.Pause.RANDOMISED);
    }

    @Override
    public UserRepository users() {
        return new JdbiUserRepository(jdbi);
    }

    @Override
    public SessionRepository sessions() {
        return new JdbiSessionRepository(jdbi, configuration);
    }

    @Override
    public PasswordResetStore passwordResets() {
        return new JdbiPasswordResetStore(jdbi);
    }

    @Override
    public BusinessRepository businesses() {
        return new JdbiBusinessRepository(jdbi, configuration);
    }

    @Override
    public MembershipRepository memberships() {
        return new JdbiMembershipRepository(jdbi);
    }

    @Override
    public InvitationRepository invitations() {
        return new JdbiInvitationRepository(jdbi);
    }

    @Override
    public ProviderRepository providers() {
        return new JdbiProviderRepository(jdbi, configuration);
    }

    @Override
    public ServiceRepository services() {
        return new JdbiServiceRepository(jdbi, configuration);
    }

    @Override
    public CategoryRepository categories() {
        return new JdbiCategoryRepository(jdbi, configuration);
    }

    @Override
    public ScheduleRepository schedules() {
        return new JdbiScheduleRepository(jdbi, configuration);
    }

    @Override
    public ClientRepository clients() {
        return new JdbiClientRepository(jdbi);
    }

    @Override
    public AppointmentRepository appointments() {
        return new JdbiAppointmentRepository(jdbi);
    }

    @Override
    public VoiceSettingsRepository voiceSettings() {
        return new JdbiVoiceSettingsRepository(jdbi, configuration);
    }

    @Override
    public CallLogRepository callLog() {
        return new JdbiCallLogRepository(jdbi);
    }

    @Override
    public AnalyticsRepository analytics() {
        return new JdbiAnalyticsRepository(jdbi);
    }

    @Override
    public NotificationStore notifications() {
        return new JdbiNotificationStore(jdbi, configuration);
    }

    @Override
    public BusinessEventStore events() {
        return new JdbiBusinessEventStore(jdbi);
    }

    @Override
    public LogoStore logos() {
        return new JdbiLogoStore(jdbi);
    }

    @Override
    public PlatformRepository platform() {
        return new JdbiPlatformRepository(jdbi, configuration);
    }

    @Override
    public PaymentRepository payments() {
        return new JdbiPaymentRepository(jdbi);
    }

    @Override
    public BillingRepository billing() {
        return new JdbiBillingRepository(jdbi);
    }

    /** The pool, for the jobs that send messages. */
    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        configuration.close();
        closePool.run();
    }
}
