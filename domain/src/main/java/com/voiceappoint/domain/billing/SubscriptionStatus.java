package com.voiceappoint.domain.billing;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a business's subscription is, in Stripe Billing's own terms ({@code active}, {@code past_due}...), plus
 * {@link #NONE} for a business that never subscribed.
 */
public enum SubscriptionStatus {
    NONE,
    /** Made, its first payment not through yet (Stripe gives it 23 hours). */
    INCOMPLETE,
    /** Its first payment never came: the subscription is over before it began. */
    INCOMPLETE_EXPIRED,
    TRIALING,
    ACTIVE,
    /** A renewal's payment failed, and Stripe is trying again: the plan is kept meanwhile. */
    PAST_DUE,
    CANCELED,
    /** Stripe stopped trying to collect: nothing is paid for. */
    UNPAID,
    PAUSED;

    /** Statuses in which the business has the plan it subscribed to; in any other it is on the plan it started on. */
    private static final Set<SubscriptionStatus> ENTITLING = EnumSet.of(TRIALING, ACTIVE, PAST_DUE);

    public boolean entitles() {
        return ENTITLING.contains(this);
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Stripe's name of a status (or ours, {@code none}); empty for one Stripe may add after this was written. */
    public static Optional<SubscriptionStatus> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (SubscriptionStatus status : values()) {
            if (status.code().equals(code)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
