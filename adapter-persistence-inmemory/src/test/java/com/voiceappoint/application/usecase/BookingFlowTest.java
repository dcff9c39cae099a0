package com.voiceappoint.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.adapter.inmemory.InMemoryAdapters;
import com.voiceappoint.application.error.BookingRefusedException;
import com.voiceappoint.application.error.ConcurrentUpdateException;
import com.voiceappoint.application.error.ForbiddenException;
import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.fakes.RecordedBookingOutcomes;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.CreateServiceUseCase;
import com.voiceappoint.application.port.in.FindAvailableSlotsQuery;
import com.voiceappoint.application.port.in.Page;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.out.BookingOutcomePublisher.Outcome;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.appointment.CalendarFilter;
import com.voiceappoint.domain.appointment.CancelledBy;
import com.voiceappoint.domain.availability.AvailableSlot;
import com.voiceappoint.domain.availability.RefusalReason;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Membership;
import com.voiceappoint.domain.business.OnboardingStatus;
import com.voiceappoint.domain.business.Role;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.schedule.SpecialDay;
import com.voiceappoint.domain.schedule.WeeklyHours;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.TimeRange;
import com.voiceappoint.testkit.TestData;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BookingFlowTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    /** Monday 23 November 2026, 09:00 in Madrid. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);

    private static final LocalDate TUESDAY = LocalDate.parse("2026-11-24");

    private final OutboundPorts ports = InMemoryAdapters.create();
    private final UseCases app = Interactors.create(ports, CLOCK);
    private Actor owner;
    private BusinessId business;
    private Service cut;

    @BeforeEach
    void openASalon() {
        var registered = app.registerAccount().register(RegistrationAndLoginTest.command("lola@example.com", "Lola"));
        owner = Actor.member(registered.userId());
        business = registered.businessId();
        app.businessHours()
                .setWeeklyHours(
                        owner,
                        business,
                        WeeklyHours.sameOn(
                                List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY),
                                List.of(OpeningWindow.of("09:00", "13:00"), OpeningWindow.of("15:00", "19:00"))));
        cut = createService(owner, business, "Cut", 30, true);
    }

    private Service createService(Actor actor, BusinessId id, String name, int minutes, boolean voice) {
        return app.createService()
                .create(CreateServiceUseCase.Command.builder(actor, id, name, minutes, new BigDecimal("20"))
                        .bufferAfterMinutes(10)
                        .voiceBookingEnabled(voice)
                        .build());
    }

    private static Instant tuesdayAt(String time) {
        return LocalDateTime.of(TUESDAY, LocalTime.parse(time)).atZone(MADRID).toInstant();
    }

    private BookAppointmentUseCase.Command booking(Actor actor, Instant start, String phone, Optional<String> key) {
        return BookAppointmentUseCase.Command.builder(
                        actor,
                        business,
                        cut.id(),
                        start,
                        new BookAppointmentUseCase.ClientDetails("Carmen", Optional.of(phone), Optional.empty()),
                        BookingSource.DASHBOARD)
                .idempotencyKey(key)
                .build();
    }

    private List<AppointmentDetails> listed(Actor actor, Instant from, Instant to) {
        return app.appointments()
                .list(actor, CalendarFilter.period(business, new TimeRange(from, to)), Page.Request.first(50))
                .items();
    }

    private List<AvailableSlot> tuesdaySlots(Actor actor) {
        return app.findAvailableSlots()
                .find(new FindAvailableSlotsQuery.Query(actor, business, cut.id(), TUESDAY, TUESDAY, Optional.empty()))
                .slots();
    }

    @Test
    void setting_hours_and_a_service_completes_onboarding() {
        assertThat(ports.businesses().onboardingStatus(business))
                .hasValueSatisfying(s -> assertThat(s.isComplete()).isTrue());
        assertThat(ports.businesses().onboardingStatus(business).orElseThrow().completed())
                .contains(OnboardingStatus.Step.SERVICES, OnboardingStatus.Step.OPENING_HOURS);
    }

    @Test
    void a_booked_slot_disappears_from_availability_and_returns_when_cancelled() {
        assertThat(tuesdaySlots(owner)).hasSize(30); // 15-minute grid, 30-minute cut: 9:00-12:30 and 15:00-18:30
        var booked = app.bookAppointment().book(booking(owner, tuesdayAt("10:00"), "+34600111222", Optional.empty()));

        assertThat(booked.replayed()).isFalse();
        assertThat(booked.appointment().status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(booked.details().serviceName()).isEqualTo("Cut");
        assertThat(booked.details().client().phone())
                .hasValueSatisfying(p -> assertThat(p.value()).isEqualTo("+34600111222"));
        // 10:00 is blocked until 10:40 by its clean-up, and a new cut needs its own 10 minutes after:
        // 09:30 (blocked until 10:10) to 10:30 are gone, 09:15 and 10:45 remain
        assertThat(tuesdaySlots(owner))
                .extracting(s -> s.start().atZone(MADRID).toLocalTime().toString())
                .hasSize(25)
                .doesNotContain("09:30", "09:45", "10:00", "10:15", "10:30")
                .contains("09:15", "10:45");

        var listed = listed(owner, tuesdayAt("00:00"), tuesdayAt("23:59"));
        assertThat(listed).singleElement().satisfies(details -> {
            assertThat(details.serviceName()).isEqualTo("Cut");
            assertThat(details.providerName()).isEqualTo("Lola Pérez");
            assertThat(details.client().name()).isEqualTo("Carmen");
        });

        Appointment cancelled = app.changeAppointment()
                .cancel((Actor.Member) owner, booked.appointment().id(), "client phoned")
                .appointment();
        assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(cancelled.cancellation())
                .hasValueSatisfying(c -> assertThat(c.reason()).isEqualTo("client phoned"));
        assertThat(tuesdaySlots(owner)).hasSize(30);
    }

    @Test
    void an_idempotency_key_replays_the_first_booking() {
        var first = app.bookAppointment().book(booking(owner, tuesdayAt("10:00"), "+34600111222", Optional.of("k-1")));
        var again = app.bookAppointment().book(booking(owner, tuesdayAt("10:00"), "+34600111222", Optional.of("k-1")));

        assertThat(again.replayed()).isTrue();
        assertThat(again.appointment().id()).isEqualTo(first.appointment().id());
        assertThatThrownBy(() -> app.bookAppointment()
                        .book(booking(owner, tuesdayAt("11:00"), "+34600111222", Optional.of("k-1"))))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED));
    }

    @Test
    void the_same_client_service_and_start_without_a_key_returns_the_existing_appointment() {
        var first = app.bookAppointment().book(booking(owner, tuesdayAt("10:00"), "+34600111222", Optional.empty()));
        var again = app.bookAppointment().book(booking(owner, tuesdayAt("10:00"), "+34600111222", Optional.empty()));

        assertThat(again.replayed()).isTrue();
        assertThat(again.appointment().id()).isEqualTo(first.appointment().id());
    }

    @Test
    void a_taken_slot_is_refused_with_the_three_nearest_alternatives() {
        app.bookAppointment().book(booking(owner, tuesdayAt("10:00"), "+34600111222", Optional.empty()));

        assertThatThrownBy(() -> app.bookAppointment()
                        .book(booking(owner, tuesdayAt("10:00"), "+34699999999", Optional.empty())))
                .isInstanceOfSatisfying(BookingRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RefusalReason.SLOT_TAKEN);
                    assertThat(e.code()).isEqualTo(ErrorCode.SLOT_TAKEN);
                    assertThat(e.alternatives())
                            .extracting(
                                    a -> a.start().atZone(MADRID).toLocalTime().toString())
                            .containsExactly("09:15", "10:45", "09:00"); // 45, 45, then 60 minutes away
                });
    }

    @Test
    void a_refused_booking_leaves_no_new_client_behind() {
        app.bookAppointment().book(booking(owner, tuesdayAt("10:00"), "+34600111222", Optional.empty()));

        assertThatThrownBy(() -> app.bookAppointment()
                        .book(booking(owner, tuesdayAt("10:00"), "+34699999999", Optional.empty())))
                .isInstanceOf(BookingRefusedException.class);
        assertThat(ports.clients().search(business, Optional.empty(), Optional.empty(), 10))
                .extracting(client -> client.phone().orElseThrow().value())
                .containsExactly("+34600111222");
    }

    @Test
    void refusals_say_why() {
        assertThat(refusal(tuesdayAt("13:30"))).isEqualTo(RefusalReason.OUTSIDE_HOURS);
        assertThat(refusal(tuesdayAt("12:45"))).isEqualTo(RefusalReason.OUTSIDE_HOURS);
        assertThat(refusal(LocalDate.parse("2026-11-26")
                        .atTime(10, 0)
                        .atZone(MADRID)
                        .toInstant()))
                .isEqualTo(RefusalReason.BUSINESS_CLOSED);
        assertThat(refusal(Instant.parse("2026-11-23T08:30:00Z"))).isEqualTo(RefusalReason.TOO_SOON);
        assertThat(refusal(Instant.parse("2026-11-20T10:00:00Z"))).isEqualTo(RefusalReason.IN_THE_PAST);
        assertThat(refusal(Instant.parse("2027-06-01T08:00:00Z"))).isEqualTo(RefusalReason.TOO_FAR_IN_ADVANCE);
    }

    @Test
    void every_outcome_is_published_once_with_its_channel() {
        var key = Optional.of("k-1");
        app.bookAppointment().book(booking(owner, tuesdayAt("10:00"), "+34600111222", key));
        app.bookAppointment().book(booking(owner, tuesdayAt("10:00"), "+34600111222", key));
        app.bookAppointment().book(booking(owner, tuesdayAt("10:00"), "+34600111222", Optional.empty()));
        refusal(tuesdayAt("10:00")); // another client: taken
        refusal(tuesdayAt("13:30"));

        var outcomes = ((RecordedBookingOutcomes) ports.bookingOutcomes()).published();
        assertThat(outcomes)
                .extracting(RecordedBookingOutcomes.Published::outcome)
                .containsExactly(
                        Outcome.BOOKED, Outcome.REPLAYED, Outcome.REPLAYED, Outcome.SLOT_TAKEN, Outcome.REFUSED);
        assertThat(outcomes)
                .extracting(RecordedBookingOutcomes.Published::source)
                .containsOnly(BookingSource.DASHBOARD);
    }

    private RefusalReason refusal(Instant start) {
        try {
            app.bookAppointment().book(booking(owner, start, "+34699999999", Optional.empty()));
        } catch (BookingRefusedException e) {
            return e.reason();
        }
        throw new AssertionError("expected a refusal for " + start);
    }

    @Test
    void a_closure_empties_the_day() {
        app.businessHours().saveSpecialDay(owner, business, SpecialDay.closure(TUESDAY, "training"));

        assertThat(tuesdaySlots(owner)).isEmpty();
        assertThat(app.businessHours().specialDays(owner, business, TUESDAY, TUESDAY))
                .hasSize(1);
    }

    @Test
    void a_calendar_reads_a_whole_period_at_once_in_start_order_and_only_its_own_businesss() {
        for (String time : List.of("16:00", "09:00", "11:00", "15:00", "10:00", "12:00")) {
            app.bookAppointment()
                    .book(booking(owner, tuesdayAt(time), "+34600111" + time.substring(0, 2) + "0", Optional.empty()));
        }
        CalendarFilter tuesday = CalendarFilter.period(business, new TimeRange(tuesdayAt("00:00"), tuesdayAt("23:00")));

        List<AppointmentDetails> all = app.appointments().all(owner, tuesday);

        assertThat(all)
                .extracting(a -> a.appointment().start())
                .containsExactly(
                        tuesdayAt("09:00"),
                        tuesdayAt("10:00"),
                        tuesdayAt("11:00"),
                        tuesdayAt("12:00"),
                        tuesdayAt("15:00"),
                        tuesdayAt("16:00"));
        assertThat(all).allSatisfy(a -> assertThat(a.serviceName()).isEqualTo("Cut"));
        var stranger = Actor.member(app.registerAccount()
                .register(RegistrationAndLoginTest.command("other@example.com", "Other"))
                .userId());
        assertThatThrownBy(() -> app.appointments().all(stranger, tuesday)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void another_businesss_member_sees_nothing_of_this_one() {
        var stranger = Actor.member(app.registerAccount()
                .register(RegistrationAndLoginTest.command("other@example.com", "Other"))
                .userId());
        var booked = app.bookAppointment().book(booking(owner, tuesdayAt("10:00"), "+34600111222", Optional.empty()));

        assertThatThrownBy(() -> tuesdaySlots(stranger)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> app.bookAppointment()
                        .book(booking(stranger, tuesdayAt("11:00"), "+34600111222", Optional.empty())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> listed(stranger, tuesdayAt("00:00"), tuesdayAt("23:00")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> app.changeAppointment()
                        .cancel((Actor.Member) stranger, booked.appointment().id(), ""))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> createService(stranger, business, "Sneaky", 30, true))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_viewer_reads_but_does_not_book() {
        Actor viewer = join(Role.VIEWER);

        assertThat(tuesdaySlots(viewer)).isNotEmpty();
        assertThatThrownBy(() -> app.bookAppointment()
                        .book(booking(viewer, tuesdayAt("10:00"), "+34600111222", Optional.empty())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> createService(viewer, business, "Nope", 30, true))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void staff_book_for_themselves_only_and_manage_only_their_own_days() {
        Actor staff = join(Role.STAFF);
        UserId staffUser = ((Actor.Member) staff).userId();
        Provider own =
                new Provider(ProviderId.random(), business, Optional.of(staffUser), "Bea", Optional.empty(), true);
        ports.providers().add(own);
        ProviderId ownerProvider =
                ports.providers().findByBusiness(business).get(0).id();

        var booked = app.bookAppointment().book(booking(staff, tuesdayAt("10:00"), "+34600111222", Optional.empty()));
        assertThat(booked.appointment().providerId()).isEqualTo(own.id());

        var forSomeoneElse = BookAppointmentUseCase.Command.builder(
                        staff,
                        business,
                        cut.id(),
                        tuesdayAt("11:00"),
                        new BookAppointmentUseCase.ClientDetails(
                                "Carmen", Optional.of("+34600111222"), Optional.empty()),
                        BookingSource.DASHBOARD)
                .provider(Optional.of(ownerProvider))
                .build();
        assertThatThrownBy(() -> app.bookAppointment().book(forSomeoneElse)).isInstanceOf(ForbiddenException.class);

        app.businessHours()
                .saveSpecialDay(staff, business, new SpecialDay(Optional.of(own.id()), TUESDAY, List.of(), "off"));
        assertThatThrownBy(() -> app.businessHours().saveSpecialDay(staff, business, SpecialDay.closure(TUESDAY, "")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> app.businessHours()
                        .saveSpecialDay(
                                staff, business, new SpecialDay(Optional.of(ownerProvider), TUESDAY, List.of(), "")))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void a_voice_caller_books_only_voice_services_and_the_source_is_the_channel() {
        Actor caller = new Actor.Caller(BookingSource.VOICE);
        Service colour = createService(owner, business, "Colour", 60, false);

        var booked = app.bookAppointment().book(booking(caller, tuesdayAt("10:00"), "+34600111222", Optional.empty()));
        assertThat(booked.appointment().source()).isEqualTo(BookingSource.VOICE);

        var byVoice = BookAppointmentUseCase.Command.builder(
                        caller,
                        business,
                        colour.id(),
                        tuesdayAt("16:00"),
                        new BookAppointmentUseCase.ClientDetails(
                                "Carmen", Optional.of("+34600111222"), Optional.empty()),
                        BookingSource.DASHBOARD)
                .build();
        assertThatThrownBy(() -> app.bookAppointment().book(byVoice))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_NOT_BOOKABLE_BY_VOICE));
        assertThat(app.listServices().list(caller, business, true))
                .extracting(Service::name)
                .containsExactly("Cut");
    }

    @Test
    void many_clients_racing_for_one_slot_with_any_provider_fill_each_provider_once() throws Exception {
        ports.providers()
                .add(new Provider(ProviderId.random(), business, Optional.empty(), "Bea", Optional.empty(), true));
        int racers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String phone = "+3460011%04d".formatted(i);
            Callable<Boolean> attempt = () -> {
                start.await();
                try {
                    app.bookAppointment().book(booking(owner, tuesdayAt("10:00"), phone, Optional.empty()));
                    return true;
                } catch (BookingRefusedException e) {
                    assertThat(e.reason()).isEqualTo(RefusalReason.SLOT_TAKEN);
                    return false;
                }
            };
            outcomes.add(pool.submit(attempt));
        }
        start.countDown();
        int booked = 0;
        for (Future<Boolean> outcome : outcomes) {
            booked += outcome.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(booked).isEqualTo(2);
        assertThat(listed(owner, tuesdayAt("00:00"), tuesdayAt("23:00")))
                .extracting(d -> d.appointment().providerId())
                .doesNotHaveDuplicates()
                .hasSize(2);
    }

    @Test
    void an_inactive_service_cannot_be_booked() {
        Service retired = TestData.newService(business, "Retired", 30).deactivated();
        ports.services().add(retired);
        var command = BookAppointmentUseCase.Command.builder(
                        owner,
                        business,
                        retired.id(),
                        tuesdayAt("10:00"),
                        new BookAppointmentUseCase.ClientDetails(
                                "Carmen", Optional.of("+34600111222"), Optional.empty()),
                        BookingSource.DASHBOARD)
                .build();

        assertThatThrownBy(() -> app.bookAppointment().book(command))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_INACTIVE));
    }

    private Actor join(Role role) {
        UserId user = app.registerAccount()
                .register(RegistrationAndLoginTest.command(role.code() + "@example.com", role.code() + " own shop"))
                .userId();
        ports.memberships().add(new Membership(business, user, role));
        return Actor.member(user);
    }

    @Test
    void a_key_reused_for_another_time_after_a_cancellation_is_still_a_reuse() {
        var first = app.bookAppointment().book(booking(owner, tuesdayAt("10:00"), "+34600111222", Optional.of("k-2")));
        app.changeAppointment().cancel((Actor.Member) owner, first.appointment().id(), "moved on");

        assertThatThrownBy(() -> app.bookAppointment()
                        .book(booking(owner, tuesdayAt("12:00"), "+34600111222", Optional.of("k-2"))))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED));
    }

    @Test
    void cancelling_from_a_stale_read_is_refused_not_overwritten() {
        var booked = app.bookAppointment().book(booking(owner, tuesdayAt("10:00"), "+34600111222", Optional.empty()));
        Appointment stale = booked.appointment();
        Appointment cancelled = app.changeAppointment()
                .cancel((Actor.Member) owner, stale.id(), "first")
                .appointment();

        assertThatThrownBy(() -> ports.appointments()
                        .update(stale, stale.cancel(CancelledBy.BUSINESS, "second", Duration.ZERO, CLOCK.instant())))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(cancelled.cancellation())
                .hasValueSatisfying(c -> assertThat(c.reason()).isEqualTo("first"));
    }

    @Test
    void a_rescheduled_appointment_keeps_its_id_frees_its_old_time_and_may_overlap_itself() {
        var booked = app.bookAppointment().book(booking(owner, tuesdayAt("10:00"), "+34600111222", Optional.empty()));

        // 10:15 overlaps the appointment's own 10:00-10:40: its own time does not stand in its way
        AppointmentDetails moved = app.changeAppointment()
                .reschedule((Actor.Member) owner, booked.appointment().id(), tuesdayAt("10:15"), Optional.empty());

        assertThat(moved.appointment().id()).isEqualTo(booked.appointment().id());
        assertThat(moved.appointment().start()).isEqualTo(tuesdayAt("10:15"));
        assertThat(moved.appointment().blocked().end()).isEqualTo(tuesdayAt("10:55"));
        assertThat(tuesdaySlots(owner))
                .extracting(AvailableSlot::start)
                .contains(tuesdayAt("09:30"))
                .doesNotContain(tuesdayAt("10:15"));
        assertThat(listed(owner, tuesdayAt("00:00"), tuesdayAt("23:00"))).singleElement();
    }

    @Test
    void a_move_onto_a_taken_time_is_refused_with_alternatives_and_changes_nothing() {
        var first = app.bookAppointment().book(booking(owner, tuesdayAt("10:00"), "+34600111222", Optional.empty()));
        var second = app.bookAppointment().book(booking(owner, tuesdayAt("12:00"), "+34600333444", Optional.empty()));

        assertThatThrownBy(() -> app.changeAppointment()
                        .reschedule(
                                (Actor.Member) owner, second.appointment().id(), tuesdayAt("10:15"), Optional.empty()))
                .isInstanceOfSatisfying(BookingRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RefusalReason.SLOT_TAKEN);
                    // 12:00 is the moving appointment's own time: it may be offered back
                    assertThat(e.alternatives()).isNotEmpty();
                });
        assertThat(app.appointments().get(owner, second.appointment().id()).appointment())
                .isEqualTo(second.appointment());
        assertThat(app.appointments().get(owner, first.appointment().id()).appointment())
                .isEqualTo(first.appointment());
    }

    @Test
    void a_cancelled_appointment_cannot_be_moved_completed_or_marked_no_show() {
        var booked = app.bookAppointment().book(booking(owner, tuesdayAt("10:00"), "+34600111222", Optional.empty()));
        var id = booked.appointment().id();
        app.changeAppointment().cancel((Actor.Member) owner, id, "");
        UseCases afterwards = Interactors.create(ports, Clock.fixed(tuesdayAt("11:00"), ZoneOffset.UTC));

        assertThatThrownBy(() -> app.changeAppointment()
                        .reschedule((Actor.Member) owner, id, tuesdayAt("12:00"), Optional.empty()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION));
        assertThatThrownBy(() -> afterwards.changeAppointment().complete((Actor.Member) owner, id))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION));
        assertThatThrownBy(() -> afterwards.changeAppointment().markNoShow((Actor.Member) owner, id))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION));
    }

    @Test
    void an_appointment_is_completed_or_a_no_show_once_it_has_started() {
        var kept = app.bookAppointment().book(booking(owner, tuesdayAt("10:00"), "+34600111222", Optional.empty()));
        var missed = app.bookAppointment().book(booking(owner, tuesdayAt("11:00"), "+34600333444", Optional.empty()));

        assertThatThrownBy(() -> app.changeAppointment()
                        .complete((Actor.Member) owner, kept.appointment().id()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION));
        UseCases afternoon = Interactors.create(ports, Clock.fixed(tuesdayAt("15:00"), ZoneOffset.UTC));
        afternoon
                .changeAppointment()
                .complete((Actor.Member) owner, kept.appointment().id());
        afternoon
                .changeAppointment()
                .markNoShow((Actor.Member) owner, missed.appointment().id());

        Page<AppointmentDetails> noShows = app.appointments()
                .list(
                        owner,
                        new CalendarFilter(
                                business,
                                new TimeRange(tuesdayAt("00:00"), tuesdayAt("23:00")),
                                Set.of(AppointmentStatus.NO_SHOW),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()),
                        Page.Request.first(10));
        assertThat(noShows.items())
                .singleElement()
                .satisfies(d -> assertThat(d.appointment().id())
                        .isEqualTo(missed.appointment().id()));
        assertThat(app.appointments()
                        .get(owner, kept.appointment().id())
                        .appointment()
                        .status())
                .isEqualTo(AppointmentStatus.COMPLETED);
    }

    @Test
    void the_calendar_pages_without_skipping_or_repeating() {
        for (String time : List.of("09:00", "10:00", "11:00", "12:00", "15:00")) {
            app.bookAppointment()
                    .book(booking(owner, tuesdayAt(time), "+3460011" + time.replace(":", ""), Optional.empty()));
        }
        List<Instant> starts = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<AppointmentDetails> page = app.appointments()
                    .list(
                            owner,
                            CalendarFilter.period(business, new TimeRange(tuesdayAt("00:00"), tuesdayAt("23:00"))),
                            new Page.Request(2, cursor));
            page.items().forEach(d -> starts.add(d.appointment().start()));
            cursor = page.next();
        } while (cursor.isPresent());

        assertThat(starts).hasSize(5).isSorted().doesNotHaveDuplicates();
        assertThatThrownBy(() -> app.appointments()
                        .list(
                                owner,
                                CalendarFilter.period(business, new TimeRange(tuesdayAt("00:00"), tuesdayAt("23:00"))),
                                new Page.Request(2, Optional.of("not-a-cursor"))))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }
}
