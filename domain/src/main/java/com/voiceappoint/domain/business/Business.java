package com.voiceappoint.domain.business;

import com.voiceappoint.domain.shared.CountryCode;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Language;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * A business that takes appointments: a salon, a clinic, a studio. Its zone decides what "9:00 on Monday"
 * means; its language is the one its callers hear; its country, when known, how its clients write phone numbers.
 *
 * @param suspended whether the platform's operators suspended it ({@link StatusChange}): it takes no new bookings,
 *     by any channel, until reactivated; its members still sign in and read, and its appointments can still be
 *     cancelled, completed or marked missed
 */
public record Business(
        BusinessId id,
        Slug slug,
        String name,
        BusinessType type,
        Language language,
        ZoneId zone,
        Currency currency,
        boolean allowVoiceBooking,
        BookingPolicy policy,
        Optional<CountryCode> country,
        boolean suspended) {
    public static final int MAX_NAME_LENGTH = 200;

    public Business {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(country, "country");
        name = requireName(name);
    }

    /** A business taking bookings: every business is, until an operator suspends it. */
    public Business(
            BusinessId id,
            Slug slug,
            String name,
            BusinessType type,
            Language language,
            ZoneId zone,
            Currency currency,
            boolean allowVoiceBooking,
            BookingPolicy policy,
            Optional<CountryCode> country) {
        this(id, slug, name, type, language, zone, currency, allowVoiceBooking, policy, country, false);
    }

    public Business withSuspended(boolean suspended) {
        return new Business(
                id, slug, name, type, language, zone, currency, allowVoiceBooking, policy, country, suspended);
    }

    /**
     * Refuses a new booking, or a move to another time, while the business is suspended: the one check every booking
     * channel goes through, on the business it has already read.
     */
    public void requireTakingBookings() {
        if (suspended) {
            throw new DomainException(ErrorCode.BUSINESS_SUSPENDED, "this business is not taking bookings right now");
        }
    }

    public static String requireName(String name) {
        InvalidValueException.check(name != null && !name.isBlank(), "businessName", "a business name is required");
        String stripped = name.strip();
        InvalidValueException.check(
                stripped.length() <= MAX_NAME_LENGTH, "businessName", "a business name is at most 200 characters");
        return stripped;
    }
}
