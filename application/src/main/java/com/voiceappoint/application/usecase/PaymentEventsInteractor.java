package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.SlotAlreadyTakenException;
import com.voiceappoint.application.port.in.PaymentEventsUseCase;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.PaymentPorts;
import com.voiceappoint.application.port.out.PaymentRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.event.BusinessEvent;
import com.voiceappoint.domain.payment.Payment;
import com.voiceappoint.domain.payment.PaymentId;
import com.voiceappoint.domain.payment.PaymentKind;
import com.voiceappoint.domain.payment.PaymentSettings;
import com.voiceappoint.domain.payment.Refund;
import com.voiceappoint.domain.payment.RefundReason;
import com.voiceappoint.domain.payment.SavedCard;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Applies Stripe's news, each event once: its id is recorded in the transaction of its effect, so a delivery that
 * finds it recorded does nothing, and one whose transaction rolled back is applied when Stripe delivers it again. The
 * business is the one whose account the event happened on; a payment named in the event but not of that business is
 * no news of ours.
 *
 * <p>A payment is in time when Stripe took it: Stripe's page lapses with the time it keeps. Its news may still come
 * after the time was released (the sweep, or a booking that needed the time, expired it); then the appointment is
 * booked again if the time is free, and otherwise the payment is given back in full and the business told.
 */
final class PaymentEventsInteractor implements PaymentEventsUseCase {
    /** A payment racing the sweep or a booking is applied again on a fresh read; this many times at most. */
    private static final int ATTEMPTS = 3;

    private final TransactionRunner transactions;
    private final PaymentPorts ports;
    private final AppointmentRepository appointments;
    private final AppointmentWrites writes;
    private final RefundDesk desk;
    private final Clock clock;
    private final SubscriptionEvents subscriptions;

    PaymentEventsInteractor(
            TransactionRunner transactions,
            PaymentPorts ports,
            AppointmentRepository appointments,
            AppointmentWrites writes,
            RefundDesk desk,
            Clock clock,
            SubscriptionEvents subscriptions) {
        this.transactions = transactions;
        this.ports = ports;
        this.appointments = appointments;
        this.writes = writes;
        this.desk = desk;
        this.clock = clock;
        this.subscriptions = subscriptions;
    }

    @Override
    public Outcome apply(PaymentEvent event) {
        if (SubscriptionEvents.about(event)) {
            // the platform billing its businesses: news of the platform's own account, not a connected one's
            return subscriptions.apply(event);
        }
        Optional<BusinessId> business = event.account().flatMap(store()::businessOfAccount);
        if (business.isEmpty()) {
            return Outcome.IGNORED;
        }
        BusinessId id = business.get();
        if (event instanceof CheckoutCompleted completed) {
            if (completed.payment().isEmpty() && completed.card().isPresent()) {
                return cardSaved(id, completed);
            }
            return completed.paid() ? paid(id, completed) : once(event, "checkout.session.completed", () -> {});
        }
        if (event instanceof CheckoutExpired expired) {
            return once(
                    event,
                    "checkout.session.expired",
                    () -> payment(id, expired.payment()).ifPresent(payment -> expire(id, payment)));
        }
        if (event instanceof PaymentFailed failed) {
            return once(
                    event,
                    "payment_intent.payment_failed",
                    () -> payment(id, failed.payment())
                            .ifPresent(payment -> store().recordIssue(
                                            id, payment.id(), "failed: " + failed.reason(), clock.instant())));
        }
        if (event instanceof Disputed disputed) {
            return once(
                    event,
                    "charge.dispute.created",
                    () -> store().findByIntent(id, disputed.paymentIntent())
                            .ifPresent(payment -> store().recordIssue(
                                            id, payment.id(), "disputed: " + disputed.reason(), clock.instant())));
        }
        AccountUpdated updated = (AccountUpdated) event;
        return once(event, "account.updated", () -> {
            PaymentSettings now = store().settings(id);
            store().saveSettings(now.withChargesEnabled(updated.chargesEnabled()));
        });
    }

