package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.application.port.out.PaymentGateway;
import com.voiceappoint.application.port.out.PaymentPorts;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.domain.payment.Payment;
import com.voiceappoint.domain.payment.Refund;
import com.voiceappoint.domain.payment.RefundStatus;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Asks Stripe for the refunds recorded as requested, each under its own idempotency key, and records the answer. A
 * refund whose answer is lost stays requested and is asked again by the next sweep: Stripe makes it once.
 */
final class RefundDesk {
    /** At most this many a sweep. */
    static final int BATCH = 50;
    /** A refund younger than this may be in the hands of the request that asked for it. */
    static final Duration SETTLING = Duration.ofSeconds(30);

    private final PaymentPorts ports;
    private final TransactionRunner transactions;
    private final Clock clock;

    RefundDesk(PaymentPorts ports, TransactionRunner transactions, Clock clock) {
        this.ports = ports;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The refund as it stands after asking: succeeded, failed (Stripe refused it), or still requested. */
    Refund send(Refund refund, Payment payment) {
        if (refund.status() != RefundStatus.REQUESTED || !ports.gateway().configured()) {
            return refund;
        }
        try {
            String stripeRefund = ports.gateway()
                    .refund(new PaymentGateway.RefundRequest(
                            payment.account().orElseThrow(),
                            payment.paymentIntent().orElseThrow(),
                            refund.amount(),
                            refund.idempotencyKey()));
            return settle(refund, RefundStatus.SUCCEEDED, Optional.of(stripeRefund));
        } catch (DomainException refused) {
            if (refused.code() != ErrorCode.PAYMENT_REFUSED && refused.code() != ErrorCode.PAYMENTS_NOT_CONNECTED) {
                throw refused;
            }
            return settle(refund, RefundStatus.FAILED, Optional.empty());
        } catch (StoreUnavailableException unknown) {
            return refund;
        }
    }

    /** Every refund whose answer never came: how many were settled now. */
    int sendUnsettled() {
        Instant before = clock.instant().minus(SETTLING);
        int settled = 0;
        for (Refund refund : ports.store().unsettledRefunds(before, BATCH)) {
            Optional<Payment> payment = ports.store().find(refund.businessId(), refund.paymentId());
            if (payment.isPresent() && send(refund, payment.get()).status() != RefundStatus.REQUESTED) {
                settled++;
            }
        }
        return settled;
    }

    private Refund settle(Refund refund, RefundStatus status, Optional<String> stripeRefund) {
        transactions.inTransaction(() ->
                ports.store().settleRefund(refund.businessId(), refund.id(), status, stripeRefund, clock.instant()));
        return new Refund(
                refund.id(),
                refund.businessId(),
                refund.paymentId(),
                refund.amount(),
                refund.reason(),
                status,
                stripeRefund,
                refund.createdAt());
    }
}
