package com.voiceappoint.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.adapter.inmemory.InMemoryAdapters;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.CreateServiceUseCase;
import com.voiceappoint.application.port.in.PaymentEventsUseCase;
import com.voiceappoint.application.port.in.PaymentEventsUseCase.Outcome;
import com.voiceappoint.application.port.in.PublicBookingUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.in.VoiceCaller;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase.VoiceConfiguration;
import com.voiceappoint.application.port.in.VoiceToolsUseCase;
import com.voiceappoint.application.port.out.AllowanceStore;
import com.voiceappoint.application.port.out.PaymentGateway;
import com.voiceappoint.application.port.out.PaymentGateway.ChargeOutcome;
import com.voiceappoint.application.port.out.PaymentGateway.OffSessionCharge;
import com.voiceappoint.application.voice.Speech;
import com.voiceappoint.application.voice.SpokenAnswers;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.payment.Payment;
import com.voiceappoint.domain.payment.PaymentKind;
import com.voiceappoint.domain.payment.PaymentSettings;
import com.voiceappoint.domain.payment.PaymentStatus;
import com.voiceappoint.domain.payment.SavedCard;
import com.voiceappoint.domain.payment.SavedCardStatus;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.shared.Money;
import com.voiceappoint.domain.voice.VoiceSettings;
import com.voiceappoint.testkit.RecordingPaymentGateway;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A business that charges no-shows asks a client booking online for a card, and keeps the time until it is left: on
 * the deposit's page when the service asks one, else on a page of its own that takes nothing. Staff marking a no-show
 * charge the fee (less the deposit) to that card once, whoever asks again; a bank that wants the client, or declines,
 * leaves the fee to the client on its page.
 */
class NoShowFeesTest {
    private static final Instant TUESDAY_TEN = Salon.TUESDAY_TEN;
    /** Past the appointment's start: a no-show can be marked. */
    private static final Instant MISSED = TUESDAY_TEN.plus(Duration.ofMinutes(20));

    private static final Actor WEB = new Actor.Caller(BookingSource.WEB);
    private static final String ACCOUNT = "acct_lola";
    private static final Money FEE = Money.of("20.00", "EUR");

    private final RecordingPaymentGateway stripe = new RecordingPaymentGateway();
    private final Salon salon =
            new Salon(InMemoryAdapters.create().takingPaymentsThrough(stripe, Optional.of("https://book.example"), 0));
    private final UseCases app = salon.app;
    private final Service colour = app.createService()
            .create(CreateServiceUseCase.Command.builder(
                            salon.owner, salon.business, "Colour", 60, new BigDecimal("60.00"))
                    .deposit(Optional.of(new BigDecimal("15.00")))
                    .build());

    NoShowFeesTest() {
        connect(Optional.of(FEE));
    }

    private void connect(Optional<Money> fee) {
        salon.ports.transactions().inTransaction(() -> {
            salon.ports
                    .payments()
                    .store()
                    .saveSettings(new PaymentSettings(
                            salon.business, Optional.of(ACCOUNT), true, Duration.ofMinutes(30), 50, fee));
            return null;
        });
    }

    private PublicBookingUseCase.Booked bookOnTheWeb(Service service, Instant start, String phone) {
        return app.publicBooking()
                .book(BookAppointmentUseCase.Command.builder(
                                WEB,
                                salon.business,
                                service.id(),
                                start,
                                new BookAppointmentUseCase.ClientDetails(
                                        "Carmen", Optional.of(phone), Optional.of("carmen@example.com")),
                                BookingSource.WEB)
                        .idempotencyKey(Optional.of("web-" + phone + start))
                        .build());
    }

    private SavedCard card(AppointmentId appointment) {
        return salon.ports
                .payments()
                .store()
                .cardOf(salon.business, appointment)
                .orElseThrow();
    }

    private Appointment appointment(AppointmentId id) {
        return salon.ports.appointments().findById(Set.of(salon.business), id).orElseThrow();
    }

    private List<Payment> payments(AppointmentId appointment) {
        return salon.ports.payments().store().ofAppointment(salon.business, appointment);
    }

