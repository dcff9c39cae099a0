package com.voiceappoint.domain.billing;

import com.voiceappoint.domain.business.BusinessId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The plan a business is on, and its subscription to it on the platform's Stripe account.
 *
 * @param plan the code of the plan it has now: the one it subscribed to while the subscription {@linkplain
 *     SubscriptionStatus#entitles() entitles} it, else the one every business starts on
 * @param customer the business as the platform's Stripe customer, once one was made for it
 * @param subscription its Stripe subscription, once it subscribed
 * @param currentPeriodEnd when the month paid for ends (the next renewal, or the end of a cancelled subscription)
 * @param changedAt when Stripe made the news last applied here: older news arriving later must not undo it
 */
public record BusinessPlan(
        BusinessId businessId,
        String plan,
        Optional<String> customer,
        Optional<String> subscription,
        SubscriptionStatus status,
        Optional<Instant> currentPeriodEnd,
        Optional<Instant> changedAt,
        Instant updatedAt) {
    public BusinessPlan {
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(currentPeriodEnd, "currentPeriodEnd");
        Objects.requireNonNull(changedAt, "changedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A business that never subscribed: on {@code plan}, with nothing of Stripe's. */
    public static BusinessPlan starting(BusinessId business, String plan, Instant at) {
        return new BusinessPlan(
                business,
                plan,
                Optional.empty(),
                Optional.empty(),
                SubscriptionStatus.NONE,
                Optional.empty(),
                Optional.empty(),
                at);
    }

    /** Whether news Stripe made at {@code made} is as new as the news applied last, or newer: it may be applied. */
    public boolean supersededBy(Instant made) {
        return changedAt.map(last -> !last.isAfter(made)).orElse(true);
    }

    public BusinessPlan withCustomer(String customer, Instant at) {
        return new BusinessPlan(
                businessId, plan, Optional.of(customer), subscription, status, currentPeriodEnd, changedAt, at);
    }
}
