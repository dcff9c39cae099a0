package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.billing.BusinessPlan;
import com.voiceappoint.domain.billing.Plan;
import com.voiceappoint.domain.business.BusinessId;
import java.net.URI;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Businesses paying the platform: the plans it offers, the plan each business is on and how many voice bookings it
 * has left this month, subscribing through Stripe Checkout, and Stripe's Customer Portal to change plan, cancel and
 * read invoices. Seeing and changing a business's plan is its owners' and admins' (settings rights); whether it is
 * over its cap, any member's who sees the business; every business's plan, the platform's operators'.
 */
public interface BillingUseCase {

    /** The plans offered, the one businesses start on first, and whether a business can subscribe on this server. */
    Offer plans();

    /** The business's plan, its subscription, and its voice bookings this month against the plan's cap. */
    Billing billing(Actor actor, BusinessId business);

    /**
     * Its voice bookings this month against its plan's cap, for a member who sees the business: what the dashboard
     * warns of. Empty when its plan has no cap (nothing is counted then).
     */
    Optional<VoiceAllowance> cappedVoice(Actor actor, BusinessId business);

    /**
     * Where the owner subscribes the business to {@code plan} (a Stripe Checkout page), coming back to the business's
     * billing page. The business is made a Stripe customer on the first call.
     *
     * @throws com.voiceappoint.domain.shared.InvalidValueException {@code plan} for a plan not offered, or one no one
     *     can subscribe to
     * @throws com.voiceappoint.domain.shared.DomainException {@code PAYMENTS_NOT_CONNECTED} on a server that takes no
     *     subscriptions; {@code INVALID_STATE_TRANSITION} while the business is subscribed (a change of plan is made in
     *     the portal, so that it never pays for two)
     */
    URI checkout(Actor actor, BusinessId business, String plan);

    /**
     * Where the owner manages the business's subscription and reads its invoices (Stripe's Customer Portal), coming
     * back to its billing page.
     *
     * @throws com.voiceappoint.domain.shared.DomainException {@code INVALID_STATE_TRANSITION} for a business that
     *     never subscribed (nothing to manage), {@code PAYMENTS_NOT_CONNECTED} on a server without Stripe
     */
    URI portal(Actor actor, BusinessId business);

    /** The plan each of {@code businesses} is on: for the platform's operators, and no one else. */
    Map<BusinessId, Plan> plansOf(Actor.Member operator, Collection<BusinessId> businesses);

    /** @param subscriptions whether a business can subscribe on this server (Stripe and the plans' Prices set up) */
    record Offer(List<Plan> plans, boolean subscriptions) {
        public Offer {
            plans = List.copyOf(plans);
        }
    }

    /**
     * @param month the calendar month counted, in the business's zone
     * @param voiceBookings appointments made by voice this month (booked, even if cancelled later, or held now)
     * @param overCap whether the plan's cap is reached: callers are offered the web instead of a booking by phone
     */
    record VoiceAllowance(Plan plan, YearMonth month, long voiceBookings, boolean overCap) {
        public VoiceAllowance {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(month, "month");
        }

        public Optional<Integer> cap() {
            return plan.voiceBookingsPerMonth();
        }
    }

    /**
     * @param state the business's plan and subscription as stored ({@link BusinessPlan#starting} for one that never
     *     subscribed)
     * @param subscriptions whether the business can subscribe on this server
     * @param manageable whether it has anything to manage in Stripe's Customer Portal (it became a customer)
     */
    record Billing(BusinessPlan state, VoiceAllowance voice, boolean subscriptions, boolean manageable) {
        public Plan plan() {
            return voice.plan();
        }
    }
}
