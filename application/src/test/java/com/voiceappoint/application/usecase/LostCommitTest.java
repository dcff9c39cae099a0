package com.voiceappoint.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.application.error.OutcomeUnknownException;
import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.application.fakes.PortSwap;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.Page;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.appointment.CalendarFilter;
import com.voiceappoint.domain.shared.TimeRange;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The database lost while a booking commits: the booking may be kept or not. Whoever booked is told which, found by
 * the request's idempotency key once the database answers again, and never that it failed when it may not have.
 */
class LostCommitTest {
    private static final IOException CONNECTION_RESET = new IOException("connection reset");

    private final Salon salon = new Salon();

    /** How the first commit goes; the transactions after it commit normally. */
    private enum FirstCommit {
        KEPT,
        NOT_KEPT
    }

    private UseCases losingTheFirstCommit(FirstCommit first, OutboundPorts ports) {
        TransactionRunner real = ports.transactions();
        AtomicInteger transactions = new AtomicInteger();
        TransactionRunner losing = new TransactionRunner() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                if (transactions.incrementAndGet() > 1) {
                    return real.inTransaction(work);
                }
                if (first == FirstCommit.KEPT) {
                    real.inTransaction(work);
                }
                throw new OutcomeUnknownException(CONNECTION_RESET);
            }
        };
        return Interactors.create(PortSwap.with(ports, TransactionRunner.class, losing), Salon.CLOCK);
    }

    private BookAppointmentUseCase.Command booking(Optional<String> key) {
        return new BookAppointmentUseCase.Command(
                new Actor.Caller(BookingSource.VOICE, Optional.of("call-1")),
                salon.business,
                salon.cut.id(),
                Salon.TUESDAY_TEN,
                Optional.empty(),
                new BookAppointmentUseCase.ClientDetails("Carmen", Optional.of("+34600111222"), Optional.empty()),
                "",
                BookingSource.VOICE,
                key);
    }

    private long appointmentsOnTuesday() {
        return salon.app
                .appointments()
                .list(
                        salon.owner,
                        CalendarFilter.period(
                                salon.business,
                                new TimeRange(Salon.TUESDAY_TEN, Salon.TUESDAY_TEN.plus(Duration.ofHours(1)))),
                        Page.Request.first(50))
                .items()
                .size();
    }

    @Test
    void a_booking_kept_by_a_lost_commit_is_answered_as_booked() {
        UseCases app = losingTheFirstCommit(FirstCommit.KEPT, salon.ports);

        var booked = app.bookAppointment().book(booking(Optional.of("vapi:tool-1")));

        assertThat(booked.replayed()).isFalse();
        assertThat(booked.appointment().start()).isEqualTo(Salon.TUESDAY_TEN);
        assertThat(appointmentsOnTuesday()).isEqualTo(1);
    }

    @Test
    void a_booking_a_lost_commit_did_not_keep_is_made_again_under_its_key() {
        UseCases app = losingTheFirstCommit(FirstCommit.NOT_KEPT, salon.ports);

        var booked = app.bookAppointment().book(booking(Optional.of("vapi:tool-1")));

        assertThat(booked.replayed()).isFalse();
        assertThat(appointmentsOnTuesday()).isEqualTo(1);
        var again = salon.app.bookAppointment().book(booking(Optional.of("vapi:tool-1")));
        assertThat(again.appointment().id()).isEqualTo(booked.appointment().id());
    }

    @Test
    void while_the_database_cannot_say_the_outcome_is_unknown_never_a_failure() {
        AtomicInteger lookups = new AtomicInteger();
        // the lookup before booking is answered; every one after the lost commit finds the database still away
        AppointmentRepository unreachable = (AppointmentRepository) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {AppointmentRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("findByIdempotencyKey") && lookups.incrementAndGet() > 1) {
                        throw new StoreUnavailableException("database", CONNECTION_RESET);
                    }
                    try {
                        return method.invoke(salon.ports.appointments(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        OutboundPorts ports = PortSwap.with(salon.ports, AppointmentRepository.class, unreachable);
        UseCases app = losingTheFirstCommit(FirstCommit.KEPT, ports);

        assertThatThrownBy(() -> app.bookAppointment().book(booking(Optional.of("vapi:tool-1"))))
                .isInstanceOf(OutcomeUnknownException.class);
    }

    @Test
    void a_public_booking_made_before_the_database_went_away_is_answered_without_its_link_not_as_a_failure() {
        AppointmentRepository linkNotKept = (AppointmentRepository) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {AppointmentRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("setManageToken")) {
                        throw new StoreUnavailableException("database", CONNECTION_RESET);
                    }
                    try {
                        return method.invoke(salon.ports.appointments(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        UseCases app =
                Interactors.create(PortSwap.with(salon.ports, AppointmentRepository.class, linkNotKept), Salon.CLOCK);

        var booked = app.publicBooking()
                .book(new BookAppointmentUseCase.Command(
                        new Actor.Caller(BookingSource.WEB),
                        salon.business,
                        salon.cut.id(),
                        Salon.TUESDAY_TEN,
                        Optional.empty(),
                        new BookAppointmentUseCase.ClientDetails(
                                "Carmen", Optional.of("+34600111222"), Optional.empty()),
                        "",
                        BookingSource.WEB,
                        Optional.of("web-1")));

        assertThat(booked.result().replayed()).isFalse();
        assertThat(booked.manageToken()).isEmpty();
        assertThat(appointmentsOnTuesday()).isEqualTo(1);
    }

    @Test
    void without_a_key_a_kept_booking_is_found_by_its_client_and_start() {
        UseCases app = losingTheFirstCommit(FirstCommit.KEPT, salon.ports);

        var booked = app.bookAppointment().book(booking(Optional.empty()));

        assertThat(booked.appointment().start()).isEqualTo(Salon.TUESDAY_TEN);
        assertThat(appointmentsOnTuesday()).isEqualTo(1);
    }

    @Test
    void without_a_key_a_booking_not_found_is_of_unknown_outcome() {
        UseCases app = losingTheFirstCommit(FirstCommit.NOT_KEPT, salon.ports);

        assertThatThrownBy(() -> app.bookAppointment().book(booking(Optional.empty())))
                .isInstanceOf(OutcomeUnknownException.class);
        assertThat(appointmentsOnTuesday()).isZero();
    }
}
