package com.voiceappoint.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.adapter.inmemory.InMemoryAdapters;
import com.voiceappoint.adapter.inmemory.InMemoryPersistence;
import com.voiceappoint.application.fakes.RecordedMessages;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.PaymentEventsUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.in.VoiceCaller;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase.VoiceConfiguration;
import com.voiceappoint.application.port.in.VoiceToolsUseCase;
import com.voiceappoint.application.port.out.AllowanceStore;
import com.voiceappoint.application.port.out.Message;
import com.voiceappoint.application.port.out.PaymentGateway.ChargeOutcome;
import com.voiceappoint.application.port.out.PaymentGateway.OffSessionCharge;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.notification.Channel;
import com.voiceappoint.domain.notification.DeliveryStatus;
import com.voiceappoint.domain.notification.MessageKind;
import com.voiceappoint.domain.notification.Notification;
import com.voiceappoint.domain.payment.Payment;
import com.voiceappoint.domain.payment.PaymentKind;
import com.voiceappoint.domain.payment.PaymentSettings;
import com.voiceappoint.domain.payment.SavedCard;
import com.voiceappoint.domain.shared.Money;
import com.voiceappoint.domain.voice.VoiceSettings;
import com.voiceappoint.testkit.RecordingPaymentGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The messages about a no-show fee: a caller whose time waits for a card is sent the link to the card's page at once,
 * worded for a card; and a client whose saved card could not be charged the fee is sent the link to pay it on its
 * page, which is not sent once the fee is paid.
 */
class NoShowMessagesTest {
    private static final Instant TUESDAY_TEN = Salon.TUESDAY_TEN;
    private static final Instant MISSED = TUESDAY_TEN.plus(Duration.ofMinutes(20));
    private static final String ACCOUNT = "acct_lola";
    private static final String PUBLIC_URL = "https://book.example";
    private static final String PHONE = "+34600111222";
    private static final String EMAIL = "carmen@example.com";
    private static final Money FEE = Money.of("20.00", "EUR");

    private final InMemoryPersistence stores = InMemoryPersistence.create();
    private final RecordedMessages messages = new RecordedMessages();
    private final RecordingPaymentGateway stripe = new RecordingPaymentGateway();
    private final Salon salon = new Salon(
            InMemoryAdapters.create(stores, messages).takingPaymentsThrough(stripe, Optional.of(PUBLIC_URL), 0));
    private final UseCases app = salon.app;

    NoShowMessagesTest() {
        salon.ports.transactions().inTransaction(() -> {
            salon.ports
                    .payments()
                    .store()
                    .saveSettings(new PaymentSettings(
                            salon.business, Optional.of(ACCOUNT), true, Duration.ofMinutes(30), 50, Optional.of(FEE)));
            return null;
        });
    }

