package com.voiceappoint.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.application.error.ConcurrentUpdateException;
import com.voiceappoint.application.error.DuplicateKeyException;
import com.voiceappoint.application.error.SlotAlreadyTakenException;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.AppointmentRepository.IdempotencyKey;
import com.voiceappoint.application.port.out.AppointmentRepository.KeyedBooking;
import com.voiceappoint.application.port.out.AppointmentRepository.StartCursor;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.appointment.CalendarFilter;
import com.voiceappoint.domain.appointment.CancelledBy;
import com.voiceappoint.domain.appointment.ManageCode;
import com.voiceappoint.domain.availability.Booking;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.client.Client;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.shared.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every implementation of the appointment port must do, the no-overlap guarantee first. */
public abstract class AppointmentRepositoryContract<A extends AppointmentRepository> {
    private static final Instant TEN = Instant.parse("2026-12-01T09:00:00Z");

    protected A appointments;
    protected TestData data;
    private TestData.Tenant tenant;
    private Service cut; // 30 minutes plus 10 minutes of clean-up
    private Client client;

    /**
     * The stores under test, made anew before each test, and the {@link TestData} that writes what they refer to
     * into the same database.
     */
    protected abstract A createAppointmentRepository();

    protected abstract TestData testData();

    @BeforeEach
    void setUpPorts() {
        appointments = createAppointmentRepository();
        data = testData();
        tenant = data.tenant();
        cut = data.service(tenant.id(), "Cut", 30);
        client = data.client(tenant.id());
    }

    private Appointment at(Instant start) {
        return TestData.appointment(cut, tenant.provider().id(), client.id(), start);
    }

    /** A caller's hold on {@code start}, made at {@code now}. */
    private Appointment heldAt(Instant start, Duration holdFor, Instant now) {
        return Appointment.held(
                AppointmentId.random(),
                cut,
                tenant.provider().id(),
                client.id(),
                start,
                holdFor,
                BookingSource.VOICE,
                now);
    }

    @Test
    void an_appointment_round_trips_and_is_only_found_within_its_business() {
        Appointment appointment = at(TEN);
        appointments.add(appointment, Optional.empty());

        assertThat(appointments.findById(List.of(tenant.id()), appointment.id()))
                .contains(appointment);
        assertThat(appointments.findById(List.of(data.tenant().id()), appointment.id()))
                .isEmpty();
        assertThat(appointments.findById(List.of(), appointment.id())).isEmpty();
    }

    @Test
    void an_overlapping_appointment_of_the_same_provider_is_refused_buffers_included() {
        appointments.add(at(TEN), Optional.empty());

        // 09:00-09:30 plus clean-up until 09:40: a 09:35 start collides with the clean-up
        assertThatThrownBy(() -> appointments.add(at(TEN.plus(Duration.ofMinutes(35))), Optional.empty()))
                .isInstanceOf(SlotAlreadyTakenException.class);
    }

    @Test
    void back_to_back_appointments_touch() {
        appointments.add(at(TEN), Optional.empty());

        assertThatCode(() -> appointments.add(at(TEN.plus(Duration.ofMinutes(40))), Optional.empty()))
                .doesNotThrowAnyException();
    }

    @Test
    void another_provider_may_take_the_same_time() {
        Provider bea = data.provider(tenant.id(), Optional.empty(), "Bea");
        appointments.add(at(TEN), Optional.empty());

        assertThatCode(() -> appointments.add(TestData.appointment(cut, bea.id(), client.id(), TEN), Optional.empty()))
                .doesNotThrowAnyException();
    }

    @Test
    void a_cancelled_appointment_frees_its_time() {
        Appointment appointment = at(TEN);
        appointments.add(appointment, Optional.empty());
        Appointment cancelled = appointment.cancel(CancelledBy.BUSINESS, "ill", Duration.ZERO, TEN.minusSeconds(3600));
        appointments.update(appointment, cancelled);

        assertThat(appointments.findById(List.of(tenant.id()), appointment.id()))
                .contains(cancelled);
        assertThatCode(() -> appointments.add(at(TEN), Optional.empty())).doesNotThrowAnyException();
    }

