package com.voiceappoint.domain.billing;

import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Money;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The plans the platform offers, from its configuration. The first is the one every business is on until it
 * subscribes to another, and again when a subscription ends: no one subscribes to it, so it has no Stripe Price.
 */
public final class Plans {
    /**
     * For a server that bills no one: one plan, with no limit. A business that could never subscribe must never be
     * held to a cap it cannot lift.
     */
    public static final Plans UNLIMITED = of(List.of(Plan.unlimited("unlimited", "Unlimited", Money.of("0", "EUR"))));

    private final List<Plan> plans;
    /** Asked before every voice booking: worked out once. */
    private final Set<String> capped;

    private Plans(List<Plan> plans) {
        this.plans = plans;
        this.capped = plans.stream().filter(Plan::capped).map(Plan::code).collect(Collectors.toUnmodifiableSet());
    }

    public static Plans of(List<Plan> plans) {
        Objects.requireNonNull(plans, "plans");
        InvalidValueException.check(!plans.isEmpty(), "plans", "at least one plan, the one businesses start on");
        Set<String> codes = new HashSet<>();
        Set<String> prices = new HashSet<>();
        for (Plan plan : plans) {
            InvalidValueException.check(codes.add(plan.code()), "plans", "two plans named " + plan.code());
            plan.stripePrice()
                    .ifPresent(price -> InvalidValueException.check(
                            prices.add(price), "plans", "two plans with Stripe's price " + price));
        }
        InvalidValueException.check(
                plans.get(0).stripePrice().isEmpty(),
                "plans",
                "the first plan is the one businesses start on, which no one subscribes to");
        return new Plans(List.copyOf(plans));
    }

    /** The plan every business is on until it subscribes to another. */
    public Plan starting() {
        return plans.get(0);
    }

    /** Every plan, the one businesses start on first, in the order configured. */
    public List<Plan> all() {
        return plans;
    }

    public Optional<Plan> find(String code) {
        return plans.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    /** The plan a business on {@code code} has: a plan since taken out of the configuration keeps no limit. */
    public Plan of(String code) {
        return find(code)
                .orElseGet(() -> Plan.unlimited(
                        code, code, Money.zero(starting().monthlyPrice().currency())));
    }

    /** The plan subscribed to with Stripe's {@code price}. */
    public Optional<Plan> byStripePrice(String price) {
        return plans.stream()
                .filter(p -> p.stripePrice().filter(price::equals).isPresent())
                .findFirst();
    }

    /** Whether any plan can be subscribed to: the platform bills its businesses. */
    public boolean subscribable() {
        return plans.stream().anyMatch(Plan::subscribable);
    }

    /** The codes of the plans that limit voice bookings: a business on any other is never counted. */
    public Set<String> capped() {
        return capped;
    }

    /** The plan a subscription to {@code subscribed} in {@code status} gives the business. */
    public String planFor(String subscribed, SubscriptionStatus status) {
        return status.entitles() ? subscribed : starting().code();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Plans that && plans.equals(that.plans);
    }

    @Override
    public int hashCode() {
        return plans.hashCode();
    }

    @Override
    public String toString() {
        return plans.stream().map(Plan::code).collect(Collectors.joining(", ", "Plans[", "]"));
    }
}
