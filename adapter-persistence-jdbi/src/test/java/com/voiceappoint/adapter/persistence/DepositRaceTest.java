package com.voiceappoint.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.error.BookingRefusedException;
import com.voiceappoint.application.fakes.FakePasswordHasher;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.CreateServiceUseCase;
import com.voiceappoint.application.port.in.PaymentEventsUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.application.usecase.Interactors;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.availability.RefusalReason;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.payment.Payment;
import com.voiceappoint.domain.payment.PaymentSettings;
import com.voiceappoint.domain.payment.PaymentStatus;
import com.voiceappoint.testkit.RecordingPaymentGateway;
import com.voiceappoint.testkit.TestData;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A deposit's payment racing what else wants its time, on a real PostgreSQL: the sweep releasing it at its deadline,
 * and another client booking the released time. Whoever wins, the time is booked once, and a payment that lost its
 * time is given back in full.
 */
class DepositRaceTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant FIRST_SLOT = Instant.parse("2026-11-24T08:00:00Z");
    private final String account = "acct_race_" + java.util.UUID.randomUUID();
    private static final int ROUNDS = 8;

    private final RecordingPaymentGateway stripe = new RecordingPaymentGateway();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private OutboundPorts ports;
    private TestData.Tenant tenant;
    private Service colour;

    @BeforeEach
    void aBusinessTakingDeposits() {
        ports = postgres.persistence()
                .ports(new FakePasswordHasher())
                .takingPaymentsThrough(stripe, Optional.of("https://book.example"), 0);
        tenant = TestData.tenant(ports);
        TestData.openEveryDay(ports, tenant.id(), "08:00", "20:00");
        colour = at(NOW).createService()
                .create(CreateServiceUseCase.Command.builder(
                                Actor.member(tenant.owner().id()), tenant.id(), "Colour", 30, new BigDecimal("40.00"))
                        .deposit(Optional.of(new BigDecimal("10.00")))
                        .build());
        ports.transactions().inTransaction(() -> {
            ports.payments()
                    .store()
                    .saveSettings(
                            new PaymentSettings(tenant.id(), Optional.of(account), true, Duration.ofMinutes(30), 100));
            return null;
        });
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private UseCases at(Instant instant) {
        return Interactors.create(ports, Clock.fixed(instant, ZoneOffset.UTC));
    }

    private BookAppointmentUseCase.Result book(UseCases app, Instant start, String phone) {
        return app.publicBooking()
                .book(BookAppointmentUseCase.Command.builder(
                                new Actor.Caller(BookingSource.WEB),
                                tenant.id(),
                                colour.id(),
                                start,
                                new BookAppointmentUseCase.ClientDetails(
                                        "Client " + phone, Optional.of(phone), Optional.empty()),
                                BookingSource.WEB)
                        .provider(Optional.of(tenant.provider().id()))
                        .build())
                .result();
    }

    private Payment deposit(BookAppointmentUseCase.Result booked) {
        return ports.payments()
                .store()
                .ofAppointment(tenant.id(), booked.appointment().id())
                .get(0);
    }

    /** Stripe's news that the deposit's page was paid. */
    private PaymentEventsUseCase.CheckoutCompleted paid(String event, Payment payment) {
        return new PaymentEventsUseCase.CheckoutCompleted(
                event,
                Optional.of(account),
                ports.payments()
                        .store()
                        .find(tenant.id(), payment.id())
                        .flatMap(Payment::checkoutSession)
                        .orElseThrow(),
                Optional.of(payment.id()),
                Optional.of("pi_" + event),
                Optional.of(payment.amount()),
                true);
    }

    /** Both at once, as near as two threads get; each outcome, or the exception it ended in. */
    private Object[] together(Callable<?> one, Callable<?> other) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        Future<?> first = pool.submit(() -> {
            go.await();
            return one.call();
        });
        Future<?> second = pool.submit(() -> {
            go.await();
            return other.call();
        });
        go.countDown();
        return new Object[] {outcome(first), outcome(second)};
    }

    private static Object outcome(Future<?> future) throws InterruptedException {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("a racer hung", e);
        }
    }

    private AppointmentStatus status(Payment payment) {
        return ports.appointments()
                .findById(Set.of(tenant.id()), payment.appointmentId())
                .orElseThrow()
                .status();
    }

    /** The appointments keeping the time: confirmed, or kept for a deposit (the newcomer owes one too). */
    private long booked(Instant start) {
        return postgres.count(
                "select count(*) from appointments where business_id = ? and starts_at = ? "
                        + "and status in ('confirmed', 'pending_payment')",
                tenant.id().value(),
                java.sql.Timestamp.from(start));
    }

    @Test
    void a_payment_arriving_as_its_deadline_passes_confirms_the_appointment_whoever_writes_first() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Instant slot = FIRST_SLOT.plus(Duration.ofHours(round));
            Payment payment = deposit(book(at(NOW), slot, "+3460001%04d".formatted(round)));
            UseCases atDeadline = at(payment.payBy().orElseThrow().plusSeconds(1));
            String event = "evt_deadline_" + round;

            Object[] outcomes = together(
                    () -> atDeadline.lapsedHolds().expireLapsedHolds(),
                    () -> atDeadline.paymentEvents().apply(paid(event, payment)));

            assertThat(outcomes[1]).as("round %d", round).isEqualTo(PaymentEventsUseCase.Outcome.APPLIED);
            assertThat(status(payment))
                    .as("round %d: %s", round, java.util.Arrays.toString(outcomes))
                    .isEqualTo(AppointmentStatus.CONFIRMED);
            assertThat(ports.payments()
                            .store()
                            .find(tenant.id(), payment.id())
                            .orElseThrow()
                            .status())
                    .isEqualTo(PaymentStatus.PAID);
            assertThat(booked(slot)).isEqualTo(1L);
        }
        assertThat(stripe.refunds()).isEmpty();
    }

    @Test
    void a_late_payer_and_a_new_client_racing_for_the_released_time_book_it_once_and_the_loser_is_made_whole()
            throws Exception {
        int latePayersRefunded = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Instant slot = FIRST_SLOT.plus(Duration.ofHours(round));
            Payment payment = deposit(book(at(NOW), slot, "+3460002%04d".formatted(round)));
            UseCases late = at(payment.payBy().orElseThrow().plusSeconds(5));
            String newcomer = "+3460003%04d".formatted(round);
            String event = "evt_late_" + round;

            Object[] outcomes = together(
                    () -> book(late, slot, newcomer), () -> late.paymentEvents().apply(paid(event, payment)));

            assertThat(outcomes[1]).as("round %d", round).isEqualTo(PaymentEventsUseCase.Outcome.APPLIED);
            assertThat(booked(slot)).as("round %d", round).isEqualTo(1L);
            Payment after =
                    ports.payments().store().find(tenant.id(), payment.id()).orElseThrow();
            if (status(payment) == AppointmentStatus.CONFIRMED) {
                // the payer's news came first: the newcomer was told the time is taken
                assertThat(outcomes[0])
                        .isInstanceOfSatisfying(
                                BookingRefusedException.class,
                                refused -> assertThat(refused.reason()).isEqualTo(RefusalReason.SLOT_TAKEN));
                assertThat(after.refunded().amount()).isZero();
            } else {
                assertThat(outcomes[0]).isInstanceOf(BookAppointmentUseCase.Result.class);
                assertThat(after.refunded()).isEqualTo(payment.amount());
                latePayersRefunded++;
            }
        }
        assertThat(stripe.refundsMade()).isEqualTo(latePayersRefunded);
    }

    @Test
    void two_members_recording_the_deposit_by_hand_at_once_record_it_once() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Instant slot = FIRST_SLOT.plus(Duration.ofHours(round));
            Payment payment = deposit(book(at(NOW), slot, "+3460004%04d".formatted(round)));
            UseCases app = at(NOW.plusSeconds(60));
            Actor owner = Actor.member(tenant.owner().id());

            Object[] outcomes = together(
                    () -> app.payments().takeInPerson(owner, tenant.id(), payment.appointmentId()),
                    () -> app.payments().takeInPerson(owner, tenant.id(), payment.appointmentId()));

            assertThat(java.util.Arrays.stream(outcomes)
                            .filter(o -> o instanceof com.voiceappoint.domain.shared.DomainException refused
                                    && (refused.code() == com.voiceappoint.domain.shared.ErrorCode.CONCURRENT_UPDATE
                                            || refused.code()
                                                    == com.voiceappoint.domain.shared.ErrorCode
                                                            .INVALID_STATE_TRANSITION))
                            .count())
                    .as("round %d: %s", round, java.util.Arrays.toString(outcomes))
                    .isEqualTo(1);
            assertThat(postgres.count(
                            "select count(*) from payments where business_id = ? and appointment_id = ? "
                                    + "and method = 'in_person'",
                            tenant.id().value(),
                            payment.appointmentId().value()))
                    .isEqualTo(1L);
            assertThat(status(payment)).isEqualTo(AppointmentStatus.CONFIRMED);
        }
    }
}
