package com.voiceappoint.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.adapter.inmemory.InMemoryAdapters;
import com.voiceappoint.adapter.inmemory.InMemoryPersistence;
import com.voiceappoint.application.error.ForbiddenException;
import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.fakes.RecordedMessages;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.DeliverNotificationUseCase.Attempt;
import com.voiceappoint.application.port.in.NotificationsUseCase;
import com.voiceappoint.application.port.in.Page;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.out.Delivery;
import com.voiceappoint.application.port.out.Message;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.notification.Channel;
import com.voiceappoint.domain.notification.DeliveryStatus;
import com.voiceappoint.domain.notification.MessageKind;
import com.voiceappoint.domain.notification.Notification;
import com.voiceappoint.domain.shared.Language;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Sending what was planned: once, to whom it concerns, in their language, with a manage link that works; a refusal
 * for good is recorded and never retried, a passing failure is retried with backoff, nothing configured is recorded
 * as not sent, and a message whose sender died mid-send is not sent again.
 */
class NotificationDeliveryTest {
    /** Monday 23 November 2026, 09:00 in Madrid. */
    private static final Instant NOW = Salon.CLOCK.instant();

    private static final Instant TUESDAY_TEN = Salon.TUESDAY_TEN;

    private final InMemoryPersistence stores = InMemoryPersistence.create();
    private final RecordedMessages messages = new RecordedMessages();
    private final Salon salon = new Salon(InMemoryAdapters.create(stores, messages));
    private final UseCases app = salon.app;
    private final Actor owner = salon.owner;
    private final BusinessId business = salon.business;
    private final Service cut = salon.service("Corte");

    private AppointmentDetails book(Optional<String> phone, Optional<String> email) {
        return book(phone, email, TUESDAY_TEN);
    }

    private AppointmentDetails book(Optional<String> phone, Optional<String> email, Instant start) {
        return app.bookAppointment()
                .book(BookAppointmentUseCase.Command.builder(
                                owner,
                                business,
                                cut.id(),
                                start,
                                new BookAppointmentUseCase.ClientDetails("Carmen", phone, email),
                                BookingSource.VOICE)
                        .build())
                .details();
    }

    private List<Notification> due() {
        return stores.dueNotifications(NOW);
    }

    private Notification due(MessageKind kind, String channel) {
        return due().stream()
                .filter(n -> n.kind() == kind && n.channel().code().equals(channel))
                .findFirst()
                .orElseThrow();
    }

    private Attempt deliver(Notification n) {
        return app.deliverNotification().deliver(n.businessId(), n.id());
    }

    private Notification now(Notification n) {
        return stores.notifications().find(n.businessId(), n.id()).orElseThrow();
    }

    @Test
    void a_voice_booking_is_confirmed_to_the_client_with_a_working_manage_link_and_told_to_the_owner() {
        book(Optional.of("+34600111222"), Optional.of("carmen@example.com"));

        for (Notification n : due()) {
            assertThat(deliver(n)).isInstanceOf(Attempt.Done.class);
        }

        assertThat(messages.sent())
                .containsExactlyInAnyOrder(
                        "email confirmed es to carmen@example.com",
                        "sms confirmed es to +34600111222",
                        "email staff_new_booking es to lola@example.com");
        Message confirmation = messages.messages().stream()
                .filter(m -> m.kind() == MessageKind.CONFIRMED)
                .findFirst()
                .orElseThrow();
        assertThat(confirmation.serviceName()).isEqualTo("Corte");
        assertThat(confirmation.language()).isEqualTo(Language.ES);
        assertThat(confirmation.start().toLocalTime()).hasToString("10:00");
        String link = confirmation.manageLink().orElseThrow();
        assertThat(link).startsWith(InMemoryAdapters.MANAGE_LINKS);
        assertThat(app.publicBooking()
                        .appointment(link.substring(InMemoryAdapters.MANAGE_LINKS.length()))
                        .details()
                        .appointment()
                        .start())
                .isEqualTo(TUESDAY_TEN);
        assertThat(due()).isEmpty();
        assertThat(app.notifications()
                        .deliveryLog(owner, business, Optional.empty(), Page.Request.first(50))
                        .items())
                .filteredOn(n -> n.status() == DeliveryStatus.SENT)
                .extracting(n -> n.recipient().orElseThrow())
                .contains("ca***@example.com", "+34***222");
    }

