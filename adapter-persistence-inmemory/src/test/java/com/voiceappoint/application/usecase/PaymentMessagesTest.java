package com.voiceappoint.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.adapter.inmemory.InMemoryAdapters;
import com.voiceappoint.adapter.inmemory.InMemoryPersistence;
import com.voiceappoint.application.fakes.RecordedMessages;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.CreateServiceUseCase;
import com.voiceappoint.application.port.in.DeliverNotificationUseCase.Attempt;
import com.voiceappoint.application.port.in.NotificationsUseCase;
import com.voiceappoint.application.port.in.PaymentEventsUseCase;
import com.voiceappoint.application.port.in.PaymentEventsUseCase.Outcome;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.in.VoiceCaller;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase.VoiceConfiguration;
import com.voiceappoint.application.port.in.VoiceToolsUseCase;
import com.voiceappoint.application.port.out.AllowanceStore;
import com.voiceappoint.application.port.out.Message;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.notification.Channel;
import com.voiceappoint.domain.notification.DeliveryStatus;
import com.voiceappoint.domain.notification.MessageKind;
import com.voiceappoint.domain.notification.Notification;
import com.voiceappoint.domain.notification.QuietHours;
import com.voiceappoint.domain.payment.Payment;
import com.voiceappoint.domain.payment.PaymentSettings;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Money;
import com.voiceappoint.domain.voice.VoiceSettings;
import com.voiceappoint.testkit.RecordingPaymentGateway;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The messages about a client's money: a booking kept for its deposit sends the client the link to pay it at once, on
 * every channel they gave, whatever the hour and the business's channels; the request is not sent once nothing is
 * owed; and a payment that came after its time went to someone else, refunded in full, is explained to the client
 * and told to the staff.
 */
class PaymentMessagesTest {
    private static final Instant TUESDAY_TEN = Salon.TUESDAY_TEN;
    private static final String ACCOUNT = "acct_lola";
    private static final String PUBLIC_URL = "https://book.example";
    private static final String PHONE = "+34600111222";
    private static final String EMAIL = "carmen@example.com";

    private final InMemoryPersistence stores = InMemoryPersistence.create();
    private final RecordedMessages messages = new RecordedMessages();
    private final RecordingPaymentGateway stripe = new RecordingPaymentGateway();
    private final Salon salon = new Salon(
            InMemoryAdapters.create(stores, messages).takingPaymentsThrough(stripe, Optional.of(PUBLIC_URL), 0));
    private final UseCases app = salon.app;
    private final Service colour = app.createService()
            .create(CreateServiceUseCase.Command.builder(
                            salon.owner, salon.business, "Colour", 60, new BigDecimal("60.00"))
                    .deposit(Optional.of(new BigDecimal("15.00")))
                    .build());

    PaymentMessagesTest() {
        salon.ports.transactions().inTransaction(() -> {
            salon.ports
                    .payments()
                    .store()
                    .saveSettings(new PaymentSettings(
                            salon.business, Optional.of(ACCOUNT), true, Duration.ofMinutes(30), 50));
            return null;
        });
    }

    /** Carmen books the colour by phone with the voice assistant, giving her e-mail too. */
    private VoiceToolsUseCase.Booked bookByVoice(UseCases app, Instant start) {
        Business business = app.business().get(salon.owner, salon.business);
        VoiceCaller caller = new VoiceCaller(
                new VoiceConfiguration(business, VoiceSettings.none(salon.business)),
                Optional.of(new PhoneNumber(PHONE)),
                true,
                Optional.of(new PhoneNumber(PHONE)),
                false,
                Optional.empty(),
                "vapi");
        var answer = VoiceInteractors.tools(app, AllowanceStore.UNLIMITED)
                .book(
                        caller,
                        new VoiceToolsUseCase.BookAppointment(
                                colour, Optional.empty(), start, "Carmen", Optional.of(EMAIL), "", "tc-1", false));
        assertThat(answer).isInstanceOf(VoiceToolsUseCase.Booked.class);
        return (VoiceToolsUseCase.Booked) answer;
    }

    private Payment deposit(VoiceToolsUseCase.Booked booked) {
        return booked.deposit().orElseThrow().payment();
    }

    private List<Notification> planned(AppointmentId appointment) {
        return stores.notifications().list(salon.business, Optional.of(appointment), Optional.empty(), 50);
    }

    private List<String> plannedKinds(AppointmentId appointment) {
        return planned(appointment).stream()
                .map(n -> n.kind().code() + " " + n.channel().code() + " "
                        + n.status().name().toLowerCase())
                .toList();
    }

    private Notification planned(AppointmentId appointment, MessageKind kind, Channel channel) {
        return planned(appointment).stream()
                .filter(n -> n.kind() == kind && n.channel() == channel)
                .findFirst()
                .orElseThrow();
    }

    private Notification now(Notification n) {
        return stores.notifications().find(n.businessId(), n.id()).orElseThrow();
    }

