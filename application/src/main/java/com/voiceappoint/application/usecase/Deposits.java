package com.voiceappoint.application.usecase;

import com.voiceappoint.application.port.out.PaymentPorts;
import com.voiceappoint.application.port.out.PaymentRepository;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.payment.Payment;
import com.voiceappoint.domain.payment.PaymentKind;
import com.voiceappoint.domain.payment.PaymentMethod;
import com.voiceappoint.domain.payment.PaymentSettings;
import com.voiceappoint.domain.payment.PaymentStatus;
import com.voiceappoint.domain.payment.Refund;
import com.voiceappoint.domain.payment.RefundReason;
import com.voiceappoint.domain.payment.SavedCard;
import com.voiceappoint.domain.shared.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The payment side of booking, in the booking's own transaction: whether a client must pay a deposit, or leave a card
 * for the no-show fee, to keep the time (and by when), what is recorded with the appointment, and what a change of
 * the appointment does to its payments (a time released lapses its payment and its card; a cancellation before the
 * cutoff gives the deposit's share back; a no-show owes its fee).
 */
final class Deposits {
    /**
     * Added to the business's payment window: the Stripe page is opened just after the booking commits, and Stripe
     * refuses a page that lapses less than 30 minutes after it is opened.
     */
    static final Duration OPENING_SLACK = Duration.ofMinutes(1);

    static final Deposits NONE = new Deposits(Optional.empty());

    private final Optional<PaymentPorts> ports;

    private Deposits(Optional<PaymentPorts> ports) {
        this.ports = ports;
    }

    static Deposits through(PaymentPorts ports) {
        return new Deposits(Optional.of(ports));
    }

    Optional<PaymentPorts> ports() {
        return ports;
    }

    /**
     * What a client booking {@code service} now must pay, or leave, to keep the time: the service's deposit, and a card
     * for the business's no-show fee; empty when the business asks neither.
     */
    Optional<Due> due(Business business, Service service, boolean byClient, Instant now) {
        if (!byClient || ports.isEmpty() || !ports.get().configured()) {
            return Optional.empty();
        }
        Optional<Money> deposit =
                service.deposit().filter(amount -> amount.amount().signum() > 0);
        PaymentSettings settings = store().settings(business.id());
        if (!settings.takesPayments()) {
            return Optional.empty();
        }
        // a fee in another currency than the business's (it changed currency since) is not one its clients are told
        Optional<Money> fee = settings.noShowFee().filter(f -> f.currency().equals(business.currency()));
        if (deposit.isEmpty() && fee.isEmpty()) {
            return Optional.empty();
        }
        Instant payBy = now.plus(settings.paymentWindow()).plus(OPENING_SLACK).truncatedTo(ChronoUnit.SECONDS);
        return Optional.of(new Due(deposit, fee, settings.account().orElseThrow(), payBy));
    }

    /**
     * Records what an appointment just kept for it waits for, in the booking's transaction: its deposit, and the card
     * for the no-show fee (kept by the deposit's page when there is a deposit, else asked on a page of its own).
     */
    void open(Due due, Appointment appointment, Instant now) {
        Optional<Payment> deposit = due.deposit().map(amount -> {
            Payment payment = Payment.deposit(
                    appointment.businessId(), appointment.id(), amount, due.account(), due.payBy(), now);
            store().add(payment);
            return payment;
        });
        due.noShowFee()
                .map(fee -> deposit.map(payment -> SavedCard.keptByDeposit(payment, fee, now))
                        .orElseGet(() -> SavedCard.onItsOwnPage(
                                appointment.businessId(), appointment.id(), due.account(), fee, due.payBy(), now)))
                .ifPresent(store()::addCard);
    }

    /** What the appointment's change does to its payments, in the change's transaction. */
    void changed(Supplier<Business> business, Appointment previous, Appointment next, Instant now) {
        // a server not taking payments has none to settle, and the change costs it no read
        if (ports.isEmpty() || !ports.get().configured() || previous.status() == next.status()) {
            return;
        }
        if (next.status() == AppointmentStatus.EXPIRED && previous.status() == AppointmentStatus.PENDING_PAYMENT) {
            for (Payment payment : store().ofAppointment(next.businessId(), next.id())) {
                if (payment.isOpen()) {
                    store().markExpired(next.businessId(), payment.id(), now);
                }
            }
            releaseCard(next, now);
        } else if (next.status() == AppointmentStatus.CANCELLED) {
            cancelled(business.get(), previous, now);
            releaseCard(next, now);
        } else if (next.status() == AppointmentStatus.NO_SHOW) {
            noShow(next, now);
        }
    }

    /** A card still awaited is no longer asked for once the time it kept is released. */
    private void releaseCard(Appointment appointment, Instant now) {
        store().cardOf(appointment.businessId(), appointment.id())
                .filter(SavedCard::isPending)
                .ifPresent(card -> store().releaseCard(appointment.businessId(), card.id(), now));
    }

    /**
     * A client who did not come owes the no-show fee they were told of, less the deposits the business keeps: it is
     * recorded here, to charge to their saved card once the change commits (a change rolled back charges nothing).
     */
    private void noShow(Appointment appointment, Instant now) {
        Optional<SavedCard> card =
                store().cardOf(appointment.businessId(), appointment.id()).filter(SavedCard::isSaved);
        if (card.isEmpty()) {
            return;
        }
        List<Payment> payments = store().ofAppointment(appointment.businessId(), appointment.id());
        if (payments.stream().anyMatch(p -> p.kind() == PaymentKind.NO_SHOW_FEE)) {
            return;
        }
        card.get().feeBeyond(payments).ifPresent(fee -> store().add(Payment.noShowFee(card.get(), fee, now)));
    }

    /**
     * An appointment called off: what was not paid yet is no longer owed; a deposit paid through Stripe goes back, in
     * the business's share, when it was called off before the cutoff, and is kept after it. The refund is only
     * requested here, in the change's transaction; the payments' sweep asks Stripe for it once the change has
     * committed (within a minute), so a cancellation rolled back refunds nothing.
     */
    private void cancelled(Business business, Appointment previous, Instant now) {
        boolean inTime = !now.isAfter(previous.changeableUntil(business.policy().cancellationCutoff()));
        int percent = store().settings(business.id()).refundPercent();
        for (Payment payment : store().ofAppointment(business.id(), previous.id())) {
            if (payment.isOpen()) {
                store().markCancelled(business.id(), payment.id(), now);
            } else if (inTime
                    && percent > 0
                    && payment.status() == PaymentStatus.PAID
                    && payment.method() == PaymentMethod.STRIPE) {
                Money share = payment.share(percent);
                if (share.amount().signum() > 0) {
                    store().requestRefund(Refund.requested(payment, share, RefundReason.CANCELLED_IN_TIME, now));
                }
            }
        }
    }

    private PaymentRepository store() {
        return ports.orElseThrow().store();
    }

    /**
     * What a booking waits for: a deposit owed, a card for the no-show fee, or both, on which Stripe account, and by
     * when the time is kept.
     */
    record Due(Optional<Money> deposit, Optional<Money> noShowFee, String account, Instant payBy) {}
}