    /** Carmen books a cut by phone with the voice assistant, giving her e-mail too: the time waits for her card. */
    private VoiceToolsUseCase.Booked bookByVoice() {
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
                                salon.cut,
                                Optional.empty(),
                                TUESDAY_TEN,
                                "Carmen",
                                Optional.of(EMAIL),
                                "",
                                "tc-1",
                                false));
        assertThat(answer).isInstanceOf(VoiceToolsUseCase.Booked.class);
        return (VoiceToolsUseCase.Booked) answer;
    }

    private List<Notification> planned(AppointmentId appointment) {
        return stores.notifications().list(salon.business, Optional.of(appointment), Optional.empty(), 50);
    }

    private String slug() {
        return app.business().get(salon.owner, salon.business).slug().value();
    }

    @Test
    void a_caller_whose_time_waits_for_a_card_is_sent_the_card_s_page_at_once() {
        SavedCard card = bookByVoice().card().orElseThrow().card();
        AppointmentId appointment = card.appointmentId();

        app.deliverNotification().deliverDue(salon.business, appointment);

        assertThat(messages.sent())
                .containsExactlyInAnyOrder("sms card_request es to " + PHONE, "email card_request es to " + EMAIL);
        for (Message message : messages.messages()) {
            assertThat(message.amount()).contains(FEE);
            assertThat(message.payLink()).contains(PUBLIC_URL + "/" + slug() + "/card/" + card.id());
            assertThat(message.payBy().orElseThrow().toInstant()).isEqualTo(card.saveBy());
        }
        // logged as the request to keep the time that it is
        assertThat(planned(appointment))
                .extracting(n -> n.kind().code() + " " + n.status().name().toLowerCase())
                .containsOnly("payment_request sent");
        assertThat(stripe.cardSetups())
                .as("the link is our page, which opens Stripe's when followed")
                .isEmpty();
    }

    @Test
    void a_request_for_a_card_already_left_is_not_sent() {
        SavedCard card = bookByVoice().card().orElseThrow().card();
        // the card's page is opened (the client followed a link), and Stripe's news of the card arrives first
        app.publicBooking().card(salon.business, card.id());
        SavedCard opened = salon.ports
                .payments()
                .store()
                .findCard(salon.business, card.id())
                .orElseThrow();
        app.paymentEvents()
                .apply(new PaymentEventsUseCase.CheckoutCompleted(
                        "evt_card",
                        Optional.of(ACCOUNT),
                        opened.checkoutSession().orElseThrow(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        false,
                        Optional.of(card.id()),
                        Optional.of("cus_carmen"),
                        Optional.of("seti_carmen")));

        app.deliverNotification().deliverDue(salon.business, card.appointmentId());

        assertThat(messages.sent()).noneMatch(line -> line.contains("card_request"));
        assertThat(planned(card.appointmentId()))
                .filteredOn(n -> n.kind() == MessageKind.PAYMENT_REQUEST)
                .extracting(Notification::status)
                .containsOnly(DeliveryStatus.SKIPPED);
    }

    @Test
    void a_fee_the_card_could_not_pay_is_asked_of_the_client_with_its_page_once_and_not_once_paid() {
        SavedCard card = bookByVoice().card().orElseThrow().card();
        app.publicBooking().card(salon.business, card.id());
        SavedCard opened = salon.ports
                .payments()
                .store()
                .findCard(salon.business, card.id())
                .orElseThrow();
        app.paymentEvents()
                .apply(new PaymentEventsUseCase.CheckoutCompleted(
                        "evt_card",
                        Optional.of(ACCOUNT),
                        opened.checkoutSession().orElseThrow(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        false,
                        Optional.of(card.id()),
                        Optional.of("cus_carmen"),
                        Optional.of("seti_carmen")));
        stripe.chargesAnswer(new OffSessionCharge(
                ChargeOutcome.DECLINED, Optional.of("pi_declined"), "card_declined (insufficient_funds)"));
        UseCases missed = salon.at(MISSED);

        missed.changeAppointment().markNoShow((Actor.Member) salon.owner, card.appointmentId());

        Payment fee = salon.ports.payments().store().ofAppointment(salon.business, card.appointmentId()).stream()
                .filter(p -> p.kind() == PaymentKind.NO_SHOW_FEE)
                .findFirst()
                .orElseThrow();
        List<Notification> requests = planned(card.appointmentId()).stream()
                .filter(n -> n.kind() == MessageKind.NO_SHOW_FEE_REQUEST)
                .toList();
        assertThat(requests).extracting(Notification::channel).containsExactlyInAnyOrder(Channel.SMS, Channel.EMAIL);
        // the sweep asks nothing again, and plans nothing again
        salon.at(MISSED.plusSeconds(60)).paymentUpkeep().settle();
        assertThat(planned(card.appointmentId()))
                .filteredOn(n -> n.kind() == MessageKind.NO_SHOW_FEE_REQUEST)
                .hasSize(2);

        Notification text = requests.stream()
                .filter(n -> n.channel() == Channel.SMS)
                .findFirst()
                .orElseThrow();
        missed.deliverNotification().deliver(salon.business, text.id());
        assertThat(messages.sent()).contains("sms no_show_fee_request es to " + PHONE);
        Message sent = messages.messages().get(messages.messages().size() - 1);
        assertThat(sent.amount()).contains(FEE);
        assertThat(sent.payLink()).contains(PUBLIC_URL + "/" + slug() + "/pay/" + fee.id());
        assertThat(sent.payBy().orElseThrow().toInstant()).isEqualTo(fee.payBy().orElseThrow());
        assertThat(sent.manageLink()).isEmpty();

        // paid on its page before the e-mail went out: the e-mail asks nothing any more
        missed.publicBooking().deposit(salon.business, fee.id());
        Payment opening =
                salon.ports.payments().store().find(salon.business, fee.id()).orElseThrow();
        missed.paymentEvents()
                .apply(new PaymentEventsUseCase.CheckoutCompleted(
                        "evt_fee",
                        Optional.of(ACCOUNT),
                        opening.checkoutSession().orElseThrow(),
                        Optional.of(fee.id()),
                        Optional.of("pi_fee"),
                        Optional.of(FEE),
                        true));
        Notification email = requests.stream()
                .filter(n -> n.channel() == Channel.EMAIL)
                .findFirst()
                .orElseThrow();
        missed.deliverNotification().deliver(salon.business, email.id());
        assertThat(stores.notifications().find(salon.business, email.id()).orElseThrow())
                .satisfies(n -> {
                    assertThat(n.status()).isEqualTo(DeliveryStatus.SKIPPED);
                    assertThat(n.detail()).contains("the fee was paid or closed before this went out");
                });
    }
}