    @Test
    void a_move_onto_a_taken_time_is_refused_and_changes_nothing() {
        Appointment first = at(TEN);
        Appointment second = at(TEN.plus(Duration.ofHours(2)));
        appointments.add(first, Optional.empty());
        appointments.add(second, Optional.empty());
        Appointment moved = second.reschedule(
                TEN.plus(Duration.ofMinutes(15)),
                second.providerId(),
                Duration.ZERO,
                Duration.ofMinutes(10),
                false,
                Duration.ZERO,
                TEN.minus(Duration.ofDays(1)));

        assertThatThrownBy(() -> appointments.update(second, moved)).isInstanceOf(SlotAlreadyTakenException.class);
        assertThat(appointments.findById(List.of(tenant.id()), second.id())).contains(second);
    }

    @Test
    void an_idempotency_key_is_used_once_per_business() {
        Appointment first = at(TEN);
        appointments.add(first, Optional.of(new IdempotencyKey("call-123", "fingerprint-1")));

        assertThat(appointments.findByIdempotencyKey(tenant.id(), "call-123"))
                .contains(new KeyedBooking(first, "fingerprint-1"));
        assertThatThrownBy(() -> appointments.add(
                        at(TEN.plus(Duration.ofHours(3))), Optional.of(new IdempotencyKey("call-123", "other"))))
                .isInstanceOfSatisfying(
                        DuplicateKeyException.class,
                        e -> assertThat(e.key()).isEqualTo(DuplicateKeyException.Key.IDEMPOTENCY_KEY));
        assertThat(appointments.findByIdempotencyKey(data.tenant().id(), "call-123"))
                .isEmpty();
    }

    @Test
    void the_manage_codes_of_several_appointments_are_read_at_once() {
        Appointment first = at(TEN);
        Appointment second = at(TEN.plus(Duration.ofHours(1)));
        Appointment without = at(TEN.plus(Duration.ofHours(2)));
        for (Appointment a : List.of(first, second, without)) {
            appointments.add(a, Optional.empty());
        }
        appointments.issueManageCode(tenant.id(), first.id(), "111111");
        appointments.issueManageCode(tenant.id(), second.id(), "222222");

        assertThat(appointments.manageCodes(
                        tenant.id(), List.of(first.id(), second.id(), without.id(), AppointmentId.random())))
                .containsOnly(Map.entry(first.id(), "111111"), Map.entry(second.id(), "222222"));
        assertThat(appointments.manageCodes(tenant.id(), List.of())).isEmpty();
    }

    @Test
    void a_confirmed_hold_keeps_the_key_of_the_request_that_confirmed_it_once() {
        Appointment held = heldAt(TEN, Duration.ofMinutes(5), TEN.minus(Duration.ofDays(1)));
        Appointment other = at(TEN.plus(Duration.ofHours(3)));
        appointments.add(held, Optional.empty());
        appointments.add(other, Optional.of(new IdempotencyKey("taken-key", "f-0")));

        appointments.keepIdempotencyKey(tenant.id(), held.id(), new IdempotencyKey("call-9", "f-1"));
        appointments.keepIdempotencyKey(tenant.id(), held.id(), new IdempotencyKey("call-10", "f-2"));

        assertThat(appointments.findByIdempotencyKey(tenant.id(), "call-9")).contains(new KeyedBooking(held, "f-1"));
        assertThat(appointments.findByIdempotencyKey(tenant.id(), "call-10"))
                .as("the first key stays")
                .isEmpty();
        assertThat(appointments.findByIdempotencyKey(data.tenant().id(), "call-9"))
                .isEmpty();
        Appointment another = at(TEN.plus(Duration.ofHours(5)));
        appointments.add(another, Optional.empty());
        assertThatThrownBy(() -> appointments.keepIdempotencyKey(
                        tenant.id(), another.id(), new IdempotencyKey("taken-key", "f-3")))
                .isInstanceOfSatisfying(
                        DuplicateKeyException.class,
                        e -> assertThat(e.key()).isEqualTo(DuplicateKeyException.Key.IDEMPOTENCY_KEY));
    }

