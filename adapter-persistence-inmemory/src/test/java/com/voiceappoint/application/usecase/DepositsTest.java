package com.voiceappoint.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.adapter.inmemory.InMemoryAdapters;
import com.voiceappoint.application.error.ForbiddenException;
import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.CreateServiceUseCase;
import com.voiceappoint.application.port.in.PaymentEventsUseCase;
import com.voiceappoint.application.port.in.PaymentEventsUseCase.Outcome;
import com.voiceappoint.application.port.in.PaymentsUseCase;
import com.voiceappoint.application.port.in.PublicBookingUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.in.VoiceCaller;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase.VoiceConfiguration;
import com.voiceappoint.application.port.in.VoiceToolsUseCase;
import com.voiceappoint.application.port.out.AllowanceStore;
import com.voiceappoint.application.port.out.PaymentGateway;
import com.voiceappoint.application.voice.Speech;
import com.voiceappoint.application.voice.SpokenAnswers;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.payment.Payment;
import com.voiceappoint.domain.payment.PaymentSettings;
import com.voiceappoint.domain.payment.PaymentStatus;
import com.voiceappoint.domain.payment.RefundReason;
import com.voiceappoint.domain.payment.RefundStatus;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.shared.Money;
import com.voiceappoint.domain.voice.VoiceSettings;
import com.voiceappoint.testkit.RecordingPaymentGateway;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A deposit keeps the time until it is paid: asked of clients (never of staff), paid through the Stripe page opened
 * for it, applied once from Stripe's news, released when its time lapses, booked again or refunded when paid late,
 * and given back by the business's policy or by hand, each refund made once.
 */
class DepositsTest {
    private static final Instant TUESDAY_TEN = Salon.TUESDAY_TEN;
    private static final Actor WEB = new Actor.Caller(BookingSource.WEB);
    private static final String ACCOUNT = "acct_lola";

    private final RecordingPaymentGateway stripe = new RecordingPaymentGateway();
    private final Salon salon =
            new Salon(InMemoryAdapters.create().takingPaymentsThrough(stripe, Optional.of("https://book.example"), 5));
    private final UseCases app = salon.app;
    private final Service colour = app.createService()
            .create(CreateServiceUseCase.Command.builder(
                            salon.owner, salon.business, "Colour", 60, new BigDecimal("60.00"))
                    .deposit(Optional.of(new BigDecimal("15.00")))
                    .build());

    DepositsTest() {
        connect(true);
    }

    private void connect(boolean chargesEnabled) {
        salon.ports.transactions().inTransaction(() -> {
            salon.ports
                    .payments()
                    .store()
                    .saveSettings(new PaymentSettings(
                            salon.business, Optional.of(ACCOUNT), chargesEnabled, Duration.ofMinutes(30), 50));
            return null;
        });
    }

