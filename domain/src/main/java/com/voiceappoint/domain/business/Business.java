package com.voiceappoint.domain.business;

import com.voiceappoint.domain.shared.CountryCode;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Language;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * A business that takes appointments: a salon, a clinic, a studio. Its zone decides what "9:00 on Monday"
 * means; its language is the one its callers hear; its country, when known, how its clients write phone numbers.
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
        Optional<CountryCode> country) {
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

    public static String requireName(String name) {
        InvalidValueException.check(name != null && !name.isBlank(), "businessName", "a business name is required");
        String stripped = name.strip();
        InvalidValueException.check(
                stripped.length() <= MAX_NAME_LENGTH, "businessName", "a business name is at most 200 characters");
        return stripped;
    }
}