    @Test
    void a_message_delivered_twice_goes_out_once() {
        book(Optional.of("+34600111222"), Optional.empty());
        Notification sms = due(MessageKind.CONFIRMED, "sms");

        deliver(sms);
        deliver(sms);

        assertThat(messages.sent()).containsOnlyOnce("sms confirmed es to +34600111222");
    }

    @Test
    void a_refusal_for_good_is_recorded_and_not_retried_and_a_passing_failure_is_retried_then_given_up() {
        book(Optional.of("+34600111222"), Optional.of("carmen@example.com"));
        Notification sms = due(MessageKind.CONFIRMED, "sms");
        Notification email = due(MessageKind.CONFIRMED, "email");

        messages.answer(new Delivery.Refused("21211: not a valid phone number"));
        assertThat(deliver(sms)).isInstanceOf(Attempt.Done.class);
        assertThat(now(sms).status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(now(sms).detail()).contains("21211: not a valid phone number");

        messages.answer(new Delivery.Failed("connection refused"));
        assertThat(deliver(email)).isEqualTo(new Attempt.RetryAt(NOW.plus(Duration.ofMinutes(1))));
        assertThat(now(email).status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(now(email).detail()).contains("connection refused");
        for (int attempt = 2; attempt <= NotificationDeliveryInteractor.BACKOFF.size(); attempt++) {
            assertThat(deliver(email)).isInstanceOf(Attempt.RetryAt.class);
        }
        assertThat(deliver(email)).isInstanceOf(Attempt.Done.class);
        assertThat(now(email).status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(now(email).detail().orElseThrow()).startsWith("gave up after 6 attempts");
        assertThat(now(email).attempts()).isEqualTo(6);
    }

    @Test
    void with_no_channel_configured_a_message_is_recorded_as_not_sent_and_none_is_planned_where_there_is_no_address() {
        book(Optional.of("+34600111222"), Optional.empty());
        Notification sms = due(MessageKind.CONFIRMED, "sms");
        messages.answer(new Delivery.NotConfigured());

        deliver(sms);

        assertThat(now(sms).status()).isEqualTo(DeliveryStatus.SKIPPED);
        assertThat(now(sms).detail()).contains("not sent: no channel configured");
        assertThat(due())
                .as("no e-mail is planned for a client who gave no address; the staff's alert is")
                .noneMatch(n -> n.channel() == Channel.EMAIL && !n.kind().forStaff());
    }

    @Test
    void a_message_left_sending_by_a_sender_that_died_is_recorded_as_interrupted_and_not_sent_again() {
        book(Optional.of("+34600111222"), Optional.empty());
        Notification sms = due(MessageKind.CONFIRMED, "sms");
        stores.transactions().inTransaction(() -> stores.notifications().claim(business, sms.id(), NOW));

        assertThat(deliver(sms)).isInstanceOf(Attempt.Done.class);

        assertThat(messages.sent()).isEmpty();
        assertThat(now(sms).status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(now(sms).detail().orElseThrow()).startsWith("interrupted while sending");
    }

    @Test
    void a_deleted_business_s_messages_are_recorded_as_not_sent_not_retried_for_ever() {
        book(Optional.of("+34600111222"), Optional.empty());
        Notification sms = due(MessageKind.CONFIRMED, "sms");

        app.businesses().delete(owner, business);

        assertThat(deliver(sms)).isInstanceOf(Attempt.Done.class);
        assertThat(messages.sent()).isEmpty();
        assertThat(now(sms).status()).isEqualTo(DeliveryStatus.SKIPPED);
        assertThat(now(sms).detail()).contains("the business no longer takes appointments");
    }

    @Test
    void a_reminder_by_call_rings_the_client_while_the_business_is_open_and_waits_for_it_to_open_otherwise() {
        app.notifications()
                .updateSettings(
                        owner,
                        business,
                        new NotificationsUseCase.SettingsChanges(
                                Optional.of(Map.of(MessageKind.REMINDER, Set.of(Channel.CALL))),
                                Optional.of(List.of(24 * 60)),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()));
        AppointmentDetails booked = book(Optional.of("+34600111222"), Optional.empty());
        Notification call =
                stores
                        .notifications()
                        .list(business, Optional.of(booked.appointment().id()), Optional.empty(), 50)
                        .stream()
                        .filter(n -> n.channel() == Channel.CALL)
                        .findFirst()
                        .orElseThrow();
        // Monday 10:00 in Madrid, a day before Tuesday 10:00: the salon is open
        assertThat(call.dueAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));

        UseCases atTheTime = Interactors.create(
                InMemoryAdapters.create(stores, messages), Clock.fixed(call.dueAt(), ZoneOffset.UTC));
        assertThat(atTheTime.deliverNotification().deliver(business, call.id())).isInstanceOf(Attempt.Done.class);

        assertThat(now(call).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(messages.messages()).extracting(Message::kind).contains(MessageKind.REMINDER);
        UseCases atNight = Interactors.create(
                InMemoryAdapters.create(stores, messages),
                Clock.fixed(Instant.parse("2026-11-23T21:00:00Z"), ZoneOffset.UTC));
        AppointmentDetails late =
                book(Optional.of("+34600111333"), Optional.empty(), TUESDAY_TEN.plus(Duration.ofHours(2)));
        Notification lateCall =
                stores
                        .notifications()
                        .list(business, Optional.of(late.appointment().id()), Optional.empty(), 50)
                        .stream()
                        .filter(n -> n.channel() == Channel.CALL)
                        .findFirst()
                        .orElseThrow();
        // sent late, at 22:00 on Monday (a server was down), when the salon is closed: it rings at 09:00 on Tuesday
        assertThat(atNight.deliverNotification().deliver(business, lateCall.id()))
                .isEqualTo(new Attempt.RetryAt(Instant.parse("2026-11-24T08:00:00Z")));
        assertThat(now(lateCall).status()).isEqualTo(DeliveryStatus.QUEUED);
    }

    @Test
    void a_cancelled_appointment_s_reminders_are_withdrawn_and_never_sent() {
        AppointmentDetails booked = book(Optional.of("+34600111222"), Optional.empty());
        List<Notification> reminders =
                stores
                        .notifications()
                        .list(business, Optional.of(booked.appointment().id()), Optional.empty(), 50)
                        .stream()
                        .filter(n -> n.kind() == MessageKind.REMINDER)
                        .toList();
        assertThat(reminders).isNotEmpty();

        app.changeAppointment()
                .cancel((Actor.Member) owner, booked.appointment().id(), "closed");

        for (Notification reminder : reminders) {
            assertThat(now(reminder).status()).isEqualTo(DeliveryStatus.SKIPPED);
            deliver(reminder);
        }
        assertThat(messages.sent()).noneMatch(line -> line.contains("reminder"));
    }

    @Test
    void settings_are_changed_by_those_who_manage_the_business_only_and_never_across_businesses() {
        var other = app.registerAccount().register(RegistrationAndLoginTest.command("pepe@example.com", "Pepe"));
        Actor stranger = Actor.member(other.userId());
        var changes = new NotificationsUseCase.SettingsChanges(
                Optional.empty(),
                Optional.of(List.of(60)),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());

        assertThatThrownBy(() -> app.notifications().updateSettings(stranger, business, changes))
                .isInstanceOfAny(NotFoundException.class, ForbiddenException.class);
        assertThatThrownBy(() ->
                        app.notifications().deliveryLog(stranger, business, Optional.empty(), Page.Request.first(10)))
                .isInstanceOfAny(NotFoundException.class, ForbiddenException.class);
        assertThat(app.notifications().updateSettings(owner, business, changes).reminderLeads())
                .containsExactly(Duration.ofHours(1));
    }
}
