package com.voiceappoint.domain.payment;

import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Money;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a business takes payments from its clients.
 *
 * @param account the business's own Stripe account (Connect), once it started connecting one
 * @param chargesEnabled whether Stripe lets that account take payments yet (onboarding done, nothing due)
 * @param paymentWindow how long a time is kept for a client to pay its deposit: at least 30 minutes, because a Stripe
 *     Checkout Session cannot lapse sooner, and at most a day, because it cannot last longer
 * @param refundPercent the share of a deposit given back to a client who cancels before the business's cutoff
 * @param noShowFee what a client who does not come is charged, in the business's currency: a client booking
 *     online leaves a card for it; none when the business charges nothing
 */
public record PaymentSettings(
        BusinessId businessId,
        Optional<String> account,
        boolean chargesEnabled,
        Duration paymentWindow,
        int refundPercent,
        Optional<Money> noShowFee) {
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(30);
    public static final Duration SHORTEST_WINDOW = Duration.ofMinutes(30);
    public static final Duration LONGEST_WINDOW = Duration.ofHours(23);

    public PaymentSettings {
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(paymentWindow, "paymentWindow");
        InvalidValueException.check(
                paymentWindow.compareTo(SHORTEST_WINDOW) >= 0 && paymentWindow.compareTo(LONGEST_WINDOW) <= 0,
                "paymentWindowMinutes",
                "a payment window is between 30 minutes and 23 hours");
        InvalidValueException.check(
                paymentWindow.toSeconds() % 60 == 0, "paymentWindowMinutes", "a whole number of minutes");
        InvalidValueException.check(
                refundPercent >= 0 && refundPercent <= 100, "refundPercent", "a share between 0 and 100");
        Objects.requireNonNull(noShowFee, "noShowFee");
        noShowFee.ifPresent(fee -> InvalidValueException.check(
                fee.amount().signum() > 0, "noShowFee", "a no-show fee is more than nothing"));
    }

    /** A business that has connected nothing: it takes no payments, and its deposit services book as any other. */
    public static PaymentSettings none(BusinessId business) {
        return new PaymentSettings(business, Optional.empty(), false, DEFAULT_WINDOW, 100, Optional.empty());
    }

    /** Whether a deposit can be asked of a client now. */
    public boolean takesPayments() {
        return account.isPresent() && chargesEnabled;
    }

    /** Whether a client booking now must leave a card for a no-show fee. */
    public boolean chargesNoShows() {
        return takesPayments() && noShowFee.isPresent();
    }

    /** The same settings with Stripe's word on whether the account can take payments. */
    public PaymentSettings withChargesEnabled(boolean enabled) {
        return new PaymentSettings(businessId, account, enabled, paymentWindow, refundPercent, noShowFee);
    }
}
