package com.voiceappoint.domain.billing;

import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Money;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a business pays the platform each month, and what that buys: how many appointments its callers may book by
 * voice in a calendar month. Web, dashboard and API bookings are never capped.
 *
 * @param code how the plan is named in the configuration, the API and Stripe's metadata ({@code free}, {@code pro})
 * @param monthlyPrice what the plan costs a month; nothing for the plan every business starts on
 * @param voiceBookingsPerMonth the voice bookings a month the plan allows; empty for no limit
 * @param stripePrice the Stripe Price a business subscribes to it with; empty for a plan no one subscribes to (the one
 *     every business is on until it does, or a plan the platform has not priced in Stripe yet)
 */
public record Plan(
        String code,
        String name,
        Money monthlyPrice,
        Optional<Integer> voiceBookingsPerMonth,
        Optional<String> stripePrice) {
    public static final int MAX_NAME_LENGTH = 60;
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    /** Stripe's Price ids ({@code price_...}); a lookup key would be another request to resolve. */
    private static final Pattern PRICE = Pattern.compile("price_[0-9A-Za-z_]{1,200}");

    public Plan {
        InvalidValueException.check(
                code != null && CODE.matcher(code).matches(),
                "plan",
                "a plan's code is 1 to 32 lower-case letters, digits and dashes, starting with a letter");
        InvalidValueException.check(
                name != null && !name.isBlank() && name.strip().length() <= MAX_NAME_LENGTH,
                "name",
                "a plan's name has 1 to 60 characters");
        name = name.strip();
        Objects.requireNonNull(monthlyPrice, "monthlyPrice");
        InvalidValueException.check(!monthlyPrice.isNegative(), "monthlyPrice", "a plan's price is not negative");
        Objects.requireNonNull(voiceBookingsPerMonth, "voiceBookingsPerMonth");
        voiceBookingsPerMonth.ifPresent(cap -> InvalidValueException.check(
                cap >= 0, "voiceBookingsPerMonth", "a plan allows no voice bookings or more, never fewer"));
        Objects.requireNonNull(stripePrice, "stripePrice");
        stripePrice.ifPresent(price -> InvalidValueException.check(
                PRICE.matcher(price).matches(), "stripePrice", "a Stripe Price id starts with price_"));
    }

    /** A plan with no limit on voice bookings and no Stripe Price. */
    public static Plan unlimited(String code, String name, Money monthlyPrice) {
        return new Plan(code, name, monthlyPrice, Optional.empty(), Optional.empty());
    }

    /** The same plan, subscribed to with Stripe's {@code price}. */
    public Plan pricedInStripeAs(String price) {
        return new Plan(code, name, monthlyPrice, voiceBookingsPerMonth, Optional.of(price));
    }

    /** Whether the plan limits voice bookings at all: only then are they counted before one is made. */
    public boolean capped() {
        return voiceBookingsPerMonth.isPresent();
    }

    /** Whether one more voice booking fits in the month, with {@code booked} made already. */
    public boolean allowsVoiceBooking(long booked) {
        return voiceBookingsPerMonth.map(cap -> booked < cap).orElse(true);
    }

    /** Whether a business can subscribe to it: the platform priced it in Stripe. */
    public boolean subscribable() {
        return stripePrice.isPresent();
    }
}
