package com.voiceappoint.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.application.error.BookingRefusedException;
import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.application.fakes.FakePasswordHasher;
import com.voiceappoint.application.fakes.PortSwap;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.CallerAppointmentsUseCase;
import com.voiceappoint.application.port.in.RegisterAccountUseCase;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.application.usecase.Interactors;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.account.User;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.business.Slug;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.testkit.TestData;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What only a real database can show: work inside a transaction commits or rolls back as a whole. */
class TransactionsTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
    private final OutboundPorts ports = postgres.persistence().ports(new FakePasswordHasher());

    @Test
    void registration_is_all_or_nothing() {
        ProviderRepository failing = (ProviderRepository) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ProviderRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("add")) {
                        throw new IllegalStateException("provider store down");
                    }
                    return method.invoke(ports.providers(), args);
                });
        OutboundPorts broken = PortSwap.with(ports, ProviderRepository.class, failing);
        var command = RegisterAccountUseCase.Command.builder("atomic@example.com", "s3cret-enough")
                .fullName("Ana")
                .language("es")
                .businessName("Atomic Studio")
                .businessType("studio")
                .timezone("Europe/Madrid")
                .currency("EUR")
                .build();

        assertThatThrownBy(() ->
                        Interactors.create(broken, CLOCK).registerAccount().register(command))
                .hasMessageContaining("provider store down");
        assertThat(ports.users().findByEmail(new EmailAddress("atomic@example.com")))
                .isEmpty();
        assertThat(ports.businesses().slugExists(new Slug("atomic-studio"))).isFalse();
    }

    @Test
    void a_refused_booking_leaves_no_new_client_behind() {
        var tenant = TestData.tenant(ports);
        TestData.openEveryDay(ports, tenant.id(), "09:00", "13:00");
        Service cut = TestData.service(ports, tenant.id(), "Cut", 30);
        PhoneNumber newcomer = TestData.randomPhone();
        var outsideHours = BookAppointmentUseCase.Command.builder(
                        Actor.member(tenant.owner().id()),
                        tenant.id(),
                        cut.id(),
                        Instant.parse("2026-11-24T16:00:00Z"),
                        new BookAppointmentUseCase.ClientDetails(
                                "New", Optional.of(newcomer.value()), Optional.empty()),
                        BookingSource.DASHBOARD)
                .build();

        assertThatThrownBy(
                        () -> Interactors.create(ports, CLOCK).bookAppointment().book(outsideHours))
                .isInstanceOf(BookingRefusedException.class);
        assertThat(ports.clients().findByContact(tenant.id(), Optional.of(newcomer), Optional.empty()))
                .isEmpty();
    }

    @Test
    void a_hold_that_ran_out_gives_way_to_another_callers_booking() {
        var tenant = TestData.tenant(ports);
        TestData.openEveryDay(ports, tenant.id(), "09:00", "18:00");
        Service cut = TestData.service(ports, tenant.id(), "Cut", 30);
        Instant ten = Instant.parse("2026-11-24T09:00:00Z");
        var held = Interactors.create(ports, CLOCK)
                .callerAppointments()
                .hold(new CallerAppointmentsUseCase.Hold(
                        tenant.id(),
                        TestData.randomPhone(),
                        true,
                        "Holder",
                        cut.id(),
                        ten,
                        Optional.of(tenant.provider().id()),
                        Optional.empty()));
        Clock later = Clock.offset(CLOCK, Duration.ofHours(1));

        var booked = Interactors.create(ports, later)
                .bookAppointment()
                .book(BookAppointmentUseCase.Command.builder(
                                new Actor.Caller(BookingSource.VOICE),
                                tenant.id(),
                                cut.id(),
                                ten,
                                new BookAppointmentUseCase.ClientDetails(
                                        "Booker",
                                        Optional.of(TestData.randomPhone().value()),
                                        Optional.empty()),
                                BookingSource.VOICE)
                        .provider(Optional.of(tenant.provider().id()))
                        .build());

        assertThat(booked.details().appointment().start()).isEqualTo(ten);
        assertThat(postgres.count(
                        "select count(*) from appointments where id = ? and status = 'expired'",
                        held.appointment().id().value()))
                .isEqualTo(1);
    }

    @Test
    void a_transaction_the_deadlock_detector_cancels_is_run_again() throws Exception {
        User first = user("first");
        User second = user("second");
        ports.users().add(first);
        ports.users().add(second);
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch bothHoldOneRow = new CountDownLatch(2);
        CountDownLatch firstCommitted = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // each locks one row, waits until the other holds its own, then asks for the other's: a deadlock. The
            // victim's second attempt waits for the survivor's commit, so that it cannot meet it a second time
            Future<String> one = pool.submit(() -> {
                String done = ports.transactions().inTransaction(() -> {
                    awaitIfRetry(attempts, firstCommitted);
                    ports.users().update(renamed(first, "one"));
                    awaitQuietly(bothHoldOneRow);
                    ports.users().update(renamed(second, "one"));
                    return "one";
                });
                firstCommitted.countDown();
                return done;
            });
            Future<String> two = pool.submit(() -> {
                String done = ports.transactions().inTransaction(() -> {
                    awaitIfRetry(attempts, firstCommitted);
                    ports.users().update(renamed(second, "two"));
                    awaitQuietly(bothHoldOneRow);
                    ports.users().update(renamed(first, "two"));
                    return "two";
                });
                firstCommitted.countDown();
                return done;
            });

            assertThat(one.get(30, TimeUnit.SECONDS)).isEqualTo("one");
            assertThat(two.get(30, TimeUnit.SECONDS)).isEqualTo("two");
        } finally {
            pool.shutdownNow();
        }
        assertThat(attempts).as("one of them ran twice").hasValue(3);
        // whichever ran last wrote both rows: the retried work ran whole, not half
        assertThat(ports.users().findById(first.id()).orElseThrow().fullName())
                .isEqualTo(ports.users().findById(second.id()).orElseThrow().fullName());
    }

    @Test
    void a_transaction_cancelled_on_every_attempt_pauses_without_a_connection_and_ends_unavailable() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.url().jdbcUrl());
        config.setUsername(postgres.url().user());
        config.setPassword(postgres.url().password());
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config);
                ConfigurationCache cache = ConfigurationCache.listeningTo(postgres.url())) {
            Jdbi jdbi = Outages.jdbi(pool);
            AtomicInteger attempts = new AtomicInteger();
            List<Integer> pauses = new ArrayList<>();
            List<Integer> connectionsInUseWhilePausing = new ArrayList<>();
            var transactions = new JdbiTransactionRunner(jdbi, cache, retry -> {
                pauses.add(retry);
                connectionsInUseWhilePausing.add(pool.getHikariPoolMXBean().getActiveConnections());
            });

            assertThatThrownBy(() -> transactions.inTransaction(() -> {
                        attempts.incrementAndGet();
                        // what PostgreSQL answers the victim of a deadlock, raised by PostgreSQL itself
                        jdbi.useHandle(h -> h.execute(
                                "do $$ begin raise exception 'deadlock detected' using errcode = '40P01'; end $$"));
                        return null;
                    }))
                    .as("nothing was kept, and the database was too busy for it: 503, not a driver's exception")
                    .isInstanceOf(StoreUnavailableException.class);
            assertThat(attempts).hasValue(JdbiTransactionRunner.ATTEMPTS);
            assertThat(pauses).as("a pause before each retry").containsExactly(1, 2);
            assertThat(connectionsInUseWhilePausing)
                    .as("no connection held while pausing")
                    .containsOnly(0);
        }
    }

    private static void awaitIfRetry(AtomicInteger attempts, CountDownLatch firstCommitted) {
        if (attempts.incrementAndGet() > 2) {
            try {
                firstCommitted.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static User user(String name) {
        return new User(
                UserId.random(),
                new EmailAddress(name + "-" + System.nanoTime() + "@example.com"),
                "hash",
                name,
                Language.ES,
                Instant.now());
    }

    private static User renamed(User user, String name) {
        return new User(user.id(), user.email(), user.passwordHash(), name, user.language(), user.createdAt());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        latch.countDown();
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
