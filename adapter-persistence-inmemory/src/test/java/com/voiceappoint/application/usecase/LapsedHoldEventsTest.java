package com.voiceappoint.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.CallerAppointmentsUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.event.BusinessEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A hold that ran out is expired by the booking or the move that wants its time, and the business's dashboards are
 * told, in the same transaction, as something no one in particular did.
 */
class LapsedHoldEventsTest {
    private static final Actor VOICE = new Actor.Caller(BookingSource.VOICE);
    private static final PhoneNumber CARMEN = new PhoneNumber("+34600111222");
    private static final PhoneNumber PEDRO = new PhoneNumber("+34600333444");
    private static final Instant TEN = Salon.TUESDAY_TEN;

    private final Salon salon = new Salon();
    /** The events of opening the salon (its hours, its service) are not these tests' business. */
    private final long opened = salon.ports.events().window(salon.business).last();
    /** Six minutes on: Carmen's five-minute hold has lapsed. */
    private final UseCases later = salon.at(Salon.CLOCK.instant().plus(Duration.ofMinutes(6)));

    private AppointmentDetails carmenHolds(Instant start) {
        return holds(CARMEN, "Carmen", start);
    }

    private AppointmentDetails holds(PhoneNumber caller, String name, Instant start) {
        return salon.app
                .callerAppointments()
                .hold(new CallerAppointmentsUseCase.Hold(
                        salon.business, caller, true, name, salon.cut.id(), start, Optional.empty(), Optional.empty()));
    }

    private AppointmentDetails book(UseCases app, PhoneNumber caller, String name, Instant start) {
        return app.bookAppointment()
                .book(BookAppointmentUseCase.Command.builder(
                                VOICE,
                                salon.business,
                                salon.cut.id(),
                                start,
                                new BookAppointmentUseCase.ClientDetails(
                                        name, Optional.of(caller.value()), Optional.empty()),
                                BookingSource.VOICE)
                        .build())
                .details();
    }

    private List<BusinessEvent> events() {
        return salon.ports.events().since(salon.business, opened, 100);
    }

    private static void assertExpiredBy(BusinessEvent event, Appointment hold, Instant at) {
        assertThat(event.by()).isEqualTo(new BusinessEvent.Engine());
        BusinessEvent.AppointmentChange change = (BusinessEvent.AppointmentChange) event.subject();
        assertThat(change.movedFrom()).isEmpty();
        assertThat(change.appointment()).isEqualTo(hold.expire(at));
        assertThat(change.appointment().status()).isEqualTo(AppointmentStatus.EXPIRED);
        assertThat(change.serviceName()).isEqualTo("Cut");
        assertThat(change.client().name()).isEqualTo("Carmen");
    }

    @Test
    void a_booking_that_takes_a_lapsed_holds_time_tells_of_the_hold_expiring_before_the_booking() {
        Appointment hold = carmenHolds(TEN).appointment();

        AppointmentDetails pedros = book(later, PEDRO, "Pedro", TEN);

        List<BusinessEvent> events = events();
        assertThat(events)
                .extracting(BusinessEvent::kind)
                .containsExactly(
                        BusinessEvent.Kind.APPOINTMENT_HELD,
                        BusinessEvent.Kind.HOLD_EXPIRED,
                        BusinessEvent.Kind.APPOINTMENT_CREATED);
        assertExpiredBy(events.get(1), hold, pedros.appointment().createdAt());
    }

    @Test
    void a_move_onto_a_lapsed_holds_time_tells_of_the_hold_expiring() {
        Appointment pedros =
                book(salon.app, PEDRO, "Pedro", TEN.plus(Duration.ofHours(2))).appointment();
        Appointment hold = carmenHolds(TEN).appointment();

        AppointmentDetails moved = later.callerAppointments()
                .reschedule(salon.business, new CallerAppointmentsUseCase.Proof.CallerNumber(PEDRO), pedros.id(), TEN);

        List<BusinessEvent> events = events();
        assertThat(events)
                .extracting(BusinessEvent::kind)
                .containsExactly(
                        BusinessEvent.Kind.APPOINTMENT_CREATED,
                        BusinessEvent.Kind.APPOINTMENT_HELD,
                        BusinessEvent.Kind.HOLD_EXPIRED,
                        BusinessEvent.Kind.APPOINTMENT_RESCHEDULED);
        assertExpiredBy(events.get(2), hold, moved.appointment().updatedAt());
    }

    @Test
    void the_engines_sweep_expires_holds_nobody_needed_once_each_and_none_before_they_lapse() {
        Appointment hold = carmenHolds(TEN).appointment();
        AppointmentDetails pedros = holds(PEDRO, "Pedro", TEN.plus(Duration.ofHours(1)));

        assertThat(salon.app.lapsedHolds().expireLapsedHolds()).isZero();
        Instant sixMinutesOn = Salon.CLOCK.instant().plus(Duration.ofMinutes(6));
        assertThat(later.lapsedHolds().expireLapsedHolds()).isEqualTo(2);
        assertThat(later.lapsedHolds().expireLapsedHolds()).as("each once").isZero();

        List<BusinessEvent> events = events();
        assertThat(events)
                .extracting(BusinessEvent::kind)
                .containsExactly(
                        BusinessEvent.Kind.APPOINTMENT_HELD,
                        BusinessEvent.Kind.APPOINTMENT_HELD,
                        BusinessEvent.Kind.HOLD_EXPIRED,
                        BusinessEvent.Kind.HOLD_EXPIRED);
        assertExpiredBy(events.get(2), hold, sixMinutesOn);
        assertThat(salon.ports
                        .appointments()
                        .findById(List.of(salon.business), pedros.appointment().id()))
                .hasValueSatisfying(a -> assertThat(a.status()).isEqualTo(AppointmentStatus.EXPIRED));
    }

    @Test
    void a_booking_that_finds_no_lapsed_hold_tells_of_no_expiry() {
        carmenHolds(TEN);

        book(later, PEDRO, "Pedro", TEN.plus(Duration.ofHours(2)));

        assertThat(events())
                .extracting(BusinessEvent::kind)
                .containsExactly(BusinessEvent.Kind.APPOINTMENT_HELD, BusinessEvent.Kind.APPOINTMENT_CREATED);
    }
}
