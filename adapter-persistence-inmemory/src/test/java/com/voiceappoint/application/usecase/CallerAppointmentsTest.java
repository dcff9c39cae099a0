package com.voiceappoint.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.application.error.BookingRefusedException;
import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.fakes.PortSwap;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.CallerAppointmentsUseCase;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.availability.RefusalReason;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A caller on the phone, known by their number: holding a time, booking it, finding, moving and cancelling. */
class CallerAppointmentsTest {
    private static final Actor VOICE = new Actor.Caller(BookingSource.VOICE);
    private static final PhoneNumber CARMEN = new PhoneNumber("+34600111222");
    private static final PhoneNumber PEDRO = new PhoneNumber("+34600333444");
    private static final CallerAppointmentsUseCase.Proof BY_CARMEN =
            new CallerAppointmentsUseCase.Proof.CallerNumber(CARMEN);
    private static final Instant TEN = Salon.TUESDAY_TEN;

    private final Salon salon = new Salon();
    private final CallerAppointmentsUseCase phone = salon.app.callerAppointments();

    private static final String CALL = "call-carmen";

    private AppointmentDetails hold(PhoneNumber caller, Instant start) {
        return phone.hold(new CallerAppointmentsUseCase.Hold(
                salon.business, caller, true, "Carmen", salon.cut.id(), start, Optional.empty(), Optional.of(CALL)));
    }

    private BookAppointmentUseCase.Result book(PhoneNumber caller, Instant start) {
        return salon.app
                .bookAppointment()
                .book(BookAppointmentUseCase.Command.builder(
                                VOICE,
                                salon.business,
                                salon.cut.id(),
                                start,
                                new BookAppointmentUseCase.ClientDetails(
                                        "Carmen", Optional.of(caller.value()), Optional.empty()),
                                BookingSource.VOICE)
                        .idempotencyKey(Optional.of("call-tool-" + start))
                        .build());
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
                .book(BookAppointmentUseCase.Command.builder(
                                VOICE,
                                salon.business,
                                salon.cut.id(),
                                TEN,
                                new BookAppointmentUseCase.ClientDetails(
                                        "Pedro", Optional.of(PEDRO.value()), Optional.empty()),
                                BookingSource.VOICE)
                        .build());

        assertThat(pedro.appointment().status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(later.callerAppointments().upcoming(salon.business, BY_CARMEN))
                .isEmpty();
    }

    @Test
    void callers_find_move_and_cancel_their_own_appointments_only() {
        var mine = book(CARMEN, TEN).appointment();
        book(CARMEN, TEN.plus(Duration.ofHours(2)));
        var theirs = book(PEDRO, TEN.plus(Duration.ofHours(4))).appointment();

        assertThat(phone.upcoming(salon.business, BY_CARMEN))
                .extracting(d -> d.appointment().start())
                .containsExactly(TEN, TEN.plus(Duration.ofHours(2)));
        assertThatThrownBy(() -> phone.cancel(salon.business, BY_CARMEN, theirs.id(), ""))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(
                        () -> phone.reschedule(salon.business, BY_CARMEN, theirs.id(), TEN.plus(Duration.ofHours(5))))
                .isInstanceOf(NotFoundException.class);

        var moved = phone.reschedule(salon.business, BY_CARMEN, mine.id(), TEN.plus(Duration.ofHours(1)));
        assertThat(moved.appointment().id()).isEqualTo(mine.id());
        assertThat(moved.appointment().start()).isEqualTo(TEN.plus(Duration.ofHours(1)));
        var cancelled = phone.cancel(salon.business, BY_CARMEN, mine.id(), "ill");
        assertThat(cancelled.appointment().status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(phone.upcoming(salon.business, BY_CARMEN)).hasSize(1);
    }

    @Test
    void after_the_cutoff_a_caller_can_no_longer_change_it() {
        var mine = book(CARMEN, TEN).appointment();
        var dayBefore = salon.at(TEN.minus(Duration.ofHours(12))).callerAppointments();

        assertThatThrownBy(() -> dayBefore.cancel(salon.business, BY_CARMEN, mine.id(), ""))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLATION_TOO_LATE));
    }

    private CallerAppointmentsUseCase.Booked bookByVoice(PhoneNumber number, Instant start, Optional<String> key) {
        return phone.book(BookAppointmentUseCase.Command.builder(
                        new Actor.Caller(BookingSource.VOICE, Optional.of(CALL), false),
                        salon.business,
                        salon.cut.id(),
                        start,
                        new BookAppointmentUseCase.ClientDetails(
                                "Carmen", Optional.of(number.value()), Optional.empty()),
                        BookingSource.VOICE)
                .idempotencyKey(key)
                .build());
    }

