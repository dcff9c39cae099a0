package com.voiceappoint.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.application.error.BookingRefusedException;
import com.voiceappoint.application.error.TooManyStreamsException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.LiveEventsUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.event.BusinessEvent;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.shared.TimeRange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a member's stream is given, on the in-memory stores: the rules, without the transport. */
class LiveEventsTest {
    private static final Duration SHORT = Duration.ofMillis(50);

    private final Salon salon = new Salon();
    private final UseCases app = salon.app;

    private AppointmentDetails book(UseCases app, Instant start, Optional<ProviderId> provider) {
        return book(app, start, provider, "+34600111222");
    }

    private AppointmentDetails book(UseCases app, Instant start, Optional<ProviderId> provider, String phone) {
        return app.bookAppointment()
                .book(BookAppointmentUseCase.Command.builder(
                                salon.owner,
                                salon.business,
                                salon.cut.id(),
                                start,
                                new BookAppointmentUseCase.ClientDetails(
                                        "Carmen", Optional.of(phone), Optional.empty()),
                                BookingSource.DASHBOARD)
                        .provider(provider)
                        .build())
                .details();
    }

    private AppointmentDetails book(Instant start) {
        return book(app, start, Optional.empty());
    }

    /** An appointment as an event tells it. */
    private static BusinessEvent.AppointmentChange told(AppointmentDetails d, Optional<TimeRange> movedFrom) {
        return new BusinessEvent.AppointmentChange(
                d.appointment(), d.serviceName(), d.providerName(), d.client(), d.zone(), movedFrom);
    }

    private static Instant tuesdayAt(int hour, int minute) {
        return Salon.TUESDAY_TEN.plus(Duration.ofHours(hour - 10L).plusMinutes(minute));
    }

    private static List<BusinessEvent> events(LiveEventsUseCase.EventStream stream, int count)
            throws InterruptedException {
        List<BusinessEvent> seen = new ArrayList<>();
        while (seen.size() < count) {
            LiveEventsUseCase.Next next = stream.next(Duration.ofSeconds(5));
            assertThat(next).as("after %s", seen).isInstanceOf(LiveEventsUseCase.Events.class);
            seen.addAll(((LiveEventsUseCase.Events) next).events());
        }
        return seen;
    }

    private Actor.Member owner() {
        return (Actor.Member) salon.owner;
    }

    @Test
    void a_booking_reaches_the_stream_numbered_after_the_last_with_the_appointment_as_the_api_shows_it()
            throws Exception {
        try (LiveEventsUseCase.EventStream stream = app.liveEvents().open(owner(), salon.business, Optional.empty())) {
            AppointmentDetails booked = book(tuesdayAt(10, 0));
            AppointmentDetails second = book(tuesdayAt(11, 0));

            List<BusinessEvent> events = events(stream, 2);

            assertThat(events).extracting(BusinessEvent::kind).containsOnly(BusinessEvent.Kind.APPOINTMENT_CREATED);
            assertThat(events.get(1).sequence()).isEqualTo(events.get(0).sequence() + 1);
            assertThat(events.get(0).subject()).isEqualTo(told(booked, Optional.empty()));
            assertThat(events.get(1).by()).isEqualTo(new BusinessEvent.Member(owner().userId()));
            assertThat(events.get(1).subject()).isEqualTo(told(second, Optional.empty()));
        }
    }

    @Test
    void a_write_that_fails_tells_nothing() throws Exception {
        book(tuesdayAt(10, 0));
        try (LiveEventsUseCase.EventStream stream = app.liveEvents().open(owner(), salon.business, Optional.empty())) {
            assertThatThrownBy(() -> book(app, tuesdayAt(10, 0), Optional.empty(), "+34600999888"))
                    .isInstanceOf(BookingRefusedException.class);
            assertThat(stream.next(SHORT)).isInstanceOf(LiveEventsUseCase.Quiet.class);
        }
    }

    @Test
    void changes_of_hours_services_and_appointments_are_told_in_the_order_they_were_made() throws Exception {
        try (LiveEventsUseCase.EventStream stream = app.liveEvents().open(owner(), salon.business, Optional.empty())) {
            AppointmentDetails booked = book(tuesdayAt(10, 0));
            app.changeAppointment().reschedule(owner(), booked.appointment().id(), tuesdayAt(12, 0), Optional.empty());
            app.changeAppointment().cancel(owner(), booked.appointment().id(), "ill");
            salon.service("Colour");

            List<BusinessEvent> events = events(stream, 4);

            assertThat(events)
                    .extracting(BusinessEvent::kind)
                    .containsExactly(
                            BusinessEvent.Kind.APPOINTMENT_CREATED,
                            BusinessEvent.Kind.APPOINTMENT_RESCHEDULED,
                            BusinessEvent.Kind.APPOINTMENT_CANCELLED,
                            BusinessEvent.Kind.SERVICE_CHANGED);
            assertThat(((BusinessEvent.AppointmentChange) events.get(1).subject()).movedFrom())
                    .hasValueSatisfying(was -> assertThat(was.start()).isEqualTo(tuesdayAt(10, 0)));
        }
    }

