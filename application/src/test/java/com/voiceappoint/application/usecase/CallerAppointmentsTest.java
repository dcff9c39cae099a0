package com.voiceappoint.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.application.error.BookingRefusedException;
import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.CallerAppointmentsUseCase;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.availability.RefusalReason;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A caller on the phone, known by their number: holding a time, booking it, finding, moving and cancelling. */
class CallerAppointmentsTest {
    private static final Actor VOICE = new Actor.Caller(BookingSource.VOICE);
    private static final PhoneNumber CARMEN = new PhoneNumber("+34600111222");
    private static final PhoneNumber PEDRO = new PhoneNumber("+34600333444");
    private static final Instant TEN = Salon.TUESDAY_TEN;

    private final Salon salon = new Salon();
    private final CallerAppointmentsUseCase phone = salon.app.callerAppointments();

    private static final String CALL = "call-carmen";

    private AppointmentDetails hold(PhoneNumber caller, Instant start) {
        return phone.hold(new CallerAppointmentsUseCase.Hold(
                salon.business, caller, "Carmen", salon.cut.id(), start, Optional.empty(), Optional.of(CALL)));
    }

    private BookAppointmentUseCase.Result book(PhoneNumber caller, Instant start) {
        return salon.app
                .bookAppointment()
                .book(new BookAppointmentUseCase.Command(
                        VOICE,
                        salon.business,
                        salon.cut.id(),
                        start,
                        Optional.empty(),
                        new BookAppointmentUseCase.ClientDetails(
                                "Carmen", Optional.of(caller.value()), Optional.empty()),
                        "",
                        BookingSource.VOICE,
                        Optional.of("call-tool-" + start)));
    }

    @Test
    void a_held_time_is_kept_for_the_caller_and_becomes_their_booking() {
        AppointmentDetails held = hold(CARMEN, TEN);

        assertThat(held.appointment().status()).isEqualTo(AppointmentStatus.HELD);
        assertThat(held.appointment().holdExpiresAt())
                .contains(Salon.CLOCK.instant().plus(Duration.ofMinutes(5)));
        assertThat(hold(CARMEN, TEN).appointment().id())
                .as("holding twice is one hold")
                .isEqualTo(held.appointment().id());
        assertThatThrownBy(() -> book(PEDRO, TEN))
                .as("someone else cannot take a held time")
                .isInstanceOfSatisfying(
                        BookingRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RefusalReason.SLOT_TAKEN));

        var booked = book(CARMEN, TEN);
        assertThat(booked.replayed()).isFalse();
        assertThat(booked.appointment().id()).isEqualTo(held.appointment().id());
        assertThat(booked.appointment().status()).isEqualTo(AppointmentStatus.CONFIRMED);
    }

    @Test
    void a_hold_is_logged_with_the_call_it_was_made_in() {
        AppointmentDetails held = hold(CARMEN, TEN);

        assertThat(salon.ports.callLog().appointmentsOf(salon.business, CALL))
                .containsExactly(held.appointment().id());
        assertThat(salon.ports.callLog().find(salon.business, CALL)).isPresent();
    }

    @Test
    void a_lapsed_hold_frees_the_time_for_anyone() {
        hold(CARMEN, TEN);
        var later = salon.at(Salon.CLOCK.instant().plus(Duration.ofMinutes(6)));

        var pedro = later.bookAppointment()
                .book(new BookAppointmentUseCase.Command(
                        VOICE,
                        salon.business,
                        salon.cut.id(),
                        TEN,
                        Optional.empty(),
                        new BookAppointmentUseCase.ClientDetails("Pedro", Optional.of(PEDRO.value()), Optional.empty()),
                        "",
                        BookingSource.VOICE,
                        Optional.empty()));

        assertThat(pedro.appointment().status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(later.callerAppointments().upcoming(salon.business, CARMEN)).isEmpty();
    }

    @Test
    void callers_find_move_and_cancel_their_own_appointments_only() {
        var mine = book(CARMEN, TEN).appointment();
        book(CARMEN, TEN.plus(Duration.ofHours(2)));
        var theirs = book(PEDRO, TEN.plus(Duration.ofHours(4))).appointment();

        assertThat(phone.upcoming(salon.business, CARMEN))
                .extracting(d -> d.appointment().start())
                .containsExactly(TEN, TEN.plus(Duration.ofHours(2)));
        assertThatThrownBy(() -> phone.cancel(salon.business, CARMEN, theirs.id(), ""))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> phone.reschedule(salon.business, CARMEN, theirs.id(), TEN.plus(Duration.ofHours(5))))
                .isInstanceOf(NotFoundException.class);

        var moved = phone.reschedule(salon.business, CARMEN, mine.id(), TEN.plus(Duration.ofHours(1)));
        assertThat(moved.appointment().id()).isEqualTo(mine.id());
        assertThat(moved.appointment().start()).isEqualTo(TEN.plus(Duration.ofHours(1)));
        var cancelled = phone.cancel(salon.business, CARMEN, mine.id(), "ill");
        assertThat(cancelled.appointment().status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(phone.upcoming(salon.business, CARMEN)).hasSize(1);
    }

    @Test
    void after_the_cutoff_a_caller_can_no_longer_change_it() {
        var mine = book(CARMEN, TEN).appointment();
        var dayBefore = salon.at(TEN.minus(Duration.ofHours(12))).callerAppointments();

        assertThatThrownBy(() -> dayBefore.cancel(salon.business, CARMEN, mine.id(), ""))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLATION_TOO_LATE));
    }
}