    private PaymentEventsUseCase.CheckoutCompleted paid(String eventId, Payment payment) {
        return new PaymentEventsUseCase.CheckoutCompleted(
                eventId,
                Optional.of(ACCOUNT),
                "cs_unknown",
                Optional.of(payment.id()),
                Optional.of("pi_" + eventId),
                Optional.of(payment.amount()),
                true);
    }

    @Test
    void a_deposit_booking_by_voice_sends_the_link_to_pay_by_text_and_email_at_once_and_nothing_else_yet() {
        VoiceToolsUseCase.Booked booked = bookByVoice(app, TUESDAY_TEN);
        Payment deposit = deposit(booked);
        AppointmentId appointment = deposit.appointmentId();

        assertThat(plannedKinds(appointment))
                .containsExactlyInAnyOrder("payment_request sms queued", "payment_request email queued");
        List<Notification> due = stores.dueNotifications(Salon.CLOCK.instant());
        assertThat(due).extracting(Notification::kind).containsOnly(MessageKind.PAYMENT_REQUEST);
        assertThat(app.deliverNotification().deliverDue(salon.business, appointment))
                .isInstanceOf(Attempt.Done.class);

        assertThat(messages.sent())
                .containsExactlyInAnyOrder(
                        "sms payment_request es to " + PHONE, "email payment_request es to " + EMAIL);
        String slug = app.business().get(salon.owner, salon.business).slug().value();
        String link = PUBLIC_URL + "/" + slug + "/pay/" + deposit.id();
        for (Message message : messages.messages()) {
            assertThat(message.amount()).contains(Money.of("15.00", "EUR"));
            assertThat(message.payLink()).contains(link);
            assertThat(message.payBy().orElseThrow().toInstant())
                    .isEqualTo(deposit.payBy().orElseThrow())
                    .isEqualTo(booked.details().appointment().holdExpiresAt().orElseThrow());
            assertThat(message.payBy().orElseThrow().getZone()).hasToString("Europe/Madrid");
        }
        assertThat(messages.messages())
                .as("the e-mail also links to the appointment's manage page; the text has room for the payment only")
                .extracting(m -> m.manageLink().isPresent())
                .containsExactlyInAnyOrder(true, false);
        assertThat(planned(appointment)).extracting(Notification::status).containsOnly(DeliveryStatus.SENT);
        // what the voice assistant told the caller is now true
        assertThat(stripe.checkouts())
                .as("the link is our page, which opens Stripe's when followed")
                .isEmpty();
    }

