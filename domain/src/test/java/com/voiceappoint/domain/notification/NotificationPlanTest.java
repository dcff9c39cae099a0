package com.voiceappoint.domain.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.appointment.CancelledBy;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.client.ClientId;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What each change of an appointment announces, and when: the rules, without a store. */
class NotificationPlanTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    /** Monday 7 December 2026, 10:00 in Madrid. */
    private static final Instant MONDAY = Instant.parse("2026-12-07T09:00:00Z");
    /** Wednesday 9 December 2026, 10:00 in Madrid. */
    private static final Instant WEDNESDAY_TEN = Instant.parse("2026-12-09T09:00:00Z");

    private static final Service CUT = new Service(
            ServiceId.random(),
            BusinessId.random(),
            Optional.empty(),
            "Cut",
            "",
            Duration.ofMinutes(30),
            Money.of("20", "EUR"),
            Duration.ZERO,
            Duration.ZERO,
            true,
            true,
            Set.of(),
            Optional.empty());

    private static Appointment booked(Instant start, BookingSource source) {
        return Appointment.confirmed(
                AppointmentId.random(), CUT, ProviderId.random(), ClientId.random(), start, source, "", MONDAY);
    }

    private static List<String> planned(NotificationPlan plan) {
        return plan.queued().stream()
                .map(n -> n.kind().code() + " " + n.channel().code() + " " + n.dueAt())
                .toList();
    }

    private static NotificationPlan plan(Optional<Appointment> before, Appointment after, Instant now) {
        return NotificationPlan.forChange(NotificationSettings.DEFAULT, MADRID, before, after, now);
    }

    @Test
    void a_booking_by_voice_is_confirmed_reminded_a_day_and_two_hours_before_and_told_to_the_staff() {
        NotificationPlan plan = plan(Optional.empty(), booked(WEDNESDAY_TEN, BookingSource.VOICE), MONDAY);

        assertThat(planned(plan))
                .containsExactlyInAnyOrder(
                        "confirmed email 2026-12-07T09:00:00Z",
                        "confirmed sms 2026-12-07T09:00:00Z",
                        "reminder email 2026-12-08T09:00:00Z",
                        "reminder sms 2026-12-08T09:00:00Z",
                        "reminder email 2026-12-09T07:00:00Z",
                        "reminder sms 2026-12-09T07:00:00Z",
                        "staff_new_booking email 2026-12-07T09:00:00Z");
        assertThat(plan.withdrawReminders()).isFalse();
    }

    @Test
    void staff_are_not_alerted_of_what_they_booked_and_a_reminder_inside_its_window_is_not_planned() {
        Appointment soon = booked(MONDAY.plus(Duration.ofHours(3)), BookingSource.DASHBOARD);

        assertThat(planned(plan(Optional.empty(), soon, MONDAY)))
                .containsExactlyInAnyOrder(
                        "confirmed email 2026-12-07T09:00:00Z",
                        "confirmed sms 2026-12-07T09:00:00Z",
                        "reminder email 2026-12-07T10:00:00Z",
                        "reminder sms 2026-12-07T10:00:00Z");
    }

    @Test
    void a_hold_is_no_ones_news_until_it_is_booked() {
        Appointment hold = Appointment.held(
                AppointmentId.random(),
                CUT,
                ProviderId.random(),
                ClientId.random(),
                WEDNESDAY_TEN,
                Duration.ofMinutes(5),
                BookingSource.VOICE,
                MONDAY);

        assertThat(NotificationPlan.mayAnnounce(Optional.empty(), hold)).isFalse();
        assertThat(plan(Optional.empty(), hold, MONDAY).empty()).isTrue();
        assertThat(plan(Optional.of(hold), hold.expire(MONDAY), MONDAY).empty()).isTrue();
        assertThat(planned(plan(Optional.of(hold), hold.confirm(MONDAY), MONDAY)))
                .contains("confirmed sms 2026-12-07T09:00:00Z");
    }

    @Test
    void a_move_tells_where_from_and_to_and_moves_the_reminders() {
        Appointment booked = booked(WEDNESDAY_TEN, BookingSource.WEB);
        Instant thursday = WEDNESDAY_TEN.plus(Duration.ofDays(1));
        Appointment moved = booked.reschedule(
                thursday, booked.providerId(), Duration.ZERO, Duration.ZERO, false, Duration.ZERO, MONDAY);

        NotificationPlan plan = plan(Optional.of(booked), moved, MONDAY);

        assertThat(plan.withdrawReminders()).isTrue();
        assertThat(planned(plan))
                .contains("moved email 2026-12-07T09:00:00Z", "reminder email 2026-12-09T09:00:00Z")
                .noneMatch(line -> line.startsWith("staff"));
        Notification move = plan.queued().stream()
                .filter(n -> n.kind() == MessageKind.MOVED)
                .findFirst()
                .orElseThrow();
        assertThat(NotificationPlan.movedFrom(move)).contains(WEDNESDAY_TEN);
    }

    @Test
    void a_cancellation_by_the_client_tells_the_staff_and_one_by_the_business_does_not() {
        Appointment booked = booked(WEDNESDAY_TEN, BookingSource.WEB);

        NotificationPlan byClient =
                plan(Optional.of(booked), booked.cancel(CancelledBy.CLIENT, "ill", Duration.ZERO, MONDAY), MONDAY);
        NotificationPlan byBusiness =
                plan(Optional.of(booked), booked.cancel(CancelledBy.BUSINESS, "closed", Duration.ZERO, MONDAY), MONDAY);

        assertThat(byClient.withdrawReminders()).isTrue();
        assertThat(planned(byClient)).contains("staff_cancellation email 2026-12-07T09:00:00Z");
        assertThat(planned(byBusiness))
                .containsExactlyInAnyOrder(
                        "cancelled email 2026-12-07T09:00:00Z", "cancelled sms 2026-12-07T09:00:00Z");
    }

    @Test
    void a_text_waits_out_quiet_hours_and_a_reminder_falling_in_them_goes_after_if_still_useful() {
        Instant sundayNight = Instant.parse("2026-12-06T22:30:00Z"); // 23:30 in Madrid
        Appointment earlyMonday = booked(Instant.parse("2026-12-07T08:30:00Z"), BookingSource.WEB); // 09:30

        assertThat(planned(plan(Optional.empty(), earlyMonday, sundayNight)))
                .contains(
                        "confirmed email 2026-12-06T22:30:00Z",
                        // 08:00 Madrid, when quiet hours end
                        "confirmed sms 2026-12-07T07:00:00Z",
                        // the two-hours-before reminder falls at 07:30: the e-mail then, the text at 08:00
                        "reminder email 2026-12-07T06:30:00Z",
                        "reminder sms 2026-12-07T07:00:00Z");
    }

    @Test
    void a_reminder_text_that_could_only_go_after_quiet_hours_and_the_appointment_goes_just_before_them() {
        QuietHours quiet = QuietHours.NIGHT;
        Instant due = Instant.parse("2026-12-08T05:00:00Z"); // 06:00 Madrid
        Instant start = Instant.parse("2026-12-08T06:30:00Z"); // 07:30 Madrid, before quiet hours end

        assertThat(quiet.sendTime(due, Optional.of(start), MONDAY, MADRID))
                .contains(Instant.parse("2026-12-07T19:59:00Z")); // 20:59 the evening before
        assertThat(quiet.sendTime(due, Optional.of(start), Instant.parse("2026-12-07T21:00:00Z"), MADRID))
                .as("booked after that evening: no text reminder at all")
                .isEmpty();
        assertThat(new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 0))
                        .contains(Instant.parse("2026-12-07T12:30:00Z"), MADRID))
                .as("quiet hours need not cross midnight")
                .isTrue();
    }

    @Test
    void settings_refuse_what_makes_no_sense_and_name_the_field() {
        assertThatThrownBy(() -> new NotificationSettings(
                        Map.of(MessageKind.STAFF_NEW_BOOKING, Set.of(Channel.SMS)),
                        List.of(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("channels"));
        for (List<Duration> leads : List.of(
                List.of(Duration.ofMinutes(5)),
                List.of(Duration.ofDays(15)),
                List.of(Duration.ofHours(1), Duration.ofHours(1)),
                List.of(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3), Duration.ofHours(4)))) {
            assertThatThrownBy(() -> new NotificationSettings(
                            Map.of(),
                            leads,
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty()))
                    .as(leads.toString())
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("reminderLeadMinutes"));
        }
    }

    private static Appointment awaitingDeposit(Instant now) {
        return Appointment.awaitingPayment(
                AppointmentId.random(),
                CUT,
                ProviderId.random(),
                ClientId.random(),
                WEDNESDAY_TEN,
                now.plus(Duration.ofMinutes(31)),
                BookingSource.VOICE,
                "",
                now);
    }

    @Test
    void a_booking_kept_for_its_deposit_asks_for_it_at_once_and_announces_nothing_else_yet() {
        Appointment pending = awaitingDeposit(MONDAY);

        assertThat(NotificationPlan.mayAnnounce(Optional.empty(), pending)).isTrue();
        NotificationPlan plan = plan(Optional.empty(), pending, MONDAY);

        assertThat(planned(plan))
                .containsExactlyInAnyOrder(
                        "payment_request email 2026-12-07T09:00:00Z", "payment_request sms 2026-12-07T09:00:00Z");
        assertThat(plan.withdrawReminders()).isFalse();
        assertThat(plan.queued()).extracting(Notification::occasion).containsOnly("");
    }

    @Test
    void a_hold_becoming_a_booking_kept_for_its_deposit_asks_for_it_and_later_changes_do_not_ask_again() {
        Appointment hold = Appointment.held(
                AppointmentId.random(),
                CUT,
                ProviderId.random(),
                ClientId.random(),
                WEDNESDAY_TEN,
                Duration.ofMinutes(5),
                BookingSource.VOICE,
                MONDAY);
        Appointment pending = hold.awaitPayment(MONDAY.plus(Duration.ofMinutes(31)), MONDAY);

        assertThat(NotificationPlan.mayAnnounce(Optional.of(hold), pending)).isTrue();
        assertThat(planned(plan(Optional.of(hold), pending, MONDAY)))
                .containsExactlyInAnyOrder(
                        "payment_request email 2026-12-07T09:00:00Z", "payment_request sms 2026-12-07T09:00:00Z");

        Appointment moved = pending.reschedule(
                WEDNESDAY_TEN.plus(Duration.ofHours(1)),
                pending.providerId(),
                Duration.ZERO,
                Duration.ZERO,
                true,
                Duration.ZERO,
                MONDAY);
        assertThat(NotificationPlan.mayAnnounce(Optional.of(pending), moved)).isFalse();
        assertThat(plan(Optional.of(pending), moved, MONDAY).empty()).isTrue();
        assertThat(plan(Optional.of(pending), pending.expire(MONDAY), MONDAY).empty())
                .isTrue();
        assertThat(plan(Optional.of(pending), pending.cancel(CancelledBy.CLIENT, "", Duration.ZERO, MONDAY), MONDAY)
                        .queued())
                .isEmpty();
        assertThat(planned(plan(Optional.of(pending), pending.confirmPaid(MONDAY), MONDAY)))
                .as("paid: booked as any other, and asked for nothing more")
                .contains("confirmed email 2026-12-07T09:00:00Z", "staff_new_booking email 2026-12-07T09:00:00Z")
                .noneMatch(line -> line.startsWith("payment_request"));
    }

    @Test
    void a_request_to_pay_goes_at_once_in_quiet_hours_and_whatever_channels_the_business_chose() {
        Instant sundayNight = Instant.parse("2026-12-06T22:30:00Z"); // 23:30 in Madrid, in quiet hours
        NotificationSettings nothingChosen = new NotificationSettings(
                Map.of(MessageKind.CONFIRMED, Set.of(Channel.EMAIL)),
                List.of(),
                Optional.of(QuietHours.NIGHT),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());

        NotificationPlan plan = NotificationPlan.forChange(
                nothingChosen, MADRID, Optional.empty(), awaitingDeposit(sundayNight), sundayNight);

        assertThat(planned(plan))
                .containsExactlyInAnyOrder(
                        "payment_request email 2026-12-06T22:30:00Z", "payment_request sms 2026-12-06T22:30:00Z");
        assertThat(nothingChosen.channels()).doesNotContainKeys(MessageKind.PAYMENT_REQUEST);
        assertThat(NotificationSettings.DEFAULT.channels())
                .as("settings list only what the business chooses")
                .doesNotContainKeys(
                        MessageKind.PAYMENT_REQUEST, MessageKind.PAYMENT_REFUNDED, MessageKind.STAFF_PAYMENT_REFUNDED);
        assertThat(nothingChosen.channelsFor(MessageKind.STAFF_PAYMENT_REFUNDED))
                .containsExactly(Channel.EMAIL);
    }

    @Test
    void payment_messages_have_no_channels_to_set_and_an_attempt_names_the_field() {
        for (MessageKind kind : List.of(
                MessageKind.PAYMENT_REQUEST, MessageKind.PAYMENT_REFUNDED, MessageKind.STAFF_PAYMENT_REFUNDED)) {
            assertThat(kind.configurable()).isFalse();
            assertThatThrownBy(() -> new NotificationSettings(
                            Map.of(kind, Set.of(Channel.EMAIL)),
                            List.of(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty()))
                    .as(kind.code())
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("channels"));
        }
        assertThat(new NotificationSettings(
                                Map.of(MessageKind.PAYMENT_REQUEST, Set.of()),
                                List.of(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty())
                        .channelsFor(MessageKind.PAYMENT_REQUEST))
                .as("listed with none, as a form listing every message may: still sent")
                .containsExactlyInAnyOrder(Channel.EMAIL, Channel.SMS);
    }

    @Test
    void a_late_payment_refunded_tells_the_client_and_the_staff_how_much_came_back() {
        Appointment expired = awaitingDeposit(MONDAY).expire(MONDAY);
        Instant sundayNight = Instant.parse("2026-12-06T22:30:00Z");

        NotificationPlan plan = NotificationPlan.latePaymentRefunded(
                NotificationSettings.DEFAULT, MADRID, expired, Money.of("18.50", "EUR"), sundayNight);

        assertThat(planned(plan))
                .as("the news keeps until morning for a text, as any other")
                .containsExactlyInAnyOrder(
                        "payment_refunded email 2026-12-06T22:30:00Z",
                        "payment_refunded sms 2026-12-07T07:00:00Z",
                        "staff_payment_refunded email 2026-12-06T22:30:00Z");
        assertThat(plan.withdrawReminders()).isFalse();
        assertThat(plan.queued())
                .allSatisfy(n -> assertThat(NotificationPlan.refundedAmount(n)).contains(Money.of("18.50", "EUR")));
        assertThat(plan.queued())
                .allSatisfy(n -> assertThat(NotificationPlan.movedFrom(n)).isEmpty());
    }
}
