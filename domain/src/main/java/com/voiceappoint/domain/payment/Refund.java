package com.voiceappoint.domain.payment;

import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.shared.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Money given back on a payment. Its id is also the idempotency key it is asked of Stripe under, so asking again
 * after a lost answer never refunds twice.
 *
 * @param stripeRefund Stripe's id for it, once Stripe has answered
 */
public record Refund(
        UUID id,
        BusinessId businessId,
        PaymentId paymentId,
        Money amount,
        RefundReason reason,
        RefundStatus status,
        Optional<String> stripeRefund,
        Instant createdAt) {
    public Refund {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(stripeRefund, "stripeRefund");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static Refund requested(Payment payment, Money amount, RefundReason reason, Instant now) {
        return new Refund(
                UUID.randomUUID(),
                payment.businessId(),
                payment.id(),
                amount,
                reason,
                RefundStatus.REQUESTED,
                Optional.empty(),
                now);
    }

    public String idempotencyKey() {
        return "refund-" + id;
    }
}