    @Test
    void the_request_goes_at_night_and_whatever_channels_the_business_chose_for_its_other_messages() {
        app.notifications()
                .updateSettings(
                        salon.owner,
                        salon.business,
                        new NotificationsUseCase.SettingsChanges(
                                Optional.of(Map.of(MessageKind.REMINDER, Set.of(Channel.EMAIL))),
                                Optional.empty(),
                                Optional.of(Optional.of(new QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0)))),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()));
        // Monday 23:30 in Madrid: texts are quiet until 09:00
        Instant night = Instant.parse("2026-11-23T22:30:00Z");

        Payment deposit = deposit(bookByVoice(salon.at(night), TUESDAY_TEN));

        assertThat(planned(deposit.appointmentId(), MessageKind.PAYMENT_REQUEST, Channel.SMS)
                        .dueAt())
                .isEqualTo(night);
        assertThat(planned(deposit.appointmentId(), MessageKind.PAYMENT_REQUEST, Channel.EMAIL)
                        .dueAt())
                .isEqualTo(night);
        assertThatThrownBy(() -> app.notifications()
                        .updateSettings(
                                salon.owner,
                                salon.business,
                                new NotificationsUseCase.SettingsChanges(
                                        Optional.of(Map.of(MessageKind.PAYMENT_REQUEST, Set.of(Channel.EMAIL))),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty())))
                .as("not the business's to choose")
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("channels"));
    }

    @Test
    void a_request_still_waiting_when_the_deposit_is_paid_is_not_sent_and_the_confirmation_is() {
        Payment deposit = deposit(bookByVoice(app, TUESDAY_TEN));
        AppointmentId appointment = deposit.appointmentId();
        Notification text = planned(appointment, MessageKind.PAYMENT_REQUEST, Channel.SMS);

        assertThat(app.paymentEvents().apply(paid("evt_1", deposit))).isEqualTo(Outcome.APPLIED);
        assertThat(app.deliverNotification().deliver(salon.business, text.id())).isInstanceOf(Attempt.Done.class);

        assertThat(now(text).status()).isEqualTo(DeliveryStatus.SKIPPED);
        assertThat(now(text).detail()).contains("the appointment was confirmed before this went out");
        assertThat(plannedKinds(appointment))
                .contains("confirmed sms queued", "confirmed email queued", "staff_new_booking email queued");
        app.deliverNotification().deliverDue(salon.business, appointment);
        assertThat(messages.sent())
                .noneMatch(line -> line.contains("payment_request"))
                .contains("sms confirmed es to " + PHONE);
    }

    @Test
    void a_request_whose_deposit_is_no_longer_open_is_not_sent() {
        Payment deposit = deposit(bookByVoice(app, TUESDAY_TEN));
        Notification email = planned(deposit.appointmentId(), MessageKind.PAYMENT_REQUEST, Channel.EMAIL);
        // closed behind the appointment's back (a lapse racing the sender), the appointment not yet released
        salon.ports
                .transactions()
                .inTransaction(() -> salon.ports
                        .payments()
                        .store()
                        .markCancelled(salon.business, deposit.id(), Salon.CLOCK.instant()));

        app.deliverNotification().deliver(salon.business, email.id());

        assertThat(now(email).status()).isEqualTo(DeliveryStatus.SKIPPED);
        assertThat(now(email).detail()).contains("the deposit was paid or closed before this went out");
        assertThat(messages.sent()).isEmpty();
    }

    @Test
    void a_request_retried_past_its_deadline_is_not_sent() {
        Payment deposit = deposit(bookByVoice(app, TUESDAY_TEN));
        Notification text = planned(deposit.appointmentId(), MessageKind.PAYMENT_REQUEST, Channel.SMS);
        UseCases atTheDeadline = salon.at(deposit.payBy().orElseThrow());

        // the sweep has not released the time yet: the payment's own deadline says it is too late
        atTheDeadline.deliverNotification().deliver(salon.business, text.id());

        assertThat(now(text).status()).isEqualTo(DeliveryStatus.SKIPPED);
        assertThat(now(text).detail()).contains("the time to pay had run out before this went out");
        assertThat(messages.sent()).isEmpty();
    }

    @Test
    void a_payment_after_its_time_went_to_someone_else_is_refunded_and_the_client_and_staff_are_told_once() {
        Payment deposit = deposit(bookByVoice(app, TUESDAY_TEN));
        AppointmentId appointment = deposit.appointmentId();
        Instant later = deposit.payBy().orElseThrow().plusSeconds(5);
        UseCases afterDeadline = salon.at(later);
        afterDeadline
                .bookAppointment()
                .book(BookAppointmentUseCase.Command.builder(
                                salon.owner,
                                salon.business,
                                colour.id(),
                                TUESDAY_TEN,
                                new BookAppointmentUseCase.ClientDetails(
                                        "Pepa", Optional.of("+34600999888"), Optional.empty()),
                                BookingSource.DASHBOARD)
                        .build());

        assertThat(afterDeadline.paymentEvents().apply(paid("evt_late", deposit)))
                .isEqualTo(Outcome.APPLIED);
        assertThat(afterDeadline.paymentEvents().apply(paid("evt_late", deposit)))
                .isEqualTo(Outcome.ALREADY_APPLIED);

        assertThat(stripe.refunds())
                .singleElement()
                .satisfies(r -> assertThat(r.amount()).isEqualTo(deposit.amount()));
        assertThat(plannedKinds(appointment))
                .containsExactlyInAnyOrder(
                        "payment_request sms queued",
                        "payment_request email queued",
                        "payment_refunded sms queued",
                        "payment_refunded email queued",
                        "staff_payment_refunded email queued");
        UseCases delivering = Interactors.create(
                InMemoryAdapters.create(stores, messages).takingPaymentsThrough(stripe, Optional.of(PUBLIC_URL), 0),
                Clock.fixed(later, ZoneOffset.UTC));
        delivering.deliverNotification().deliverDue(salon.business, appointment);

        assertThat(messages.sent())
                .containsExactlyInAnyOrder(
                        "sms payment_refunded es to " + PHONE,
                        "email payment_refunded es to " + EMAIL,
                        "email staff_payment_refunded es to lola@example.com");
        assertThat(messages.messages()).allSatisfy(message -> {
            assertThat(message.amount()).contains(Money.of("15.00", "EUR"));
            assertThat(message.manageLink()).as("nothing left to manage").isEmpty();
            assertThat(message.payLink()).isEmpty();
            assertThat(message.serviceName()).isEqualTo("Colour");
        });
        assertThat(planned(appointment))
                .filteredOn(n -> n.kind() == MessageKind.PAYMENT_REQUEST)
                .extracting(n -> now(n).detail().orElseThrow())
                .containsOnly("the appointment was expired before this went out");
        assertThat(stores.notifications()
                        .find(
                                salon.business,
                                planned(appointment, MessageKind.PAYMENT_REFUNDED, Channel.SMS)
                                        .id())
                        .orElseThrow()
                        .status())
                .isEqualTo(DeliveryStatus.SENT);
        assertThat(salon.ports
                        .appointments()
                        .findById(Set.of(salon.business), appointment)
                        .orElseThrow()
                        .status())
                .isEqualTo(AppointmentStatus.EXPIRED);
    }
}
