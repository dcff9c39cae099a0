package com.voiceappoint.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.adapter.persistence.PostgresPersistence.Health;
import com.voiceappoint.application.error.OutcomeUnknownException;
import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.application.fakes.FakePasswordHasher;
import com.voiceappoint.application.fakes.PortSwap;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.application.usecase.Interactors;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.account.User;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.testkit.TestData;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The database going away, as the ports see it: "unavailable, nothing was done" while it is gone, "outcome unknown"
 * for a commit cut off on the way, never a driver's exception, and service again once it is back.
 */
class DatabaseOutageTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    /** Guards against a hang only: the pool gives up on a connection in seconds. */
    private static final Duration BACK_WITHIN = Duration.ofSeconds(60);

    private static final EmailAddress NOBODY = new EmailAddress("nobody@example.com");

    @Test
    void while_the_database_is_down_every_port_is_unavailable_and_it_serves_again_by_itself_once_back() {
        try (RestartablePostgres database = RestartablePostgres.start();
                PostgresPersistence persistence =
                        PostgresPersistence.connect(database.url(), 2, new SimpleMeterRegistry())) {
            OutboundPorts ports = persistence.ports(new FakePasswordHasher());
            assertThat(ports.users().findByEmail(NOBODY)).isEmpty();

            database.stop();

            assertThatThrownBy(() -> ports.users().findByEmail(NOBODY)).isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> ports.transactions()
                            .inTransaction(() -> ports.users().findByEmail(NOBODY)))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThat(persistence.health()).isEqualTo(Health.UNREACHABLE);

            database.startAgain();

            Instant giveUp = Instant.now().plus(BACK_WITHIN);
            while (!answers(ports)) {
                assertThat(Instant.now()).as("serving again after the restart").isBefore(giveUp);
            }
            assertThat(ports.transactions().inTransaction(() -> ports.users().findByEmail(NOBODY)))
                    .isEmpty();
            assertThat(persistence.health()).isEqualTo(Health.READY);
        }
    }

    private static boolean answers(OutboundPorts ports) {
        try {
            ports.users().findByEmail(NOBODY);
            return true;
        } catch (StoreUnavailableException stillAway) {
            return false;
        }
    }

    @Test
    void a_pool_busy_for_longer_than_it_waits_is_unavailable_not_a_failure() throws Exception {
        try (PostgresPersistence persistence =
                PostgresPersistence.connect(postgres.url(), 2, new SimpleMeterRegistry())) {
            OutboundPorts ports = persistence.ports(new FakePasswordHasher());
            CountDownLatch holding = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService holders = Executors.newFixedThreadPool(2);
            try {
                for (int i = 0; i < 2; i++) {
                    holders.submit(() -> ports.transactions().inTransaction(() -> {
                        ports.users().findByEmail(NOBODY);
                        holding.countDown();
                        await(release);
                        return null;
                    }));
                }
                assertThat(holding.await(BACK_WITHIN.toSeconds(), TimeUnit.SECONDS))
                        .isTrue();

                assertThatThrownBy(() -> ports.users().findByEmail(NOBODY))
                        .isInstanceOf(StoreUnavailableException.class);
            } finally {
                release.countDown();
                holders.shutdown();
            }
            assertThat(holders.awaitTermination(BACK_WITHIN.toSeconds(), TimeUnit.SECONDS))
                    .isTrue();
            assertThat(ports.users().findByEmail(NOBODY)).isEmpty();
        }
    }

    @Test
    void a_write_behind_a_lock_held_elsewhere_is_unavailable_rather_than_left_waiting() throws Exception {
        OutboundPorts ports = postgres.persistence().ports(new FakePasswordHasher());
        User user = TestData.user(ports);
        User renamed =
                new User(user.id(), user.email(), user.passwordHash(), "Renamed", user.language(), user.createdAt());
        DatabaseUrl url = postgres.url();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (Connection holder = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
                PreparedStatement lock = holder.prepareStatement("select 1 from users where id = ? for update")) {
            holder.setAutoCommit(false);
            lock.setObject(1, user.id().value());
            lock.executeQuery().close();

            Future<?> alone = writer.submit(() -> ports.users().update(renamed));
            Future<?> inTransaction = writer.submit(() -> ports.transactions().inTransaction(() -> {
                ports.users().update(renamed);
                return null;
            }));

            for (Future<?> write : List.of(alone, inTransaction)) {
                assertThatThrownBy(() -> write.get(BACK_WITHIN.toSeconds(), TimeUnit.SECONDS))
                        .as("given up while the lock is still held: 503, nothing written")
                        .isInstanceOf(ExecutionException.class)
                        .cause()
                        .isInstanceOf(StoreUnavailableException.class);
            }
            holder.rollback();
        } finally {
            writer.shutdownNow();
        }
        assertThat(ports.users().findById(user.id()).orElseThrow().fullName()).isEqualTo(user.fullName());
    }

    @Test
    void a_statement_the_database_cancels_at_its_own_time_limit_is_unavailable() throws Exception {
        // the database's own limits win over the server's: here a statement may wait for a lock no longer than a second
        DatabaseUrl limited = new DatabaseUrl(
                postgres.url().jdbcUrl() + (postgres.url().jdbcUrl().contains("?") ? "&" : "?")
                        + "options=-c%20lock_timeout%3D1h%20-c%20statement_timeout%3D1s",
                postgres.url().user(),
                postgres.url().password());
        try (PostgresPersistence persistence = PostgresPersistence.connect(limited, 2, new SimpleMeterRegistry());
                Connection holder = DriverManager.getConnection(
                        postgres.url().jdbcUrl(),
                        postgres.url().user(),
                        postgres.url().password());
                Statement lock = holder.createStatement()) {
            OutboundPorts ports = persistence.ports(new FakePasswordHasher());
            holder.setAutoCommit(false);
            lock.execute("lock table users in access exclusive mode");

            assertThatThrownBy(() -> ports.users().findByEmail(NOBODY))
                    .as("cancelled by statement_timeout (57014): nothing was done")
                    .isInstanceOf(StoreUnavailableException.class);
            holder.rollback();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void a_cancellation_whose_commit_is_cut_off_is_of_unknown_outcome_not_nothing_changed() {
        OutboundPorts ports = postgres.persistence().ports(new FakePasswordHasher());
        var tenant = TestData.tenant(ports);
        Service cut = TestData.service(ports, tenant.id(), "Corte", 30);
        Appointment booked = TestData.appointment(
                cut,
                tenant.provider().id(),
                TestData.client(ports, tenant.id()).id(),
                Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS));
        ports.appointments().add(booked, Optional.empty());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.url().jdbcUrl());
        config.setUsername(postgres.url().user());
        config.setPassword(postgres.url().password());
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config);
                ConfigurationCache cache = ConfigurationCache.listeningTo(postgres.url())) {
            Jdbi jdbi = Outages.jdbi(pool);
            AppointmentRepository appointments = new JdbiAppointmentRepository(jdbi);
            // the cancellation is written; the connection dies before its COMMIT is answered
            AppointmentRepository cutAtCommit = (AppointmentRepository) Proxy.newProxyInstance(
                    getClass().getClassLoader(),
                    new Class<?>[] {AppointmentRepository.class},
                    (proxy, method, args) -> {
                        Object answer;
                        try {
                            answer = method.invoke(appointments, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                        if (method.getName().equals("update")) {
                            int backend = jdbi.withHandle(h -> h.createQuery("select pg_backend_pid()")
                                    .mapTo(Integer.class)
                                    .one());
                            TestPostgres.execute(postgres.url(), "select pg_terminate_backend(" + backend + ", 5000)");
                        }
                        return answer;
                    });
            OutboundPorts cutting = PortSwap.with(
                    PortSwap.with(
                            ports,
                            TransactionRunner.class,
                            new JdbiTransactionRunner(jdbi, cache, JdbiTransactionRunner.Pause.RANDOMISED)),
                    AppointmentRepository.class,
                    cutAtCommit);
            UseCases app = Interactors.create(cutting, Clock.systemUTC());

            assertThatThrownBy(() -> app.changeAppointment()
                            .cancel((Actor.Member) Actor.member(tenant.owner().id()), booked.id(), "closing early"))
                    .as("the cancellation may have been kept: never \"nothing was changed\"")
                    .isInstanceOf(OutcomeUnknownException.class);
        }
        assertThat(ports.appointments()
                        .findById(List.of(tenant.id()), booked.id())
                        .orElseThrow()
                        .status())
                .as("cut off before the commit: rolled back")
                .isEqualTo(AppointmentStatus.CONFIRMED);
    }

    @Test
    void a_connection_lost_while_committing_is_an_unknown_outcome_and_what_it_wrote_is_not_kept() {
        TestPostgres.execute(postgres.url(), "create table commit_probe (note text)");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.url().jdbcUrl());
        config.setUsername(postgres.url().user());
        config.setPassword(postgres.url().password());
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config);
                ConfigurationCache cache = ConfigurationCache.listeningTo(postgres.url())) {
            Jdbi jdbi = Outages.jdbi(pool);
            JdbiTransactionRunner transactions =
                    new JdbiTransactionRunner(jdbi, cache, JdbiTransactionRunner.Pause.RANDOMISED);

            assertThatThrownBy(() -> transactions.inTransaction(() -> {
                        jdbi.useHandle(h -> h.execute("insert into commit_probe values ('lost')"));
                        int backend = jdbi.withHandle(h -> h.createQuery("select pg_backend_pid()")
                                .mapTo(Integer.class)
                                .one());
                        // the work is done; the connection dies before its COMMIT is answered
                        TestPostgres.execute(postgres.url(), "select pg_terminate_backend(" + backend + ", 5000)");
                        return null;
                    }))
                    .isInstanceOf(OutcomeUnknownException.class);

            assertThat(postgres.count("select count(*) from commit_probe")).isZero();
            Integer counted = transactions.inTransaction(
                    () -> jdbi.withHandle(h -> h.createQuery("select count(*) from commit_probe")
                            .mapTo(Integer.class)
                            .one()));
            assertThat(counted).as("the pool serves on with fresh connections").isZero();
        }
    }
}