    @Test
    void a_stream_that_goes_on_from_an_event_gets_those_after_it_and_one_from_no_such_event_is_told_to_reload()
            throws Exception {
        book(tuesdayAt(10, 0));
        book(tuesdayAt(11, 0));
        book(tuesdayAt(12, 0));
        List<BusinessEvent> all;
        try (LiveEventsUseCase.EventStream stream = app.liveEvents().open(owner(), salon.business, Optional.of(0L))) {
            // the salon's hours and service came first
            all = events(stream, 5).subList(2, 5);
        }
        try (LiveEventsUseCase.EventStream stream = app.liveEvents()
                .open(owner(), salon.business, Optional.of(all.get(0).sequence()))) {
            assertThat(events(stream, 2)).isEqualTo(all.subList(1, 3));
            assertThat(stream.next(SHORT)).isInstanceOf(LiveEventsUseCase.Quiet.class);
        }
        try (LiveEventsUseCase.EventStream stream = app.liveEvents()
                .open(owner(), salon.business, Optional.of(all.get(2).sequence() + 100))) {
            assertThat(stream.next(SHORT)).isInstanceOf(LiveEventsUseCase.Reload.class);
            AppointmentDetails later = book(tuesdayAt(13, 0));
            assertThat(events(stream, 1))
                    .singleElement()
                    .satisfies(e -> assertThat(e.subject().toString())
                            .contains(later.appointment().id().toString()));
        }
    }

    @Test
    void a_stream_that_falls_behind_is_ended_and_the_bookings_go_on() throws Exception {
        UseCases tight = Interactors.create(
                salon.ports, new LiveEventsInteractor.Limits(5, 10, 2, Duration.ofHours(24)), Salon.CLOCK);
        LiveEventsUseCase.EventStream stream = tight.liveEvents().open(owner(), salon.business, Optional.empty());
        book(tight, tuesdayAt(10, 0), Optional.empty());
        book(tight, tuesdayAt(11, 0), Optional.empty());
        book(tight, tuesdayAt(12, 0), Optional.empty());

        assertThat(stream.next(SHORT)).isEqualTo(new LiveEventsUseCase.Ended(LiveEventsUseCase.Why.FELL_BEHIND));
        assertThat(tight.liveEvents().stats().openStreams()).isZero();
    }

    @Test
    void a_member_removed_while_events_keep_coming_loses_the_stream_within_the_recheck() throws Exception {
        var registered = app.registerAccount().register(RegistrationAndLoginTest.command("ana@example.com", "Ana"));
        Actor.Member ana = new Actor.Member(registered.userId());
        app.invitations()
                .accept(
                        ana,
                        app.members()
                                .invite(salon.owner, salon.business, "ana@example.com", "viewer")
                                .id());
        Instant[] now = {Salon.CLOCK.instant()};
        Clock moving = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        UseCases busy = Interactors.create(salon.ports, LiveEventsInteractor.Limits.DEFAULT, moving);
        try (LiveEventsUseCase.EventStream stream = busy.liveEvents().open(ana, salon.business, Optional.empty())) {
            book(busy, tuesdayAt(10, 0), Optional.empty());
            assertThat(events(stream, 1)).hasSize(1);

            app.members().remove(salon.owner, salon.business, ana.userId());
            book(busy, tuesdayAt(11, 0), Optional.empty());
            now[0] = now[0].plusSeconds(16);
            book(busy, tuesdayAt(12, 0), Optional.empty());

            // never quiet, yet checked: the events waiting are not hers any more
            assertThat(stream.next(SHORT)).isEqualTo(new LiveEventsUseCase.Ended(LiveEventsUseCase.Why.ACCESS_ENDED));
        }
    }

    @Test
    void a_member_has_as_many_streams_as_the_limit_allows() {
        UseCases tight = Interactors.create(
                salon.ports, new LiveEventsInteractor.Limits(1, 10, 10, Duration.ofHours(24)), Salon.CLOCK);
        LiveEventsUseCase.EventStream first = tight.liveEvents().open(owner(), salon.business, Optional.empty());
        assertThatThrownBy(() -> tight.liveEvents().open(owner(), salon.business, Optional.empty()))
                .isInstanceOf(TooManyStreamsException.class);
        first.close();
        tight.liveEvents().open(owner(), salon.business, Optional.empty()).close();
    }

    @Test
    void a_member_removed_from_the_business_loses_the_stream_and_staff_see_only_their_own_diary() throws Exception {
        var registered = app.registerAccount().register(RegistrationAndLoginTest.command("pepe@example.com", "Pepe"));
        Actor.Member pepe = new Actor.Member(registered.userId());
        var invitation = app.members().invite(salon.owner, salon.business, "pepe@example.com", "staff");
        app.invitations().accept(pepe, invitation.id());
        ProviderId pepes = app.staff()
                .create(salon.owner, salon.business, "Pepe", Optional.of(pepe.userId()))
                .id();
        try (LiveEventsUseCase.EventStream stream = app.liveEvents().open(pepe, salon.business, Optional.empty())) {
            book(tuesdayAt(10, 0));
            AppointmentDetails his = book(app, tuesdayAt(11, 0), Optional.of(pepes));

            List<BusinessEvent> seen = events(stream, 1);
            assertThat(seen)
                    .singleElement()
                    .satisfies(e -> assertThat(e.provider()).contains(pepes));
            assertThat(seen.get(0).subject()).isEqualTo(told(his, Optional.empty()));
            assertThat(stream.next(SHORT)).isInstanceOf(LiveEventsUseCase.Quiet.class);

            app.members().remove(salon.owner, salon.business, pepe.userId());
            assertThat(stream.next(SHORT)).isEqualTo(new LiveEventsUseCase.Ended(LiveEventsUseCase.Why.ACCESS_ENDED));
        }
    }
}