    private PublicBookingUseCase.Booked bookOnTheWeb(UseCases app, Service service, Instant start, String phone) {
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

    private Appointment appointment(Payment payment) {
        return salon.ports
                .appointments()
                .findById(Set.of(salon.business), payment.appointmentId())
                .orElseThrow();
    }

    private Payment payment(Payment payment) {
        return salon.ports.payments().store().find(salon.business, payment.id()).orElseThrow();
    }

    private PaymentEventsUseCase.CheckoutCompleted paid(String eventId, Payment payment) {
        return new PaymentEventsUseCase.CheckoutCompleted(
                eventId,
                Optional.of(ACCOUNT),
                payment(payment).checkoutSession().orElseThrow(),
                Optional.of(payment.id()),
                Optional.of("pi_" + eventId),
                Optional.of(payment.amount()),
                true);
    }

    @Test
    void a_client_booking_a_deposit_service_has_the_time_kept_until_paid_and_gets_the_stripe_page() {
        Instant now = Salon.CLOCK.instant();
        PublicBookingUseCase.Booked booked = bookOnTheWeb(app, colour, TUESDAY_TEN, "+34600111222");

        assertThat(booked.result().appointment().status()).isEqualTo(AppointmentStatus.PENDING_PAYMENT);
        Payment payment = booked.payment().orElseThrow().payment();
        assertThat(payment.status()).isEqualTo(PaymentStatus.OPEN);
        assertThat(payment.amount()).isEqualTo(Money.of("15.00", "EUR"));
        assertThat(payment.payBy()).contains(now.plus(Duration.ofMinutes(31)));
        assertThat(booked.result().appointment().holdExpiresAt()).isEqualTo(payment.payBy());
        assertThat(booked.payment().orElseThrow().checkout()).isPresent();

        PaymentGateway.CheckoutRequest request = stripe.checkouts().get(0);
        assertThat(request.account()).isEqualTo(ACCOUNT);
        assertThat(request.amount()).isEqualTo(Money.of("15.00", "EUR"));
        // derived from the payment and its deadline, never random: a retry opens the same page
        assertThat(request.idempotencyKey())
                .isEqualTo("checkout-" + payment.id() + "-"
                        + payment.payBy().orElseThrow().getEpochSecond());
        assertThat(request.expiresAt()).isEqualTo(payment.payBy().orElseThrow());
        assertThat(request.metadata())
                .containsEntry("payment_id", payment.id().toString())
                .containsEntry("appointment_id", payment.appointmentId().toString())
                .containsEntry("business_id", salon.business.toString());
        assertThat(request.applicationFee()).contains(Money.of("0.75", "EUR"));
        assertThat(request.successUrl().toString()).endsWith("/pay/" + payment.id() + "?paid=1");
        assertThat(request.customerEmail()).contains("carmen@example.com");
        // the same page for the deposit page's every visit
        assertThat(app.publicBooking()
                        .deposit(salon.business, payment.id())
                        .due()
                        .checkout())
                .isEqualTo(booked.payment().orElseThrow().checkout());
        assertThat(stripe.checkouts()).hasSize(1);
    }

    @Test
    void staff_services_without_a_deposit_and_businesses_not_taking_payments_book_as_before() {
        var byStaff = app.bookAppointment()
                .book(BookAppointmentUseCase.Command.builder(
                                salon.owner,
                                salon.business,
                                colour.id(),
                                TUESDAY_TEN,
                                new BookAppointmentUseCase.ClientDetails(
                                        "Carmen", Optional.of("+34600111222"), Optional.empty()),
                                BookingSource.DASHBOARD)
                        .build());
        assertThat(byStaff.appointment().status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(bookOnTheWeb(app, salon.cut, TUESDAY_TEN.plus(Duration.ofHours(2)), "+34600111333")
                        .result()
                        .appointment()
                        .status())
                .isEqualTo(AppointmentStatus.CONFIRMED);

        connect(false);
        var unconnected = bookOnTheWeb(app, colour, TUESDAY_TEN.plus(Duration.ofHours(3)), "+34600111444");
        assertThat(unconnected.result().appointment().status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(unconnected.payment()).isEmpty();
        assertThat(stripe.checkouts()).isEmpty();
    }

    @Test
    void a_stripe_out_of_reach_loses_no_booking_and_the_deposit_page_opens_its_page_later() {
        stripe.failNext(1);
        var booked = bookOnTheWeb(app, colour, TUESDAY_TEN, "+34600111222");

        assertThat(booked.result().appointment().status()).isEqualTo(AppointmentStatus.PENDING_PAYMENT);
        assertThat(booked.payment().orElseThrow().checkout()).isEmpty();
        Payment payment = booked.payment().orElseThrow().payment();
        assertThat(app.publicBooking()
                        .deposit(salon.business, payment.id())
                        .due()
                        .checkout())
                .isPresent();
        // asked again under the same key: Stripe gives the page it may have opened the first time
        assertThat(stripe.checkouts())
                .extracting(PaymentGateway.CheckoutRequest::idempotencyKey)
                .containsOnly(stripe.checkouts().get(0).idempotencyKey());
    }

    @Test
    void a_paid_deposit_confirms_the_appointment_once_however_often_stripe_tells() {
        Payment payment = bookOnTheWeb(app, colour, TUESDAY_TEN, "+34600111222")
                .payment()
                .orElseThrow()
                .payment();

        assertThat(app.paymentEvents().apply(paid("evt_1", payment))).isEqualTo(Outcome.APPLIED);
        assertThat(app.paymentEvents().apply(paid("evt_1", payment))).isEqualTo(Outcome.ALREADY_APPLIED);
        // a second event about the same payment (async success after completion) changes nothing
        assertThat(app.paymentEvents().apply(paid("evt_2", payment))).isEqualTo(Outcome.APPLIED);

        assertThat(appointment(payment).status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(payment(payment).status()).isEqualTo(PaymentStatus.PAID);
        assertThat(payment(payment).paymentIntent()).contains("pi_evt_1");
        // an expiry delivered after the payment is harmless
        app.paymentEvents()
                .apply(new PaymentEventsUseCase.CheckoutExpired(
                        "evt_3", Optional.of(ACCOUNT), "cs_test_1", Optional.of(payment.id())));
        assertThat(appointment(payment).status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(payment(payment).status()).isEqualTo(PaymentStatus.PAID);
    }

    @Test
    void news_from_another_account_or_about_another_business_payment_is_ignored() {
        Payment payment = bookOnTheWeb(app, colour, TUESDAY_TEN, "+34600111222")
                .payment()
                .orElseThrow()
                .payment();

        var elsewhere = new PaymentEventsUseCase.CheckoutCompleted(
                "evt_x",
                Optional.of("acct_someone_else"),
                "cs_test_1",
                Optional.of(payment.id()),
                Optional.of("pi_x"),
                Optional.of(payment.amount()),
                true);
        assertThat(app.paymentEvents().apply(elsewhere)).isEqualTo(Outcome.IGNORED);
        assertThat(app.paymentEvents()
                        .apply(new PaymentEventsUseCase.CheckoutCompleted(
                                "evt_y",
                                Optional.empty(),
                                "cs_test_1",
                                Optional.of(payment.id()),
                                Optional.of("pi_y"),
                                Optional.of(payment.amount()),
                                true)))
                .isEqualTo(Outcome.IGNORED);
        assertThat(appointment(payment).status()).isEqualTo(AppointmentStatus.PENDING_PAYMENT);
    }

    @Test
    void an_unpaid_deposit_releases_the_time_when_it_lapses() {
        Payment payment = bookOnTheWeb(app, colour, TUESDAY_TEN, "+34600111222")
                .payment()
                .orElseThrow()
                .payment();
        UseCases later = salon.at(payment.payBy().orElseThrow().plusSeconds(1));

        assertThat(later.lapsedHolds().expireLapsedHolds()).isEqualTo(1);

        assertThat(appointment(payment).status()).isEqualTo(AppointmentStatus.EXPIRED);
        assertThat(payment(payment).status()).isEqualTo(PaymentStatus.EXPIRED);
        // the time is free again
        assertThat(bookOnTheWeb(later, salon.cut, TUESDAY_TEN, "+34600999888")
                        .result()
                        .appointment()
                        .status())
                .isEqualTo(AppointmentStatus.CONFIRMED);
    }

    @Test
    void a_payment_whose_news_comes_after_the_time_was_released_books_it_again_when_still_free() {
        Payment payment = bookOnTheWeb(app, colour, TUESDAY_TEN, "+34600111222")
                .payment()
                .orElseThrow()
                .payment();
        UseCases later = salon.at(payment.payBy().orElseThrow().plusSeconds(5));
        later.lapsedHolds().expireLapsedHolds();

        assertThat(later.paymentEvents().apply(paid("evt_late", payment))).isEqualTo(Outcome.APPLIED);

        assertThat(appointment(payment).status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(stripe.refunds()).isEmpty();
    }

    @Test
    void a_payment_whose_time_went_to_someone_else_is_refunded_in_full_and_the_business_sees_why() {
        Payment payment = bookOnTheWeb(app, colour, TUESDAY_TEN, "+34600111222")
                .payment()
                .orElseThrow()
                .payment();
        UseCases later = salon.at(payment.payBy().orElseThrow().plusSeconds(5));
        // someone else books the released time (their booking expires the lapsed one first)
        assertThat(bookOnTheWeb(later, salon.cut, TUESDAY_TEN, "+34600999888")
                        .result()
                        .appointment()
                        .status())
                .isEqualTo(AppointmentStatus.CONFIRMED);

        assertThat(later.paymentEvents().apply(paid("evt_late", payment))).isEqualTo(Outcome.APPLIED);
        assertThat(later.paymentEvents().apply(paid("evt_late", payment))).isEqualTo(Outcome.ALREADY_APPLIED);

        assertThat(appointment(payment).status()).isEqualTo(AppointmentStatus.EXPIRED);
        Payment refunded = payment(payment);
        assertThat(refunded.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(refunded.refunded()).isEqualTo(payment.amount());
        assertThat(refunded.issue()).isPresent();
        assertThat(stripe.refunds()).singleElement().satisfies(refund -> {
            assertThat(refund.account()).isEqualTo(ACCOUNT);
            assertThat(refund.paymentIntent()).isEqualTo("pi_evt_late");
            assertThat(refund.amount()).isEqualTo(payment.amount());
        });
        var record = later.payments()
                .payments(salon.owner, salon.business, Optional.of(payment.appointmentId()), 1)
                .get(0);
        assertThat(record.refunds()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RefundReason.PAID_TOO_LATE);
            assertThat(r.status()).isEqualTo(RefundStatus.SUCCEEDED);
        });
    }

    @Test
    void cancelling_before_the_cutoff_gives_the_business_share_back_and_after_it_keeps_the_deposit() {
        Payment early = bookOnTheWeb(app, colour, TUESDAY_TEN, "+34600111222")
                .payment()
                .orElseThrow()
                .payment();
        app.paymentEvents().apply(paid("evt_1", early));
        String token = bookOnTheWeb(app, colour, TUESDAY_TEN.plus(Duration.ofHours(2)), "+34600111333")
                .manageToken()
                .orElseThrow();
        Payment late = app.publicBooking().paymentDue(token).orElseThrow().payment();
        app.paymentEvents().apply(paid("evt_2", late));

        app.changeAppointment().cancel((Actor.Member) salon.owner, early.appointmentId(), "client rang");
        app.paymentUpkeep().settle();
        UseCases afterCutoff = salon.at(TUESDAY_TEN.minus(Duration.ofHours(1)));
        afterCutoff.changeAppointment().cancel((Actor.Member) salon.owner, late.appointmentId(), "no show call");

        assertThat(payment(early).refunded()).isEqualTo(Money.of("7.50", "EUR"));
        assertThat(payment(late).refunded()).isEqualTo(Money.of("0.00", "EUR"));
        // requested in the cancellation's transaction; asked of Stripe once it committed, by the sweep
        assertThat(salon.at(Salon.CLOCK.instant().plusSeconds(60))
                        .paymentUpkeep()
                        .settle())
                .isEqualTo(1);
        assertThat(stripe.refunds())
                .singleElement()
                .satisfies(refund -> assertThat(refund.amount()).isEqualTo(Money.of("7.50", "EUR")));
    }

    @Test
    void staff_refund_by_hand_never_more_than_was_paid_and_a_lost_answer_is_asked_again_under_the_same_key() {
        Payment payment = bookOnTheWeb(app, colour, TUESDAY_TEN, "+34600111222")
                .payment()
                .orElseThrow()
                .payment();
        app.paymentEvents().apply(paid("evt_1", payment));
        PaymentsUseCase payments = app.payments();

        var partial = payments.refund(salon.owner, salon.business, payment.id(), Optional.of(new BigDecimal("5")));
        assertThat(partial.payment().refunded()).isEqualTo(Money.of("5.00", "EUR"));
        assertThatThrownBy(() -> payments.refund(
                        salon.owner, salon.business, payment.id(), Optional.of(new BigDecimal("10.01"))))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_REFUNDABLE));

        stripe.failNext(1);
        var unknown = payments.refund(salon.owner, salon.business, payment.id(), Optional.empty());
        assertThat(unknown.refunds())
                .extracting(r -> r.status())
                .containsExactlyInAnyOrder(RefundStatus.SUCCEEDED, RefundStatus.REQUESTED);
        assertThat(unknown.payment().refunded()).isEqualTo(payment.amount());

        assertThat(salon.at(Salon.CLOCK.instant().plusSeconds(60))
                        .paymentUpkeep()
                        .settle())
                .isEqualTo(1);
        assertThat(stripe.refunds()).hasSize(3);
        assertThat(stripe.refundsMade()).isEqualTo(2);
        assertThat(payments.payments(salon.owner, salon.business, Optional.empty(), 1)
                        .get(0)
                        .refunds())
                .extracting(r -> r.status())
                .containsOnly(RefundStatus.SUCCEEDED);
    }

    @Test
    void analytics_split_the_deposits_into_paid_refunded_and_awaited() {
        Payment paid = bookOnTheWeb(app, colour, TUESDAY_TEN, "+34600111222")
                .payment()
                .orElseThrow()
                .payment();
        app.paymentEvents().apply(paid("evt_1", paid));
        app.payments().refund(salon.owner, salon.business, paid.id(), Optional.of(new BigDecimal("4")));
        bookOnTheWeb(app, colour, TUESDAY_TEN.plus(Duration.ofHours(2)), "+34600111333");

        var takings = app.analytics()
                .overview(
                        salon.owner,
                        salon.business,
                        Salon.CLOCK.instant().minus(Duration.ofDays(1)),
                        Salon.CLOCK.instant().plus(Duration.ofDays(1)))
                .takings();

        assertThat(takings.paid()).isEqualTo(Money.of("15.00", "EUR"));
        assertThat(takings.refunded()).isEqualTo(Money.of("4.00", "EUR"));
        assertThat(takings.pending()).isEqualTo(Money.of("15.00", "EUR"));
    }

    @Test
    void a_refund_stripe_refuses_gives_its_amount_back_to_what_can_be_refunded() {
        Payment payment = bookOnTheWeb(app, colour, TUESDAY_TEN, "+34600111222")
                .payment()
                .orElseThrow()
                .payment();
        app.paymentEvents().apply(paid("evt_1", payment));

        stripe.refuseNext(1);
        var refused = app.payments().refund(salon.owner, salon.business, payment.id(), Optional.empty());

        assertThat(refused.refunds())
                .singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(RefundStatus.FAILED));
        assertThat(refused.payment().refundable()).isEqualTo(payment.amount());
    }

    @Test
    void a_deposit_taken_in_person_confirms_the_appointment_and_the_stripe_payment_is_no_longer_owed() {
        Payment payment = bookOnTheWeb(app, colour, TUESDAY_TEN, "+34600111222")
                .payment()
                .orElseThrow()
                .payment();

        var taken = app.payments().takeInPerson(salon.owner, salon.business, payment.appointmentId());

        assertThat(taken.payment().method().code()).isEqualTo("in_person");
        assertThat(taken.payment().status()).isEqualTo(PaymentStatus.PAID);
        assertThat(appointment(payment).status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(payment(payment).status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThatThrownBy(() -> app.payments()
                        .refund(salon.owner, salon.business, taken.payment().id(), Optional.empty()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_REFUNDABLE));
    }

    @Test
    void money_paid_on_the_page_after_the_deposit_was_taken_by_hand_goes_back_in_full() {
        Payment payment = bookOnTheWeb(app, colour, TUESDAY_TEN, "+34600111222")
                .payment()
                .orElseThrow()
                .payment();
        app.payments().takeInPerson(salon.owner, salon.business, payment.appointmentId());
        assertThatThrownBy(() -> app.payments().takeInPerson(salon.owner, salon.business, payment.appointmentId()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION));

        assertThat(app.paymentEvents().apply(paid("evt_1", payment))).isEqualTo(Outcome.APPLIED);

        assertThat(appointment(payment).status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(payment(payment).refunded()).isEqualTo(payment.amount());
        assertThat(stripe.refunds())
                .singleElement()
                .satisfies(refund -> assertThat(refund.amount()).isEqualTo(payment.amount()));
    }

    @Test
    void a_caller_booking_by_voice_hears_the_amount_and_until_when_the_time_is_kept() {
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
                        colour, Optional.empty(), TUESDAY_TEN, "Carmen", Optional.empty(), "", "tc-1", false));

        assertThat(answer).isInstanceOfSatisfying(VoiceToolsUseCase.Booked.class, booked -> {
            assertThat(booked.deposit()).isPresent();
            // no Stripe call while the caller waits: the text they are sent links to the page that opens it
            assertThat(stripe.checkouts()).isEmpty();
            String said = new SpokenAnswers(new Speech(Language.EN, business.zone()), business)
                    .say(booked)
                    .result()
                    .orElseThrow();
            assertThat(said).contains("€15").contains("until 09:31").contains("sent by text");
        });
    }

    @Test
    void only_managers_see_and_refund_payments_and_only_owners_connect() {
        assertThat(app.payments().setup(salon.owner, salon.business).settings().account())
                .contains(ACCOUNT);
        var other = new Salon(InMemoryAdapters.create());
        assertThatThrownBy(() -> app.payments().payments(other.owner, salon.business, Optional.empty(), 1))
                .isInstanceOfAny(NotFoundException.class, ForbiddenException.class);
        assertThatThrownBy(() -> app.payments().setup(other.owner, salon.business))
                .isInstanceOfAny(NotFoundException.class, ForbiddenException.class);
    }
}