    /** The event's effect and its record, in one transaction; nothing when it was recorded before. */
    private Outcome once(PaymentEvent event, String type, Runnable effect) {
        return transactions.inTransaction(() -> {
            if (!store().recordEvent(event.id(), type, clock.instant())) {
                return Outcome.ALREADY_APPLIED;
            }
            effect.run();
            return Outcome.APPLIED;
        });
    }

    private void expire(BusinessId business, Payment payment) {
        Instant now = clock.instant();
        if (!store().markExpired(business, payment.id(), now)) {
            return;
        }
        appointments
                .findById(Set.of(business), payment.appointmentId())
                .filter(a -> a.status() == AppointmentStatus.PENDING_PAYMENT)
                .ifPresent(a -> writes.update(a, a.expire(now), new BusinessEvent.Engine()));
    }

    private Outcome paid(BusinessId business, CheckoutCompleted event) {
        if (ours(business, event).isEmpty()) {
            return once(event, "checkout.session.completed", () -> {}) == Outcome.APPLIED
                    ? Outcome.IGNORED
                    : Outcome.ALREADY_APPLIED;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.inTransaction(() -> {
                    if (!store().recordEvent(event.id(), "checkout.session.completed", clock.instant())) {
                        return Outcome.ALREADY_APPLIED;
                    }
                    Optional<Payment> paid = markPaid(business, event);
                    if (paid.isEmpty()) {
                        // paid before (news of one payment told twice), or closed: nothing more to do
                        return Outcome.APPLIED;
                    }
                    event.amount()
                            .filter(amount -> !amount.equals(paid.get().amount()))
                            .ifPresent(amount -> store().recordIssue(
                                            business,
                                            paid.get().id(),
                                            "Stripe took " + amount + " for "
                                                    + paid.get().amount(),
                                            clock.instant()));
                    if (paid.get().kind() == PaymentKind.NO_SHOW_FEE) {
                        // a no-show fee the client paid on its own page: no appointment waits for it
                        return Outcome.APPLIED;
                    }
                    keepCard(business, event, paid.get());
                    Instant now = clock.instant();
                    Appointment appointment = appointments
                            .findById(Set.of(business), paid.get().appointmentId())
                            .orElseThrow();
                    if (appointment.status() == AppointmentStatus.PENDING_PAYMENT
                            || appointment.status() == AppointmentStatus.EXPIRED) {
                        writes.update(appointment, appointment.confirmPaid(now), new BusinessEvent.Engine());
                    } else {
                        // the appointment no longer waited for it (called off, or its deposit taken by hand
                        // meanwhile): none of it is kept
                        store().requestRefund(Refund.requested(
                                paid.get(), paid.get().amount(), RefundReason.PAID_TOO_LATE, now));
                        store().recordIssue(
                                        business,
                                        paid.get().id(),
                                        "paid after the appointment stopped waiting for it ("
                                                + appointment.status().code() + ")",
                                        now);
                    }
                    return Outcome.APPLIED;
                });
            } catch (SlotAlreadyTakenException taken) {
                return refundTooLate(business, event);
            } catch (DomainException changed) {
                if (changed.code() != ErrorCode.CONCURRENT_UPDATE || attempt == ATTEMPTS) {
                    throw changed;
                }
                // expired (or paid in person) at the same moment: read it again
            } finally {
                sendRequestedRefunds(business, event.payment());
            }
        }
    }

    /**
     * The time the payment kept went to someone else after it was released: the money goes back in full, and the
     * client and the staff are told so with it.
     */
    private Outcome refundTooLate(BusinessId business, CheckoutCompleted event) {
        return transactions.inTransaction(() -> {
            if (!store().recordEvent(event.id(), "checkout.session.completed", clock.instant())) {
                return Outcome.ALREADY_APPLIED;
            }
            markPaid(business, event).ifPresent(paid -> {
                store().requestRefund(
                                Refund.requested(paid, paid.amount(), RefundReason.PAID_TOO_LATE, clock.instant()));
                store().recordIssue(
                                business, paid.id(), "paid after its time was given to someone else", clock.instant());
                appointments
                        .findById(Set.of(business), paid.appointmentId())
                        .ifPresent(appointment -> writes.latePaymentRefunded(appointment, paid.amount()));
            });
            return Outcome.APPLIED;
        });
    }

    /**
     * The payment the event names, if it is this business's and was paid on the page opened for it: a session of
     * another payment naming this one in its metadata is not its payment.
     */
    private Optional<Payment> ours(BusinessId business, CheckoutCompleted event) {
        return payment(business, event.payment())
                .filter(p -> p.checkoutSession().map(event.session()::equals).orElse(true));
    }

    private Optional<Payment> markPaid(BusinessId business, CheckoutCompleted event) {
        return ours(business, event)
                .flatMap(p -> store().markPaid(
                                business, p.id(), event.paymentIntent().orElse(event.session()), clock.instant()));
    }

    /** Refunds this news asked for go to Stripe once it committed. */
    private void sendRequestedRefunds(BusinessId business, Optional<PaymentId> payment) {
        payment.flatMap(id -> store().find(business, id))
                .ifPresent(p -> store().refunds(business, p.id()).forEach(refund -> desk.send(refund, p)));
    }

    private Optional<Payment> payment(BusinessId business, Optional<PaymentId> payment) {
        return payment.flatMap(id -> store().find(business, id));
    }

    private PaymentRepository store() {
        return ports.store();
    }

    /**
     * The card the deposit's page kept as it took the deposit, recorded in the payment's transaction: the
     * appointment's no-show fee is charged to it.
     */
    private void keepCard(BusinessId business, CheckoutCompleted event, Payment deposit) {
        if (event.customer().isEmpty() || event.paymentIntent().isEmpty()) {
            return;
        }
        store().cardOf(business, deposit.appointmentId())
                .filter(card -> card.deposit().filter(deposit.id()::equals).isPresent())
                .filter(card -> event.card().map(card.id()::equals).orElse(true))
                .ifPresent(card -> store().markCardSaved(
                                business,
                                card.id(),
                                event.customer().get(),
                                event.paymentIntent().get(),
                                clock.instant()));
    }

    /**
     * A client left the card asked for the no-show fee on its own page (which took no money): the appointment kept for
     * it is confirmed, or booked again if its time was released meanwhile and is still free. A card whose time went
     * to someone else is recorded all the same (nothing was charged, so nothing goes back), and the appointment stays
     * released.
     */
    private Outcome cardSaved(BusinessId business, CheckoutCompleted event) {
        String type = "checkout.session.completed";
        Optional<SavedCard> card = event.card()
                .flatMap(id -> store().findCard(business, id))
                .filter(c -> !c.keptByDeposit()
                        && c.checkoutSession().map(event.session()::equals).orElse(true));
        if (card.isEmpty() || event.customer().isEmpty() || event.setupIntent().isEmpty()) {
            return once(event, type, () -> {}) == Outcome.APPLIED ? Outcome.IGNORED : Outcome.ALREADY_APPLIED;
        }
        String customer = event.customer().get();
        String setupIntent = event.setupIntent().get();
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.inTransaction(() -> {
                    if (!store().recordEvent(event.id(), type, clock.instant())) {
                        return Outcome.ALREADY_APPLIED;
                    }
                    Instant now = clock.instant();
                    if (store().markCardSaved(business, card.get().id(), customer, setupIntent, now)
                            .isEmpty()) {
                        // saved before: news of one card told twice
                        return Outcome.APPLIED;
                    }
                    appointments
                            .findById(Set.of(business), card.get().appointmentId())
                            .filter(a -> a.status() == AppointmentStatus.PENDING_PAYMENT
                                    || a.status() == AppointmentStatus.EXPIRED)
                            .ifPresent(a -> writes.update(a, a.confirmPaid(now), new BusinessEvent.Engine()));
                    return Outcome.APPLIED;
                });
            } catch (SlotAlreadyTakenException taken) {
                return once(
                        event,
                        type,
                        () -> store().markCardSaved(business, card.get().id(), customer, setupIntent, clock.instant()));
            } catch (DomainException changed) {
                if (changed.code() != ErrorCode.CONCURRENT_UPDATE || attempt == ATTEMPTS) {
                    throw changed;
                }
                // expired at the same moment: read it again
            }
        }
    }
}