    @Test
    void the_same_request_is_found_live() {
        Appointment appointment = at(TEN);
        appointments.add(appointment, Optional.empty());

        assertThat(appointments.findLive(tenant.id(), client.id(), cut.id(), TEN))
                .contains(appointment);
        assertThat(appointments.findLive(tenant.id(), client.id(), cut.id(), TEN.plusSeconds(60)))
                .isEmpty();
    }

    @Test
    void blocking_appointments_are_found_by_their_blocked_range_and_listings_show_every_status() {
        Appointment live = at(TEN);
        Appointment cancelled = at(TEN.plus(Duration.ofHours(1)));
        appointments.add(live, Optional.empty());
        appointments.add(cancelled, Optional.empty());
        Appointment cancelledNow =
                cancelled.cancel(CancelledBy.CLIENT, "", Duration.ZERO, TEN.minus(Duration.ofDays(1)));
        appointments.update(cancelled, cancelledNow);

        // the clean-up buffer (09:30-09:40) is enough to be found
        TimeRange cleanUp = new TimeRange(TEN.plus(Duration.ofMinutes(35)), TEN.plus(Duration.ofMinutes(38)));
        assertThat(appointments.findBusy(tenant.id(), cleanUp))
                .containsExactly(new AppointmentRepository.BusyTime(
                        live.id(), live.providerId(), Booking.of(live), Optional.empty()));
        assertThat(appointments.search(
                        CalendarFilter.period(tenant.id(), new TimeRange(TEN, TEN.plus(Duration.ofHours(3)))),
                        Optional.empty(),
                        10))
                .containsExactly(live, cancelledNow);
        assertThat(appointments.findBusy(data.tenant().id(), cleanUp)).isEmpty();
    }

    @Test
    void a_hold_keeps_its_time_busy_until_it_lapses_and_is_found_until_expired() {
        Instant now = TEN.minus(Duration.ofDays(1));
        Appointment held = heldAt(TEN, Duration.ofMinutes(10), now);
        appointments.add(held, Optional.empty());
        TimeRange morning = new TimeRange(TEN, TEN.plus(Duration.ofHours(1)));

        AppointmentRepository.BusyTime busy =
                appointments.findBusy(tenant.id(), morning).get(0);
        assertThat(busy.appointment()).isEqualTo(held.id());
        assertThat(busy.lapsedAt(now.plus(Duration.ofMinutes(9)))).isFalse();
        assertThat(busy.lapsedAt(now.plus(Duration.ofMinutes(10)))).isTrue();

        appointments.expireLapsedHolds(tenant.id(), tenant.provider().id(), morning, now.plus(Duration.ofMinutes(10)));
        assertThat(appointments.findBusy(tenant.id(), morning)).isEmpty();
    }

    @Test
    void a_manage_token_opens_its_appointment_only_and_every_link_given_keeps_working() {
        Appointment appointment = at(TEN);
        Appointment other = at(TEN.plus(Duration.ofHours(2)));
        appointments.add(appointment, Optional.empty());
        appointments.add(other, Optional.empty());

        appointments.addManageToken(tenant.id(), appointment.id(), "hash-1");
        assertThat(appointments.findByManageToken("hash-1")).contains(appointment);
        appointments.addManageToken(tenant.id(), appointment.id(), "hash-2");

        // the page's link and the e-mail's both open it
        assertThat(appointments.findByManageToken("hash-1")).contains(appointment);
        assertThat(appointments.findByManageToken("hash-2")).contains(appointment);
        // another business cannot put a token on this appointment
        appointments.addManageToken(data.tenant().id(), other.id(), "hash-3");
        assertThat(appointments.findByManageToken("hash-3")).isEmpty();
    }

