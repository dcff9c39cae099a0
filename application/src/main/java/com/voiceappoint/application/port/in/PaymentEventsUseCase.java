package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.billing.SubscriptionStatus;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.payment.PaymentId;
import com.voiceappoint.domain.payment.SavedCardId;
import com.voiceappoint.domain.shared.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The payment provider's news, already proven to be its own (the adapter checked the signature): each event is applied
 * once, however often it is delivered, and news arriving out of order does no harm, since every change is conditional
 * on where the payment is.
 */
public interface PaymentEventsUseCase {

    Outcome apply(PaymentEvent event);

    enum Outcome {
        APPLIED,
        /** Delivered before: nothing done again. */
        ALREADY_APPLIED,
        /** About nothing of ours (another account's, a payment we do not know, a type we do not act on). */
        IGNORED
    }

    /**
     * @param id the provider's event id, what "once" is counted by
     * @param account the connected account it happened on; none for the platform's own account
     */
    sealed interface PaymentEvent {
        String id();

        Optional<String> account();
    }

    /**
     * A client finished a Checkout Session.
     *
     * @param payment our payment, from the session's metadata
     * @param paid whether the money is there (a delayed method completes unpaid, and pays later)
     * @param card our card kept for a no-show fee, from the session's metadata, when the page kept one
     * @param customer the Stripe customer the page made, when it kept a card
     * @param setupIntent what saved the card on a page that took no money (setup mode); a page that took money saved
     *     it with {@code paymentIntent}
     */
    record CheckoutCompleted(
            String id,
            Optional<String> account,
            String session,
            Optional<PaymentId> payment,
            Optional<String> paymentIntent,
            Optional<Money> amount,
            boolean paid,
            Optional<SavedCardId> card,
            Optional<String> customer,
            Optional<String> setupIntent)
            implements PaymentEvent {
        public CheckoutCompleted {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(setupIntent, "setupIntent");
        }

        /** A page that kept no card. */
        public CheckoutCompleted(
                String id,
                Optional<String> account,
                String session,
                Optional<PaymentId> payment,
                Optional<String> paymentIntent,
                Optional<Money> amount,
                boolean paid) {
            this(
                    id,
                    account,
                    session,
                    payment,
                    paymentIntent,
                    amount,
                    paid,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty());
        }
    }

    /** A Checkout Session lapsed unpaid. */
    record CheckoutExpired(String id, Optional<String> account, String session, Optional<PaymentId> payment)
            implements PaymentEvent {}

    /** An attempt to pay failed (a card declined, say); the client may try again until the deadline. */
    record PaymentFailed(String id, Optional<String> account, Optional<PaymentId> payment, String reason)
            implements PaymentEvent {}

    /** A client disputed a payment with their bank. */
    record Disputed(String id, Optional<String> account, String paymentIntent, String reason) implements PaymentEvent {}

    /** A connected account changed: whether it can take payments now. */
    record AccountUpdated(String id, Optional<String> account, boolean chargesEnabled, boolean detailsSubmitted)
            implements PaymentEvent {}

    /**
     * A business's owner subscribed on a Checkout Session of the platform's own account (Stripe Billing).
     *
     * @param created when Stripe made the event: news older than what was applied last does not undo it
     * @param business our business, from the session's metadata
     * @param plan the plan's code, from the session's metadata
     * @param paid whether the first payment is through (or none was due), so the plan is the business's now
     */
    record SubscriptionCheckoutCompleted(
            String id,
            Optional<String> account,
            Instant created,
            Optional<BusinessId> business,
            Optional<String> plan,
            String customer,
            String subscription,
            boolean paid)
            implements PaymentEvent {
        public SubscriptionCheckoutCompleted {
            Objects.requireNonNull(created, "created");
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(subscription, "subscription");
        }
    }

    /**
     * A business's subscription was made, changed (another plan, a renewal, a failed payment) or ended.
     *
     * @param created when Stripe made the event: news older than what was applied last does not undo it
     * @param business our business, from the subscription's metadata (the customer's business is asked first)
     * @param price the Stripe Price it is for now: a plan changed in the Customer Portal changes the price, not our
     *     metadata
     * @param plan the plan's code, from the subscription's metadata
     */
    record SubscriptionChanged(
            String id,
            Optional<String> account,
            Instant created,
            String subscription,
            String customer,
            Optional<BusinessId> business,
            Optional<String> price,
            Optional<String> plan,
            SubscriptionStatus status,
            Optional<Instant> currentPeriodEnd)
            implements PaymentEvent {
        public SubscriptionChanged {
            Objects.requireNonNull(created, "created");
            Objects.requireNonNull(subscription, "subscription");
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(status, "status");
        }
    }
}
