package com.voiceappoint.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.adapter.inmemory.InMemoryAdapters;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.CallerAppointmentsUseCase.Proof;
import com.voiceappoint.application.port.in.FindAvailableSlotsQuery;
import com.voiceappoint.application.port.in.FoundBusinessUseCase;
import com.voiceappoint.application.port.in.ManageBusinessesUseCase.NewBusiness;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.testkit.TestData;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Booking built alone, on the booking ports only: no accounts, no password hasher, no voice platform. */
class BookingUseCasesTest {
    /** Monday 23 November 2026, 09:00 in Madrid. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
    /** Tuesday 24 November, 10:00 and 11:00 in Madrid. */
    private static final Instant TUESDAY_TEN = Instant.parse("2026-11-24T09:00:00Z");

    private static final Instant TUESDAY_ELEVEN = Instant.parse("2026-11-24T10:00:00Z");

    private final OutboundPorts ports = InMemoryAdapters.create();
    private final BookingUseCases booking = new BookingUseCases(ports.booking(), CLOCK);

    private FoundBusinessUseCase.Founded studio() {
        return booking.foundBusiness()
                .found(new FoundBusinessUseCase.Command(
                        new NewBusiness("Estudio Ana", "studio", null, "Europe/Madrid", "EUR", "ES"),
                        Optional.of("Ana")));
    }

    @Test
    void a_business_is_founded_without_an_account_with_its_first_provider_and_no_member() {
        FoundBusinessUseCase.Founded founded = studio();
        Business business = founded.business();

        assertThat(ports.businesses().findById(business.id())).contains(business);
        assertThat(business.slug().value()).isEqualTo("estudio-ana");
        assertThat(ports.memberships().findByBusiness(business.id())).isEmpty();
        assertThat(ports.providers().findByBusiness(business.id()))
                .singleElement()
                .satisfies(provider -> {
                    assertThat(provider.id()).isEqualTo(founded.firstProvider());
                    assertThat(provider.displayName()).isEqualTo("Ana");
                    assertThat(provider.userId()).isEmpty();
                });
        assertThat(studio().business().slug().value())
                .as("a second one of the same name gets a slug of its own")
                .isEqualTo("estudio-ana-2");
    }

    @Test
    void a_caller_finds_a_time_books_it_moves_it_and_cancels_it() {
        Business business = studio().business();
        TestData.openEveryDay(ports, business.id(), "09:00", "18:00");
        Service cut = TestData.service(ports, business.id(), "Cut", 30);
        Actor.Caller caller = new Actor.Caller(BookingSource.API, Optional.empty(), true);

        FindAvailableSlotsQuery.Slots slots = booking.findAvailableSlots()
                .find(new FindAvailableSlotsQuery.Query(
                        caller,
                        business.id(),
                        cut.id(),
                        LocalDate.of(2026, 11, 24),
                        LocalDate.of(2026, 11, 24),
                        Optional.empty()));
        assertThat(slots.slots()).extracting(slot -> slot.start()).contains(TUESDAY_TEN, TUESDAY_ELEVEN);

        var booked = booking.callerAppointments()
                .book(BookAppointmentUseCase.Command.builder(
                                caller,
                                business.id(),
                                cut.id(),
                                TUESDAY_TEN,
                                new BookAppointmentUseCase.ClientDetails(
                                        "Marta", Optional.of("+34600111222"), Optional.empty()),
                                BookingSource.API)
                        .idempotencyKey(Optional.of("first-booking"))
                        .build());
        Proof marta = new Proof.CallerNumber(new PhoneNumber("+34600111222"));
        AppointmentDetails moved = booking.callerAppointments()
                .reschedule(business.id(), marta, booked.result().appointment().id(), TUESDAY_ELEVEN);
        AppointmentDetails cancelled = booking.callerAppointments()
                .cancel(business.id(), marta, moved.appointment().id(), "ill");

        assertThat(moved.appointment().time().start()).isEqualTo(TUESDAY_ELEVEN);
        assertThat(cancelled.appointment().status()).isEqualTo(AppointmentStatus.CANCELLED);
    }

    @Test
    void a_booking_during_a_call_is_refused_without_a_call_log_and_nothing_is_booked() {
        Business business = studio().business();
        TestData.openEveryDay(ports, business.id(), "09:00", "18:00");
        Service cut = TestData.service(ports, business.id(), "Cut", 30);

        assertThatThrownBy(() -> booking.bookAppointment()
                        .book(BookAppointmentUseCase.Command.builder(
                                        new Actor.Caller(BookingSource.VOICE, Optional.of("call-1")),
                                        business.id(),
                                        cut.id(),
                                        TUESDAY_TEN,
                                        new BookAppointmentUseCase.ClientDetails(
                                                "Marta", Optional.of("+34600111222"), Optional.empty()),
                                        BookingSource.VOICE)
                                .build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("call log");
        assertThat(ports.appointments().existsForService(business.id(), cut.id()))
                .isFalse();
    }
}
