package com.voiceappoint.application.usecase;

import com.voiceappoint.application.port.out.PaymentPorts;
import com.voiceappoint.application.port.out.PaymentRepository;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.payment.Payment;
import com.voiceappoint.domain.payment.PaymentMethod;
import com.voiceappoint.domain.payment.PaymentSettings;
import com.voiceappoint.domain.payment.PaymentStatus;
import com.voiceappoint.domain.payment.Refund;
import com.voiceappoint.domain.payment.RefundReason;
import com.voiceappoint.domain.shared.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The payment side of booking, in the booking's own transaction: whether a client must pay a deposit to keep the time
 * (and by when), the payment recorded with the appointment, and what a change of the appointment does to its
 * payments (a time released lapses its payment; a cancellation before the cutoff gives the deposit's share back).
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

    /** What a client booking {@code service} now must pay to keep the time; empty when the business asks nothing. */
    Optional<Due> due(Business business, Service service, boolean byClient, Instant now) {
        if (!byClient || ports.isEmpty() || !ports.get().configured()) {
            return Optional.empty();
        }
        Optional<Money> deposit =
                service.deposit().filter(amount -> amount.amount().signum() > 0);
        if (deposit.isEmpty()) {
            return Optional.empty();
        }
        PaymentSettings settings = store().settings(business.id());
        if (!settings.takesPayments()) {
            return Optional.empty();
        }
        Instant payBy = now.plus(settings.paymentWindow()).plus(OPENING_SLACK).truncatedTo(ChronoUnit.SECONDS);
        return Optional.of(new Due(deposit.get(), settings.account().orElseThrow(), payBy));
    }

    /** Records the deposit of an appointment just kept for it, in the booking's transaction. */
    Payment open(Due due, Appointment appointment, Instant now) {
        Payment payment = Payment.deposit(
                appointment.businessId(), appointment.id(), due.amount(), due.account(), due.payBy(), now);
        store().add(payment);
        return payment;
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
        } else if (next.status() == AppointmentStatus.CANCELLED) {
            cancelled(business.get(), previous, now);
        }
    }

    /**
     * An appointment called off: what was not paid yet is no longer owed; a deposit paid through Stripe goes back, in
     * the business's share, when it was called off before the cutoff, and is kept after it. The refund is only
     * requested here: Stripe is asked once the change commits (a cancellation rolled back refunds nothing).
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

    /** A deposit owed: how much, to which Stripe account, and by when the time is kept. */
    record Due(Money amount, String account, Instant payBy) {}
}
