package com.voiceappoint.domain.payment;

import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Money a client owes, or paid, for an appointment.
 *
 * @param refunded what was given back so far (requested refunds included): never more than {@code amount}
 * @param account the business's Stripe account the payment is made to; none when paid in person
 * @param checkoutSession the Stripe Checkout Session the client pays through, once opened, and {@code checkoutUrl}
 *     where it is
 * @param paymentIntent Stripe's payment, once made: what a refund is made against
 * @param payBy when an open payment lapses (and the time it keeps goes back to the agenda)
 * @param issue the last thing that went wrong with it (a failed attempt, a dispute), as the provider named it
 */
public record Payment(
        PaymentId id,
        BusinessId businessId,
        AppointmentId appointmentId,
        PaymentKind kind,
        PaymentMethod method,
        Money amount,
        Money refunded,
        PaymentStatus status,
        Optional<String> account,
        Optional<String> checkoutSession,
        Optional<String> checkoutUrl,
        Optional<String> paymentIntent,
        Optional<Instant> payBy,
        Optional<String> issue,
        Instant createdAt,
        Instant updatedAt) {

    public Payment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(appointmentId, "appointmentId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(refunded, "refunded");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(checkoutSession, "checkoutSession");
        Objects.requireNonNull(checkoutUrl, "checkoutUrl");
        Objects.requireNonNull(paymentIntent, "paymentIntent");
        Objects.requireNonNull(payBy, "payBy");
        Objects.requireNonNull(issue, "issue");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (amount.amount().signum() <= 0) {
            throw new IllegalArgumentException("a payment is of more than nothing");
        }
        if (refunded.isNegative() || refunded.compareTo(amount) > 0) {
            throw new IllegalArgumentException("a refund is between nothing and what was paid");
        }
        if (method == PaymentMethod.STRIPE && account.isEmpty()) {
            throw new IllegalArgumentException("a payment through Stripe is made to an account");
        }
    }

    /** A deposit to pay through the business's Stripe account by {@code payBy}. */
    public static Payment deposit(
            BusinessId business, AppointmentId appointment, Money amount, String account, Instant payBy, Instant now) {
        return new Payment(
                PaymentId.random(),
                business,
                appointment,
                PaymentKind.DEPOSIT,
                PaymentMethod.STRIPE,
                amount,
                Money.zero(amount.currency()),
                PaymentStatus.OPEN,
                Optional.of(account),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(payBy),
                Optional.empty(),
                now,
                now);
    }

    /** A deposit a member of staff took by hand: paid from the start, nothing to wait for. */
    public static Payment takenInPerson(BusinessId business, AppointmentId appointment, Money amount, Instant now) {
        return new Payment(
                PaymentId.random(),
                business,
                appointment,
                PaymentKind.DEPOSIT,
                PaymentMethod.IN_PERSON,
                amount,
                Money.zero(amount.currency()),
                PaymentStatus.PAID,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                now,
                now);
    }

    /** What can still be given back. */
    public Money refundable() {
        return status == PaymentStatus.PAID
                ? new Money(amount.amount().subtract(refunded.amount()), amount.currency())
                : Money.zero(amount.currency());
    }

    /**
     * Checks a refund of {@code wanted} against what is left: a refund is of more than nothing and at most what was
     * paid and not yet given back.
     */
    public Money checkRefund(Money wanted) {
        if (status != PaymentStatus.PAID) {
            throw new DomainException(
                    ErrorCode.NOT_REFUNDABLE,
                    null,
                    "only a paid payment can be refunded",
                    Map.of("status", status.code()));
        }
        if (method != PaymentMethod.STRIPE) {
            throw new DomainException(
                    ErrorCode.NOT_REFUNDABLE,
                    null,
                    "money taken in person is given back in person",
                    Map.of("method", method.code()));
        }
        if (refundable().amount().signum() == 0) {
            // asked for "all that is left" of a payment given back already: nothing to give, not a bad amount
            throw new DomainException(
                    ErrorCode.NOT_REFUNDABLE,
                    "amount",
                    "all of it was given back already",
                    Map.of("refundable", refundable().amount().toPlainString()));
        }
        InvalidValueException.check(
                wanted.currency().equals(amount.currency()), "amount", "a refund is in the payment's currency");
        InvalidValueException.check(wanted.amount().signum() > 0, "amount", "a refund is of more than nothing");
        if (wanted.compareTo(refundable()) > 0) {
            throw new DomainException(
                    ErrorCode.NOT_REFUNDABLE,
                    "amount",
                    "at most %s can still be refunded".formatted(refundable()),
                    Map.of("refundable", refundable().amount().toPlainString()));
        }
        return wanted;
    }

    /** {@code share} percent of what can still be given back, at the currency's precision, rounded down. */
    public Money share(int percent) {
        BigDecimal part = refundable()
                .amount()
                .multiply(BigDecimal.valueOf(percent))
                .divide(BigDecimal.valueOf(100), refundable().amount().scale(), java.math.RoundingMode.DOWN);
        return new Money(part, amount.currency());
    }

    public boolean isOpen() {
        return status == PaymentStatus.OPEN;
    }
}