    @Test
    void a_client_s_booking_keeps_its_manage_code_with_it_and_one_staff_type_in_has_none() {
        var byVoice = book(CARMEN, TEN).appointment();
        var byStaff = salon.app
                .bookAppointment()
                .book(BookAppointmentUseCase.Command.builder(
                                salon.owner,
                                salon.business,
                                salon.cut.id(),
                                TEN.plus(Duration.ofHours(3)),
                                new BookAppointmentUseCase.ClientDetails(
                                        "Pedro", Optional.of(PEDRO.value()), Optional.empty()),
                                BookingSource.DASHBOARD)
                        .build())
                .appointment();

        assertThat(salon.ports.appointments().manageCodes(salon.business, List.of(byVoice.id(), byStaff.id())))
                .as("a code nobody was told opens nothing, so none is made for an appointment staff typed in")
                .containsOnlyKeys(byVoice.id());
    }

    private static CallerAppointmentsUseCase.Proof code(String code, PhoneNumber claimed) {
        return new CallerAppointmentsUseCase.Proof.Code(code, Optional.ofNullable(claimed));
    }

    @Test
    void where_the_number_proves_nothing_the_manage_code_given_with_the_booking_opens_that_appointment_only() {
        var booked = bookByVoice(CARMEN, TEN, Optional.of("key-1"));
        String given = booked.manageCode().orElseThrow();
        var other = book(CARMEN, TEN.plus(Duration.ofHours(2))).appointment();
        var mine = booked.result().appointment();

        assertThat(given).matches("\\d{6}");
        assertThat(bookByVoice(CARMEN, TEN, Optional.of("key-1")).manageCode())
                .as("a retry with its key is the same booker")
                .contains(given);
        assertThat(bookByVoice(CARMEN, TEN, Optional.empty()).manageCode())
                .as("anyone who knows Carmen's number could repeat her booking")
                .isEmpty();

        assertThat(phone.upcoming(salon.business, code(given.substring(0, 3) + " " + given.substring(3), CARMEN)))
                .extracting(d -> d.appointment().id())
                .containsExactly(mine.id());
        String wrong = given.equals("000000") ? "000001" : "000000";
        assertThat(phone.upcoming(salon.business, code(wrong, CARMEN))).isEmpty();
        assertThat(phone.upcoming(salon.business, code(given, PEDRO))).isEmpty();
        assertThat(phone.upcoming(salon.business, code(given, null))).isEmpty();

        assertThatThrownBy(() -> phone.cancel(salon.business, code(wrong, CARMEN), mine.id(), ""))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> phone.cancel(salon.business, code(given, CARMEN), other.id(), ""))
                .as("a code opens its own appointment, not the client's others")
                .isInstanceOf(NotFoundException.class);
        var moved = phone.reschedule(salon.business, code(given, null), mine.id(), TEN.plus(Duration.ofHours(1)));
        assertThat(moved.appointment().start()).isEqualTo(TEN.plus(Duration.ofHours(1)));
        var cancelled = phone.cancel(salon.business, code(given, null), mine.id(), "");
        assertThat(cancelled.appointment().status()).isEqualTo(AppointmentStatus.CANCELLED);
    }

    @Test
    void finding_by_code_reads_the_codes_of_all_the_caller_s_appointments_at_once() {
        String given =
                bookByVoice(CARMEN, TEN, Optional.of("key-1")).manageCode().orElseThrow();
        bookByVoice(CARMEN, TEN.plus(Duration.ofHours(2)), Optional.of("key-2"));
        bookByVoice(CARMEN, TEN.plus(Duration.ofHours(4)), Optional.of("key-3"));
        AtomicInteger codeReads = new AtomicInteger();
        AppointmentRepository counting = (AppointmentRepository) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {AppointmentRepository.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("manageCode")) {
                        codeReads.incrementAndGet();
                    }
                    try {
                        return method.invoke(salon.ports.appointments(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        var countingPhone = Interactors.create(
                        PortSwap.with(salon.ports, AppointmentRepository.class, counting), Salon.CLOCK)
                .callerAppointments();

        assertThat(countingPhone.upcoming(salon.business, code(given, CARMEN)))
                .extracting(d -> d.appointment().start())
                .containsExactly(TEN);
        assertThat(codeReads)
                .as("one read of the codes, not one per appointment")
                .hasValue(1);
    }

    @Test
    void a_call_whose_number_proves_nothing_attaches_no_email_to_that_number_s_client() {
        book(CARMEN, TEN);
        phone.book(BookAppointmentUseCase.Command.builder(
                        new Actor.Caller(BookingSource.VOICE, Optional.of(CALL), false),
                        salon.business,
                        salon.cut.id(),
                        TEN.plus(Duration.ofHours(2)),
                        new BookAppointmentUseCase.ClientDetails(
                                "Mallory", Optional.of(CARMEN.value()), Optional.of("mallory@example.com")),
                        BookingSource.VOICE)
                .build());

        assertThat(salon.ports.clients().findByContact(salon.business, Optional.of(CARMEN), Optional.empty()))
                .hasValueSatisfying(client -> assertThat(client.email()).isEmpty());
    }
}