    @Test
    void a_manage_code_given_with_the_booking_is_kept_with_it_and_is_the_one_given_out() {
        Appointment appointment = at(TEN);
        appointments.add(appointment, Optional.empty(), Optional.of(new ManageCode("482913")));

        assertThat(appointments.manageCodes(tenant.id(), List.of(appointment.id())))
                .containsExactly(Map.entry(appointment.id(), "482913"));
        assertThat(appointments.issueManageCode(tenant.id(), appointment.id(), "123456"))
                .contains("482913");
    }

    @Test
    void a_manage_code_once_given_out_stays_and_belongs_to_its_business_only() {
        Appointment appointment = at(TEN);
        appointments.add(appointment, Optional.empty());
        BusinessId elsewhere = data.tenant().id();

        assertThat(appointments.manageCodes(tenant.id(), List.of(appointment.id())))
                .isEmpty();
        assertThat(appointments.issueManageCode(tenant.id(), appointment.id(), "123456"))
                .contains("123456");
        assertThat(appointments.issueManageCode(tenant.id(), appointment.id(), "654321"))
                .as("the first code given out is the one the client has")
                .contains("123456");
        assertThat(appointments.manageCodes(tenant.id(), List.of(appointment.id())))
                .containsExactly(Map.entry(appointment.id(), "123456"));

        assertThat(appointments.issueManageCode(elsewhere, appointment.id(), "111111"))
                .isEmpty();
        assertThat(appointments.manageCodes(elsewhere, List.of(appointment.id())))
                .isEmpty();
        assertThat(appointments.issueManageCode(tenant.id(), AppointmentId.random(), "111111"))
                .isEmpty();
    }

    @Test
    void the_same_request_finds_the_booking_before_a_hold_of_the_same_time() {
        Provider other = data.provider(tenant.id(), Optional.empty(), "Other");
        Appointment held = Appointment.held(
                AppointmentId.random(),
                cut,
                other.id(),
                client.id(),
                TEN,
                Duration.ofMinutes(5),
                BookingSource.VOICE,
                TEN.minus(Duration.ofDays(1)));
        appointments.add(held, Optional.empty());
        Appointment booked = at(TEN);
        appointments.add(booked, Optional.empty());

        assertThat(appointments.findLive(tenant.id(), client.id(), cut.id(), TEN))
                .contains(booked);
    }

    @Test
    void the_calendar_is_filtered_and_paged_by_start_then_id() {
        Provider other = data.provider(tenant.id(), Optional.empty(), "Other");
        Client otherClient = data.client(tenant.id());
        // three cancelled appointments at one start: only the id tells them apart, and pages must not skip or repeat
        List<Appointment> sameStart = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Appointment booked = at(TEN);
            appointments.add(booked, Optional.empty());
            Appointment cancelled =
                    booked.cancel(CancelledBy.BUSINESS, "", Duration.ZERO, TEN.minus(Duration.ofDays(1)));
            appointments.update(booked, cancelled);
            sameStart.add(cancelled);
        }
        Appointment live = at(TEN);
        appointments.add(live, Optional.empty());
        Appointment withOther = TestData.appointment(cut, other.id(), otherClient.id(), TEN.plus(Duration.ofHours(1)));
        appointments.add(withOther, Optional.empty());
        TimeRange day = new TimeRange(TEN.minus(Duration.ofHours(9)), TEN.plus(Duration.ofHours(15)));

        List<Appointment> all = new ArrayList<>();
        Optional<StartCursor> after = Optional.empty();
        do {
            List<Appointment> page = appointments.search(CalendarFilter.period(tenant.id(), day), after, 2);
            all.addAll(page);
            after = page.size() < 2
                    ? Optional.empty()
                    : Optional.of(
                            new StartCursor(page.get(1).start(), page.get(1).id()));
        } while (after.isPresent());
        assertThat(all).hasSize(5).doesNotHaveDuplicates().endsWith(withOther);
        assertThat(all.subList(0, 4)).containsExactlyInAnyOrderElementsOf(concat(sameStart, live));

