package com.voiceappoint.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.application.error.OutcomeUnknownException;
import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.application.fakes.PortSwap;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.CallerAppointmentsUseCase;
import com.voiceappoint.application.port.in.Page;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.appointment.CalendarFilter;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.shared.TimeRange;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The database lost while a booking commits: the booking may be kept or not. Whoever booked is told which, found by
 * the request's idempotency key once the database answers again, and never that it failed when it may not have.
 */
class LostCommitTest {
    private static final IOException CONNECTION_RESET = new IOException("connection reset");
    private static final String CALLER = "+34600111222";

    private final Salon salon = new Salon();

    /** How the first commit goes; the transactions after it commit normally. */
    private enum FirstCommit {
        KEPT,
        NOT_KEPT
    }

    private UseCases losingTheFirstCommit(FirstCommit first, OutboundPorts ports) {
        return losingTheFirstCommit(first, ports, Salon.CLOCK, () -> {});
    }

    /** As above, on {@code clock}, with {@code connectionWait} run as each transaction waits for a connection. */
    private UseCases losingTheFirstCommit(
            FirstCommit first, OutboundPorts ports, Clock clock, Runnable connectionWait) {
        TransactionRunner real = ports.transactions();
        AtomicInteger transactions = new AtomicInteger();
        TransactionRunner losing = new TransactionRunner() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                connectionWait.run();
                if (transactions.incrementAndGet() > 1) {
                    return real.inTransaction(work);
                }
                if (first == FirstCommit.KEPT) {
                    real.inTransaction(work);
                }
                throw new OutcomeUnknownException(CONNECTION_RESET);
            }
        };
        return Interactors.create(PortSwap.with(ports, TransactionRunner.class, losing), clock);
    }

    private BookAppointmentUseCase.Command booking(Optional<String> key) {
        return BookAppointmentUseCase.Command.builder(
                        new Actor.Caller(BookingSource.VOICE, Optional.of("call-1")),
                        salon.business,
                        salon.cut.id(),
                        Salon.TUESDAY_TEN,
                        new BookAppointmentUseCase.ClientDetails(
                                "Carmen", Optional.of("+34600111222"), Optional.empty()),
                        BookingSource.VOICE)
                .idempotencyKey(key)
                .build();
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
                    if (method.getName().equals("addManageToken")) {
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
                .book(BookAppointmentUseCase.Command.builder(
                                new Actor.Caller(BookingSource.WEB),
                                salon.business,
                                salon.cut.id(),
                                Salon.TUESDAY_TEN,
                                new BookAppointmentUseCase.ClientDetails(
                                        "Carmen", Optional.of("+34600111222"), Optional.empty()),
                                BookingSource.WEB)
                        .idempotencyKey(Optional.of("web-1"))
                        .build());

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

    @Test
    void the_search_for_what_a_lost_commit_kept_ends_well_inside_a_voice_callers_wait() {
        // each question asked and each transaction waits for a connection as long as the pool lets it (4 s): the
        // database is restarting, and every commit is lost
        MovingClock clock = new MovingClock(Salon.CLOCK.instant());
        Duration poolWait = Duration.ofSeconds(4);
        AtomicInteger lookups = new AtomicInteger();
        AppointmentRepository restarting = (AppointmentRepository) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {AppointmentRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("findByIdempotencyKey") && lookups.incrementAndGet() > 1) {
                        clock.advance(poolWait);
                        if (lookups.get() % 2 == 0) {
                            throw new StoreUnavailableException("database", CONNECTION_RESET);
                        }
                    }
                    try {
                        return method.invoke(salon.ports.appointments(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        OutboundPorts ports = PortSwap.with(salon.ports, AppointmentRepository.class, restarting);
        TransactionRunner losingEveryCommit = new TransactionRunner() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                clock.advance(poolWait);
                throw new OutcomeUnknownException(CONNECTION_RESET);
            }
        };
        UseCases app = Interactors.create(PortSwap.with(ports, TransactionRunner.class, losingEveryCommit), clock);
        Instant asked = clock.instant();

        assertThatThrownBy(() -> app.bookAppointment().book(booking(Optional.of("vapi:tool-1"))))
                .as("found not kept, with no time left to book it again: nothing was done")
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(Duration.between(asked, clock.instant()))
                .as("answered within the first wait, the budget and one wait in flight")
                .isLessThanOrEqualTo(poolWait.plus(LostCommit.BUDGET).plus(poolWait));
    }

    /** What a member, a client by their link and a caller do to a booked appointment, each losing its commit. */
    private enum StatusChange {
        MEMBER_CANCELS,
        MEMBER_COMPLETES,
        MEMBER_MARKS_NO_SHOW,
        CLIENT_CANCELS_BY_LINK,
        CALLER_CANCELS
    }

    private AppointmentStatus change(StatusChange change, UseCases app, BookedForChange booked) {
        return switch (change) {
            case MEMBER_CANCELS ->
                app.changeAppointment()
                        .cancel((Actor.Member) salon.owner, booked.id(), "closing early")
                        .appointment()
                        .status();
            case MEMBER_COMPLETES ->
                app.changeAppointment()
                        .complete((Actor.Member) salon.owner, booked.id())
                        .appointment()
                        .status();
            case MEMBER_MARKS_NO_SHOW ->
                app.changeAppointment()
                        .markNoShow((Actor.Member) salon.owner, booked.id())
                        .appointment()
                        .status();
            case CLIENT_CANCELS_BY_LINK ->
                app.publicBooking()
                        .cancel(booked.manageToken(), "cannot come")
                        .details()
                        .appointment()
                        .status();
            case CALLER_CANCELS ->
                app.callerAppointments()
                        .cancel(
                                salon.business,
                                new CallerAppointmentsUseCase.Proof.CallerNumber(new PhoneNumber(CALLER)),
                                booked.id(),
                                "cannot come")
                        .appointment()
                        .status();
        };
    }

    private record BookedForChange(AppointmentId id, String manageToken, Instant when) {}

    /** Booked through the public page (so it has a link), at a time a status change may be made at. */
    private BookedForChange booked(StatusChange change) {
        boolean past = change == StatusChange.MEMBER_COMPLETES || change == StatusChange.MEMBER_MARKS_NO_SHOW;
        var booked = salon.app
                .publicBooking()
                .book(BookAppointmentUseCase.Command.builder(
                                new Actor.Caller(BookingSource.WEB),
                                salon.business,
                                salon.cut.id(),
                                Salon.TUESDAY_TEN,
                                new BookAppointmentUseCase.ClientDetails(
                                        "Carmen", Optional.of(CALLER), Optional.empty()),
                                BookingSource.WEB)
                        .idempotencyKey(Optional.of("web-" + change))
                        .build());
        // completing and no-shows are for appointments that have begun
        Instant when = past ? Salon.TUESDAY_TEN.plus(Duration.ofHours(1)) : Salon.CLOCK.instant();
        return new BookedForChange(
                booked.result().appointment().id(), booked.manageToken().orElseThrow(), when);
    }

    @ParameterizedTest
    @EnumSource(StatusChange.class)
    void a_status_change_kept_by_a_lost_commit_is_answered_as_made(StatusChange change) {
        BookedForChange booked = booked(change);
        UseCases app = losingTheFirstCommit(
                FirstCommit.KEPT, salon.ports, Clock.fixed(booked.when(), ZoneOffset.UTC), () -> {});

        AppointmentStatus answered = change(change, app, booked);

        assertThat(answered).isNotEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(stored(booked.id())).isEqualTo(answered);
    }

    @ParameterizedTest
    @EnumSource(StatusChange.class)
    void a_status_change_a_lost_commit_did_not_keep_is_of_unknown_outcome_never_nothing_changed(StatusChange change) {
        BookedForChange booked = booked(change);
        UseCases app = losingTheFirstCommit(
                FirstCommit.NOT_KEPT, salon.ports, Clock.fixed(booked.when(), ZoneOffset.UTC), () -> {});

        assertThatThrownBy(() -> change(change, app, booked)).isInstanceOf(OutcomeUnknownException.class);
        assertThat(stored(booked.id())).isEqualTo(AppointmentStatus.CONFIRMED);
    }

    @Test
    void a_move_kept_by_a_lost_commit_is_answered_as_moved_and_one_not_kept_is_of_unknown_outcome() {
        BookedForChange booked = booked(StatusChange.CLIENT_CANCELS_BY_LINK);
        Instant later = Salon.TUESDAY_TEN.plus(Duration.ofHours(2));

        assertThatThrownBy(() -> losingTheFirstCommit(FirstCommit.NOT_KEPT, salon.ports)
                        .publicBooking()
                        .reschedule(booked.manageToken(), later))
                .isInstanceOf(OutcomeUnknownException.class);
        var moved = losingTheFirstCommit(FirstCommit.KEPT, salon.ports)
                .publicBooking()
                .reschedule(booked.manageToken(), later);

        assertThat(moved.details().appointment().start()).isEqualTo(later);
    }

    private AppointmentStatus stored(AppointmentId id) {
        return salon.ports
                .appointments()
                .findById(List.of(salon.business), id)
                .orElseThrow()
                .status();
    }

    /** A clock the test moves: the time spent waiting on a database that is away. */
    private static final class MovingClock extends Clock {
        private final AtomicReference<Instant> now;

        MovingClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration by) {
            now.updateAndGet(at -> at.plus(by));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