    private Payment fee(AppointmentId appointment) {
        return payments(appointment).stream()
                .filter(p -> p.kind() == PaymentKind.NO_SHOW_FEE)
                .findFirst()
                .orElseThrow();
    }

    /** Stripe's news that the client left their card on its own page (a Checkout Session in setup mode). */
    private PaymentEventsUseCase.CheckoutCompleted cardLeft(String eventId, SavedCard card) {
        return new PaymentEventsUseCase.CheckoutCompleted(
                eventId,
                Optional.of(ACCOUNT),
                card(card.appointmentId()).checkoutSession().orElseThrow(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false,
                Optional.of(card.id()),
                Optional.of("cus_carmen"),
                Optional.of("seti_" + eventId));
    }

    /** Stripe's news that the client paid the deposit on a page that kept their card. */
    private PaymentEventsUseCase.CheckoutCompleted depositPaid(String eventId, Payment deposit) {
        Payment opened = salon.ports
                .payments()
                .store()
                .find(salon.business, deposit.id())
                .orElseThrow();
        return new PaymentEventsUseCase.CheckoutCompleted(
                eventId,
                Optional.of(ACCOUNT),
                opened.checkoutSession().orElseThrow(),
                Optional.of(deposit.id()),
                Optional.of("pi_" + eventId),
                Optional.of(deposit.amount()),
                true,
                Optional.of(card(deposit.appointmentId()).id()),
                Optional.of("cus_carmen"),
                Optional.empty());
    }

    /** A cut booked on the web, its card left on its own page: confirmed, and the card saved. */
    private AppointmentId cutWithCard(Instant start, String phone) {
        var booked = bookOnTheWeb(salon.cut, start, phone);
        SavedCard card = booked.card().orElseThrow().card();
        assertThat(app.paymentEvents().apply(cardLeft("evt_card_" + phone, card)))
                .isEqualTo(Outcome.APPLIED);
        return card.appointmentId();
    }

    private static Actor.Member member(Salon salon) {
        return (Actor.Member) salon.owner;
    }

    @Test
    void a_client_booking_without_a_deposit_leaves_a_card_on_a_page_that_takes_nothing_and_the_time_waits_for_it() {
        var booked = bookOnTheWeb(salon.cut, TUESDAY_TEN, "+34600111222");

        assertThat(booked.result().appointment().status()).isEqualTo(AppointmentStatus.PENDING_PAYMENT);
        assertThat(booked.payment()).isEmpty();
        SavedCard card = booked.card().orElseThrow().card();
        assertThat(card.fee()).isEqualTo(FEE);
        assertThat(card.status()).isEqualTo(SavedCardStatus.PENDING);
        assertThat(card.saveBy()).isEqualTo(Salon.CLOCK.instant().plus(Duration.ofMinutes(31)));
        assertThat(booked.result().appointment().holdExpiresAt()).contains(card.saveBy());
        assertThat(booked.card().orElseThrow().page()).isPresent();
        PaymentGateway.CardSetupRequest setup = stripe.cardSetups().get(0);
        assertThat(setup.account()).isEqualTo(ACCOUNT);
        assertThat(setup.expiresAt()).isEqualTo(card.saveBy());
        assertThat(setup.idempotencyKey())
                .isEqualTo("card-" + card.id() + "-" + card.saveBy().getEpochSecond());
        assertThat(setup.metadata())
                .containsEntry("saved_card_id", card.id().toString())
                .containsEntry("appointment_id", card.appointmentId().toString())
                .doesNotContainKey("payment_id");
        assertThat(setup.successUrl().toString()).endsWith("/card/" + card.id() + "?saved=1");
        assertThat(setup.customerEmail()).contains("carmen@example.com");
        assertThat(setup.notice()).contains("20.00 EUR").contains("no se cobra nada ahora");
        // the card's own page shows the same Stripe page
        assertThat(app.publicBooking().card(salon.business, card.id()).due().page())
                .isEqualTo(booked.card().orElseThrow().page());
        assertThat(stripe.cardSetups()).hasSize(1);
        assertThat(stripe.checkouts()).isEmpty();

        assertThat(app.paymentEvents().apply(cardLeft("evt_1", card))).isEqualTo(Outcome.APPLIED);
        assertThat(app.paymentEvents().apply(cardLeft("evt_1", card))).isEqualTo(Outcome.ALREADY_APPLIED);

        assertThat(appointment(card.appointmentId()).status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(card(card.appointmentId())).satisfies(saved -> {
            assertThat(saved.status()).isEqualTo(SavedCardStatus.SAVED);
            assertThat(saved.customer()).contains("cus_carmen");
            assertThat(saved.savedBy()).contains("seti_evt_1");
        });
        assertThat(app.payments().card(salon.owner, salon.business, card.appointmentId()))
                .map(SavedCard::status)
                .contains(SavedCardStatus.SAVED);
        // nothing was charged: the client owes nothing yet
        assertThat(payments(card.appointmentId())).isEmpty();
    }

    @Test
    void the_deposit_page_keeps_the_card_as_it_takes_the_deposit() {
        var booked = bookOnTheWeb(colour, TUESDAY_TEN, "+34600111222");
        Payment deposit = booked.payment().orElseThrow().payment();

        assertThat(booked.card()).isEmpty();
        assertThat(stripe.cardSetups()).isEmpty();
        SavedCard card = card(deposit.appointmentId());
        assertThat(card.deposit()).contains(deposit.id());
        assertThat(card.saveBy()).isEqualTo(deposit.payBy().orElseThrow());
        assertThat(stripe.checkoutsSavingCard()).singleElement().satisfies(request -> {
            assertThat(request.amount()).isEqualTo(Money.of("15.00", "EUR"));
            assertThat(request.metadata())
                    .containsEntry("payment_id", deposit.id().toString())
                    .containsEntry("saved_card_id", card.id().toString());
        });
        // the manage page tells of the card the deposit's page keeps
        assertThat(app.publicBooking().cardDue(booked.manageToken().orElseThrow()))
                .map(due -> due.card().keptByDeposit())
                .contains(true);

        assertThat(app.paymentEvents().apply(depositPaid("evt_1", deposit))).isEqualTo(Outcome.APPLIED);

        assertThat(appointment(deposit.appointmentId()).status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(card(deposit.appointmentId())).satisfies(saved -> {
            assertThat(saved.status()).isEqualTo(SavedCardStatus.SAVED);
            assertThat(saved.customer()).contains("cus_carmen");
            assertThat(saved.savedBy()).contains("pi_evt_1");
        });
    }

    @Test
    void a_no_show_is_charged_its_fee_once_however_often_it_is_marked_or_swept() {
        AppointmentId id = cutWithCard(TUESDAY_TEN, "+34600111222");
        UseCases missed = salon.at(MISSED);

        assertThat(missed.changeAppointment()
                        .markNoShow(member(salon), id)
                        .appointment()
                        .status())
                .isEqualTo(AppointmentStatus.NO_SHOW);

        Payment fee = fee(id);
        assertThat(fee.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(fee.amount()).isEqualTo(FEE);
        assertThat(stripe.paymentMethodsRead())
                .containsExactly(new PaymentGateway.SavedBy("seti_evt_card_+34600111222", true));
        assertThat(stripe.charges()).singleElement().satisfies(charge -> {
            assertThat(charge.account()).isEqualTo(ACCOUNT);
            assertThat(charge.customer()).isEqualTo("cus_carmen");
            assertThat(charge.paymentMethod()).isEqualTo("pm_seti_evt_card_+34600111222");
            assertThat(charge.amount()).isEqualTo(FEE);
            assertThat(charge.idempotencyKey()).isEqualTo("no-show-fee-" + fee.id());
            assertThat(charge.metadata()).containsEntry("payment_id", fee.id().toString());
            assertThat(charge.description()).startsWith("Cargo por no presentarse · Cut");
        });
        assertThat(fee.paymentIntent()).isPresent();
        // the card's payment method is read once, and kept
        assertThat(card(id).paymentMethod()).contains("pm_seti_evt_card_+34600111222");

        assertThatThrownBy(() -> missed.changeAppointment().markNoShow(member(salon), id))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION));
        UseCases later = salon.at(MISSED.plusSeconds(60));
        later.paymentUpkeep().settle();
        later.paymentUpkeep().settle();

        assertThat(payments(id))
                .filteredOn(p -> p.kind() == PaymentKind.NO_SHOW_FEE)
                .hasSize(1);
        assertThat(stripe.charges()).hasSize(1);
        assertThat(stripe.chargesMade()).isEqualTo(1);
    }

    @Test
    void a_stripe_out_of_reach_loses_no_fee_and_the_sweep_charges_it_under_the_same_key() {
        AppointmentId id = cutWithCard(TUESDAY_TEN, "+34600111222");
        UseCases missed = salon.at(MISSED);
        stripe.failNext(1);

        assertThat(missed.changeAppointment()
                        .markNoShow(member(salon), id)
                        .appointment()
                        .status())
                .isEqualTo(AppointmentStatus.NO_SHOW);
        assertThat(fee(id).isFeeToCharge()).isTrue();
        // too young for the sweep: it may still be in the hands of the request that recorded it
        assertThat(missed.paymentUpkeep().settle()).isZero();

        assertThat(salon.at(MISSED.plusSeconds(60)).paymentUpkeep().settle()).isEqualTo(1);
        assertThat(fee(id).status()).isEqualTo(PaymentStatus.PAID);
        assertThat(stripe.chargesMade()).isEqualTo(1);
    }

    @Test
    void a_deposit_paid_counts_against_the_fee_and_only_the_difference_is_charged() {
        Payment deposit = bookOnTheWeb(colour, TUESDAY_TEN, "+34600111222")
                .payment()
                .orElseThrow()
                .payment();
        app.paymentEvents().apply(depositPaid("evt_1", deposit));

        salon.at(MISSED).changeAppointment().markNoShow(member(salon), deposit.appointmentId());

        assertThat(fee(deposit.appointmentId()).amount()).isEqualTo(Money.of("5.00", "EUR"));
        assertThat(stripe.charges())
                .singleElement()
                .satisfies(charge -> assertThat(charge.amount()).isEqualTo(Money.of("5.00", "EUR")));
        // the card was saved by the deposit's payment: its payment method is read from the PaymentIntent
        assertThat(stripe.paymentMethodsRead()).containsExactly(new PaymentGateway.SavedBy("pi_evt_1", false));
        assertThat(payment(deposit).status()).isEqualTo(PaymentStatus.PAID);
    }

    private Payment payment(Payment payment) {
        return salon.ports.payments().store().find(salon.business, payment.id()).orElseThrow();
    }

    @Test
    void a_deposit_that_covers_the_fee_leaves_nothing_to_charge() {
        connect(Optional.of(Money.of("10.00", "EUR")));
        Payment deposit = bookOnTheWeb(colour, TUESDAY_TEN, "+34600111222")
                .payment()
                .orElseThrow()
                .payment();
        app.paymentEvents().apply(depositPaid("evt_1", deposit));

        salon.at(MISSED).changeAppointment().markNoShow(member(salon), deposit.appointmentId());

        assertThat(payments(deposit.appointmentId())).extracting(Payment::kind).containsExactly(PaymentKind.DEPOSIT);
        assertThat(stripe.charges()).isEmpty();
    }

    @Test
    void when_the_bank_wants_the_client_the_fee_waits_for_them_on_its_page_and_is_paid_there() {
        AppointmentId id = cutWithCard(TUESDAY_TEN, "+34600111222");
        stripe.chargesAnswer(new OffSessionCharge(
                ChargeOutcome.AUTHENTICATION_REQUIRED, Optional.of("pi_auth"), "authentication_required"));
        UseCases missed = salon.at(MISSED);

        missed.changeAppointment().markNoShow(member(salon), id);

        Payment fee = fee(id);
        assertThat(fee.status()).isEqualTo(PaymentStatus.OPEN);
        assertThat(fee.payBy()).contains(MISSED.plus(Duration.ofHours(23)));
        assertThat(fee.issue()).hasValueSatisfying(issue -> assertThat(issue).startsWith("authentication required"));
        // not tried again by the sweep: only the client can confirm it
        salon.at(MISSED.plusSeconds(60)).paymentUpkeep().settle();
        assertThat(stripe.charges()).hasSize(1);

        // our page for the fee opens a Stripe page for it, for the client to pay themselves
        var page = missed.publicBooking().deposit(salon.business, fee.id());
        assertThat(page.due().checkout()).isPresent();
        PaymentGateway.CheckoutRequest request = stripe.checkouts().get(0);
        assertThat(request.amount()).isEqualTo(FEE);
        assertThat(request.description()).startsWith("Cargo por no presentarse · Cut");
        assertThat(request.expiresAt()).isEqualTo(fee.payBy().orElseThrow());
        assertThat(request.metadata()).containsEntry("payment_id", fee.id().toString());
        assertThat(stripe.checkoutsSavingCard()).isEmpty();

        Payment opened = fee(id);
        assertThat(missed.paymentEvents()
                        .apply(new PaymentEventsUseCase.CheckoutCompleted(
                                "evt_fee",
                                Optional.of(ACCOUNT),
                                opened.checkoutSession().orElseThrow(),
                                Optional.of(fee.id()),
                                Optional.of("pi_fee"),
                                Optional.of(FEE),
                                true)))
                .isEqualTo(Outcome.APPLIED);

        assertThat(fee(id).status()).isEqualTo(PaymentStatus.PAID);
        assertThat(appointment(id).status()).isEqualTo(AppointmentStatus.NO_SHOW);
        // paid by the client who did not come: nothing goes back
        assertThat(stripe.refunds()).isEmpty();
    }

    @Test
    void a_declined_card_is_recorded_as_the_fee_issue_and_the_client_may_pay_it_with_another() {
        AppointmentId id = cutWithCard(TUESDAY_TEN, "+34600111222");
        stripe.chargesAnswer(new OffSessionCharge(
                ChargeOutcome.DECLINED, Optional.of("pi_declined"), "card_declined (insufficient_funds)"));

        salon.at(MISSED).changeAppointment().markNoShow(member(salon), id);

        Payment fee = fee(id);
        assertThat(fee.status()).isEqualTo(PaymentStatus.OPEN);
        assertThat(fee.issue()).contains("declined: card_declined (insufficient_funds)");
        assertThat(fee.payBy()).isPresent();
        assertThat(fee.isFeeToCharge()).isFalse();
        // unpaid by the end of its page, it lapses
        salon.at(MISSED.plus(Duration.ofHours(24))).paymentUpkeep().settle();
        assertThat(fee(id).status()).isEqualTo(PaymentStatus.EXPIRED);
        assertThat(stripe.charges()).hasSize(1);
    }

    @Test
    void a_business_without_a_fee_asks_no_card_and_a_no_show_costs_nothing() {
        connect(Optional.empty());
        var booked = bookOnTheWeb(salon.cut, TUESDAY_TEN, "+34600111222");

        assertThat(booked.result().appointment().status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(booked.card()).isEmpty();
        AppointmentId id = booked.result().appointment().id();
        salon.at(MISSED).changeAppointment().markNoShow(member(salon), id);

        assertThat(salon.ports.payments().store().cardOf(salon.business, id)).isEmpty();
        assertThat(payments(id)).isEmpty();
        assertThat(stripe.cardSetups()).isEmpty();
        assertThat(stripe.charges()).isEmpty();
        assertThat(app.publicBooking().page(salon.business).noShowFee()).isEmpty();
    }

    @Test
    void staff_booking_ask_no_card_and_a_no_show_without_a_card_costs_nothing() {
        assertThat(app.publicBooking().page(salon.business).noShowFee()).contains(FEE);
        var byStaff = app.bookAppointment()
                .book(BookAppointmentUseCase.Command.builder(
                                salon.owner,
                                salon.business,
                                salon.cut.id(),
                                TUESDAY_TEN,
                                new BookAppointmentUseCase.ClientDetails(
                                        "Carmen", Optional.of("+34600111222"), Optional.empty()),
                                BookingSource.DASHBOARD)
                        .build());
        assertThat(byStaff.appointment().status()).isEqualTo(AppointmentStatus.CONFIRMED);

        salon.at(MISSED)
                .changeAppointment()
                .markNoShow(member(salon), byStaff.appointment().id());

        assertThat(payments(byStaff.appointment().id())).isEmpty();
        assertThat(stripe.charges()).isEmpty();
    }

    @Test
    void a_card_not_left_in_time_releases_the_time_and_a_card_left_late_books_it_again_while_free() {
        var booked = bookOnTheWeb(salon.cut, TUESDAY_TEN, "+34600111222");
        SavedCard card = booked.card().orElseThrow().card();
        UseCases later = salon.at(card.saveBy().plusSeconds(1));

        assertThat(later.lapsedHolds().expireLapsedHolds()).isEqualTo(1);
        assertThat(appointment(card.appointmentId()).status()).isEqualTo(AppointmentStatus.EXPIRED);
        assertThat(card(card.appointmentId()).status()).isEqualTo(SavedCardStatus.RELEASED);

        assertThat(later.paymentEvents().apply(cardLeft("evt_late", card))).isEqualTo(Outcome.APPLIED);
        assertThat(appointment(card.appointmentId()).status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(card(card.appointmentId()).status()).isEqualTo(SavedCardStatus.SAVED);
    }

    @Test
    void a_card_left_after_its_time_went_to_someone_else_is_recorded_and_the_appointment_stays_released() {
        var booked = bookOnTheWeb(salon.cut, TUESDAY_TEN, "+34600111222");
        SavedCard card = booked.card().orElseThrow().card();
        connect(Optional.empty());
        UseCases later = salon.at(card.saveBy().plusSeconds(5));
        var someoneElse = later.publicBooking()
                .book(BookAppointmentUseCase.Command.builder(
                                WEB,
                                salon.business,
                                salon.cut.id(),
                                TUESDAY_TEN,
                                new BookAppointmentUseCase.ClientDetails(
                                        "Lucía", Optional.of("+34600999888"), Optional.empty()),
                                BookingSource.WEB)
                        .build());
        assertThat(someoneElse.result().appointment().status()).isEqualTo(AppointmentStatus.CONFIRMED);

        assertThat(later.paymentEvents().apply(cardLeft("evt_late", card))).isEqualTo(Outcome.APPLIED);
        assertThat(later.paymentEvents().apply(cardLeft("evt_late", card))).isEqualTo(Outcome.ALREADY_APPLIED);

        assertThat(appointment(card.appointmentId()).status()).isEqualTo(AppointmentStatus.EXPIRED);
        assertThat(card(card.appointmentId()).status()).isEqualTo(SavedCardStatus.SAVED);
        assertThat(stripe.refunds()).isEmpty();
    }

    @Test
    void a_card_for_another_appointment_or_account_is_not_ours() {
        var booked = bookOnTheWeb(salon.cut, TUESDAY_TEN, "+34600111222");
        SavedCard card = booked.card().orElseThrow().card();
        var elsewhere = new PaymentEventsUseCase.CheckoutCompleted(
                "evt_x",
                Optional.of("acct_someone_else"),
                card(card.appointmentId()).checkoutSession().orElseThrow(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false,
                Optional.of(card.id()),
                Optional.of("cus_x"),
                Optional.of("seti_x"));
        var otherPage = new PaymentEventsUseCase.CheckoutCompleted(
                "evt_y",
                Optional.of(ACCOUNT),
                "cs_not_its_page",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false,
                Optional.of(card.id()),
                Optional.of("cus_y"),
                Optional.of("seti_y"));

        assertThat(app.paymentEvents().apply(elsewhere)).isEqualTo(Outcome.IGNORED);
        assertThat(app.paymentEvents().apply(otherPage)).isEqualTo(Outcome.IGNORED);
        assertThat(card(card.appointmentId()).status()).isEqualTo(SavedCardStatus.PENDING);
        assertThat(appointment(card.appointmentId()).status()).isEqualTo(AppointmentStatus.PENDING_PAYMENT);
    }

    @Test
    void a_cancelled_appointment_no_longer_asks_its_card() {
        var booked = bookOnTheWeb(salon.cut, TUESDAY_TEN, "+34600111222");
        SavedCard card = booked.card().orElseThrow().card();

        app.publicBooking().cancel(booked.manageToken().orElseThrow(), "changed my mind");

        assertThat(card(card.appointmentId()).status()).isEqualTo(SavedCardStatus.RELEASED);
        assertThat(app.publicBooking().card(salon.business, card.id()).due().page())
                .isEqualTo(booked.card().orElseThrow().page());
    }

    @Test
    void a_caller_booking_by_voice_hears_the_fee_and_until_when_the_time_is_kept_for_the_card() {
        var business = app.business().get(salon.owner, salon.business);
        VoiceCaller caller = new VoiceCaller(
                new VoiceConfiguration(business, VoiceSettings.none(salon.business)),
                Optional.of(new PhoneNumber("+34600111222")),
                true,
                Optional.of(new PhoneNumber("+34600111222")),
                false,
                Optional.empty(),
                "vapi");
        VoiceToolsUseCase tools = VoiceInteractors.tools(app, AllowanceStore.UNLIMITED);

        var answer = tools.book(
                caller,
                new VoiceToolsUseCase.BookAppointment(
                        salon.cut, Optional.empty(), TUESDAY_TEN, "Carmen", Optional.empty(), "", "tc-1", false));

        assertThat(answer).isInstanceOfSatisfying(VoiceToolsUseCase.Booked.class, booked -> {
            assertThat(booked.details().appointment().status()).isEqualTo(AppointmentStatus.PENDING_PAYMENT);
            assertThat(booked.card()).isPresent();
            // no Stripe call while the caller waits
            assertThat(stripe.cardSetups()).isEmpty();
            String said = new SpokenAnswers(new Speech(Language.EN, business.zone()), business)
                    .say(booked)
                    .result()
                    .orElseThrow();
            assertThat(said)
                    .contains("pending a card")
                    .contains("€20")
                    .contains("until 09:31")
                    .contains("by text");
        });
        var withDeposit = tools.book(
                caller,
                new VoiceToolsUseCase.BookAppointment(
                        colour,
                        Optional.empty(),
                        TUESDAY_TEN.plus(Duration.ofHours(2)),
                        "Carmen",
                        Optional.empty(),
                        "",
                        "tc-2",
                        false));
        assertThat(withDeposit).isInstanceOfSatisfying(VoiceToolsUseCase.Booked.class, booked -> {
            String said = new SpokenAnswers(new Speech(Language.EN, business.zone()), business)
                    .say(booked)
                    .result()
                    .orElseThrow();
            assertThat(said).contains("€15").contains("kept for the no-show fee of €20");
        });
    }

    @Test
    void the_owner_sets_the_fee_in_the_business_currency_and_zero_removes_it() {
        var set = app.payments()
                .change(
                        salon.owner,
                        salon.business,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(new BigDecimal("25.5")));
        assertThat(set.settings().noShowFee()).contains(Money.of("25.50", "EUR"));
        assertThat(set.settings().refundPercent()).isEqualTo(50);

        for (String wrong : List.of("25.501", "-1", "123456789012")) {
            assertThatThrownBy(() -> app.payments()
                            .change(
                                    salon.owner,
                                    salon.business,
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.of(new BigDecimal(wrong))))
                    .as(wrong)
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("noShowFee"));
        }
        // the other settings leave it as it is
        assertThat(app.payments()
                        .change(salon.owner, salon.business, Optional.of(Duration.ofHours(1)), Optional.empty())
                        .settings()
                        .noShowFee())
                .contains(Money.of("25.50", "EUR"));
        assertThat(app.payments()
                        .change(
                                salon.owner,
                                salon.business,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(BigDecimal.ZERO))
                        .settings()
                        .noShowFee())
                .isEmpty();
    }

    @Test
    void a_deposit_taken_by_hand_no_longer_asks_the_card_its_page_would_have_kept() {
        Payment deposit = bookOnTheWeb(colour, TUESDAY_TEN, "+34600111222")
                .payment()
                .orElseThrow()
                .payment();

        app.payments().takeInPerson(salon.owner, salon.business, deposit.appointmentId());

        assertThat(appointment(deposit.appointmentId()).status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(card(deposit.appointmentId()).status()).isEqualTo(SavedCardStatus.RELEASED);
        salon.at(MISSED).changeAppointment().markNoShow(member(salon), deposit.appointmentId());
        assertThat(payments(deposit.appointmentId())).extracting(Payment::kind).containsOnly(PaymentKind.DEPOSIT);
        assertThat(stripe.charges()).isEmpty();
    }
}