        assertThat(search(new CalendarFilter(
                        tenant.id(),
                        day,
                        Set.of(AppointmentStatus.CONFIRMED),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())))
                .containsExactly(live, withOther);
        assertThat(search(new CalendarFilter(
                        tenant.id(), day, Set.of(), Optional.of(other.id()), Optional.empty(), Optional.empty())))
                .containsExactly(withOther);
        assertThat(search(new CalendarFilter(
                        tenant.id(), day, Set.of(), Optional.empty(), Optional.of(otherClient.id()), Optional.empty())))
                .containsExactly(withOther);
        assertThat(search(new CalendarFilter(
                        tenant.id(),
                        day,
                        Set.of(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(BookingSource.VOICE))))
                .isEmpty();
        // an appointment is listed on every day it overlaps, not only the day it starts
        assertThat(search(CalendarFilter.period(
                        tenant.id(),
                        new TimeRange(TEN.plus(Duration.ofMinutes(29)), TEN.plus(Duration.ofMinutes(30))))))
                .hasSize(4);
        assertThat(search(CalendarFilter.period(data.tenant().id(), day))).isEmpty();
    }

    private List<Appointment> search(CalendarFilter filter) {
        return appointments.search(filter, Optional.empty(), 50);
    }

    private static List<Appointment> concat(List<Appointment> some, Appointment one) {
        return Stream.concat(some.stream(), Stream.of(one)).toList();
    }

    @Test
    void a_lapsed_hold_blocks_until_expired_then_frees_the_time() {
        Instant heldAt = TEN.minus(Duration.ofDays(1));
        Appointment hold = heldAt(TEN, Duration.ofMinutes(5), heldAt);
        appointments.add(hold, Optional.empty());
        assertThatThrownBy(() -> appointments.add(at(TEN), Optional.empty()))
                .isInstanceOf(SlotAlreadyTakenException.class);

        Instant later = heldAt.plus(Duration.ofMinutes(6));
        List<Appointment> expired =
                appointments.expireLapsedHolds(tenant.id(), tenant.provider().id(), hold.blocked(), later);

        assertThat(expired).containsExactly(hold.expire(later));
        assertThat(appointments.findById(List.of(tenant.id()), hold.id())).contains(hold.expire(later));
        assertThatCode(() -> appointments.add(at(TEN), Optional.empty())).doesNotThrowAnyException();
    }

    @Test
    void lapsed_holds_are_found_oldest_first_until_expired_and_live_ones_never() {
        Instant heldAt = TEN.minus(Duration.ofDays(1));
        Appointment first = heldAt(TEN, Duration.ofMinutes(5), heldAt);
        Appointment second = heldAt(TEN.plus(Duration.ofHours(1)), Duration.ofMinutes(5), heldAt.plusSeconds(60));
        Appointment live = heldAt(TEN.plus(Duration.ofHours(2)), Duration.ofMinutes(30), heldAt);
        appointments.add(second, Optional.empty());
        appointments.add(first, Optional.empty());
        appointments.add(live, Optional.empty());
        Instant later = heldAt.plus(Duration.ofMinutes(10));

        // across businesses: other tests' holds may be there too
        assertThat(appointments.lapsedHolds(later, 1000))
                .filteredOn(a -> a.businessId().equals(tenant.id()))
                .containsExactly(first, second);
        assertThat(appointments.lapsedHolds(later, 1)).hasSize(1);
        appointments.update(first, first.expire(later));
        assertThat(appointments.lapsedHolds(later, 1000))
                .filteredOn(a -> a.businessId().equals(tenant.id()))
                .containsExactly(second);
    }

