package com.voiceappoint.adapter.persistence;

import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.CategoryRepository;
import com.voiceappoint.application.port.out.ClientRepository;
import com.voiceappoint.application.port.out.InvitationRepository;
import com.voiceappoint.application.port.out.MembershipRepository;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.application.port.out.PasswordHasher;
import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.application.port.out.ScheduleRepository;
import com.voiceappoint.application.port.out.ServiceRepository;
import com.voiceappoint.application.port.out.SessionRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.application.port.out.UserRepository;
import com.voiceappoint.application.port.out.VoicePlatformGateway;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL side of VoiceAppoint: a HikariCP pool, the Flyway migrations applied on connect, and a JDBI
 * repository for every persistence port.
 */
public final class PostgresPersistence implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresPersistence.class);

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private PostgresPersistence(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
    }

    /** Opens a pool on the database and brings its schema up to date. */
    public static PostgresPersistence connect(DatabaseUrl url, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        if (url.user() != null) {
            config.setUsername(url.user());
        }
        if (url.password() != null) {
            config.setPassword(url.password());
        }
        // Flyway holds one connection for its lock while migrating on another: one is never enough
        config.setMaximumPoolSize(Math.max(2, poolSize));
        config.setPoolName("voiceappoint");
        config.setConnectionTimeout(10_000);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            migrate(dataSource);
            return new PostgresPersistence(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static void migrate(HikariDataSource dataSource) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(
                "database schema at version {} ({} migrations applied now)",
                result.targetSchemaVersion,
                result.migrationsExecuted);
    }

    public TransactionRunner transactions() {
        return new JdbiTransactionRunner(jdbi);
    }

    public UserRepository users() {
        return new JdbiUserRepository(jdbi);
    }

    public SessionRepository sessions() {
        return new JdbiSessionRepository(jdbi);
    }

    public BusinessRepository businesses() {
        return new JdbiBusinessRepository(jdbi);
    }

    public MembershipRepository memberships() {
        return new JdbiMembershipRepository(jdbi);
    }

    public InvitationRepository invitations() {
        return new JdbiInvitationRepository(jdbi);
    }

    public ProviderRepository providers() {
        return new JdbiProviderRepository(jdbi);
    }

    public ServiceRepository services() {
        return new JdbiServiceRepository(jdbi);
    }

    public CategoryRepository categories() {
        return new JdbiCategoryRepository(jdbi);
    }

    public ScheduleRepository schedules() {
        return new JdbiScheduleRepository(jdbi);
    }

    public ClientRepository clients() {
        return new JdbiClientRepository(jdbi);
    }

    public AppointmentRepository appointments() {
        return new JdbiAppointmentRepository(jdbi);
    }

    /** Every outbound port: the repositories here, and the password hasher the caller brings. */
    public OutboundPorts ports(PasswordHasher passwordHasher) {
        return ports(passwordHasher, VoicePlatformGateway.NOT_CONFIGURED);
    }

    /** The stores here, with the password hasher and the voice platform of other adapters. */
    public OutboundPorts ports(PasswordHasher passwordHasher, VoicePlatformGateway voicePlatform) {
        return new OutboundPorts(
                transactions(),
                users(),
                sessions(),
                businesses(),
                memberships(),
                invitations(),
                providers(),
                services(),
                categories(),
                schedules(),
                clients(),
                appointments(),
                new JdbiVoiceSettingsRepository(jdbi),
                new JdbiCallLogRepository(jdbi),
                voicePlatform,
                new JdbiAnalyticsRepository(jdbi),
                passwordHasher);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