    @Test
    void a_time_kept_for_a_payment_lapses_at_its_deadline_as_a_hold_does() {
        Instant booked = TEN.minus(Duration.ofDays(1));
        Instant unpaidBy = booked.plus(Duration.ofMinutes(30));
        Instant payingBy = booked.plus(Duration.ofHours(2));
        Appointment unpaid = awaitingPaymentAt(TEN, unpaidBy, booked);
        Appointment paying = awaitingPaymentAt(TEN.plus(Duration.ofHours(1)), payingBy, booked);
        appointments.add(unpaid, Optional.empty());
        appointments.add(paying, Optional.empty());
        Instant later = booked.plus(Duration.ofMinutes(45));
        TimeRange morning = new TimeRange(TEN, TEN.plus(Duration.ofHours(2)));

        assertThat(appointments.findBusy(tenant.id(), morning))
                .containsExactlyInAnyOrder(
                        new AppointmentRepository.BusyTime(
                                unpaid.id(), unpaid.providerId(), Booking.of(unpaid), Optional.of(unpaidBy)),
                        new AppointmentRepository.BusyTime(
                                paying.id(), paying.providerId(), Booking.of(paying), Optional.of(payingBy)))
                .filteredOn(busy -> busy.lapsedAt(later))
                .extracting(AppointmentRepository.BusyTime::appointment)
                .containsExactly(unpaid.id());
        assertThat(appointments.lapsedHolds(later, 1000))
                .filteredOn(a -> a.businessId().equals(tenant.id()))
                .containsExactly(unpaid);
        assertThatThrownBy(() -> appointments.add(at(TEN), Optional.empty()))
                .as("lapsed, it keeps the time until expired")
                .isInstanceOf(SlotAlreadyTakenException.class);

        assertThat(appointments.expireLapsedHolds(tenant.id(), tenant.provider().id(), morning, later))
                .containsExactly(unpaid.expire(later));

        assertThat(appointments.findById(List.of(tenant.id()), unpaid.id())).contains(unpaid.expire(later));
        assertThat(appointments.findById(List.of(tenant.id()), paying.id())).contains(paying);
        assertThat(appointments.lapsedHolds(later, 1000))
                .filteredOn(a -> a.businessId().equals(tenant.id()))
                .isEmpty();
        assertThatCode(() -> appointments.add(at(TEN), Optional.empty())).doesNotThrowAnyException();
    }

    /** A time kept on {@code start} until {@code payBy} for its deposit, booked at {@code now}. */
    private Appointment awaitingPaymentAt(Instant start, Instant payBy, Instant now) {
        return Appointment.awaitingPayment(
                AppointmentId.random(),
                cut,
                tenant.provider().id(),
                client.id(),
                start,
                payBy,
                BookingSource.WEB,
                "",
                now);
    }

    @Test
    void a_live_hold_is_not_expired() {
        Appointment hold = Appointment.held(
                AppointmentId.random(),
                cut,
                tenant.provider().id(),
                client.id(),
                TEN,
                Duration.ofMinutes(5),
                BookingSource.VOICE,
                TEN.minus(Duration.ofDays(1)));
        appointments.add(hold, Optional.empty());

        assertThat(appointments.expireLapsedHolds(
                        tenant.id(), tenant.provider().id(), hold.blocked(), hold.createdAt()))
                .isEmpty();
        assertThat(appointments.findById(List.of(tenant.id()), hold.id())).contains(hold);
    }

    @Test
    void an_update_from_a_stale_read_is_refused_and_changes_nothing() {
        Appointment appointment = at(TEN);
        appointments.add(appointment, Optional.empty());
        Instant later = TEN.minus(Duration.ofDays(1));
        Appointment firstChange = appointment.cancel(CancelledBy.BUSINESS, "first", Duration.ZERO, later);
        appointments.update(appointment, firstChange);

        Appointment secondChange =
                appointment.cancel(CancelledBy.CLIENT, "second", Duration.ZERO, later.plusSeconds(1));

        assertThatThrownBy(() -> appointments.update(appointment, secondChange))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(appointments.findById(List.of(tenant.id()), appointment.id()))
                .contains(firstChange);
    }

    @Test
    void a_service_with_any_appointment_is_referenced() {
        Service beard = data.service(tenant.id(), "Beard", 15);
        assertThat(appointments.existsForService(tenant.id(), cut.id())).isFalse();

        appointments.add(at(TEN), Optional.empty());

        assertThat(appointments.existsForService(tenant.id(), cut.id())).isTrue();
        assertThat(appointments.existsForService(tenant.id(), beard.id())).isFalse();
    }
}
