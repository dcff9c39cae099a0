package com.voiceappoint.domain.shared;

import java.util.Locale;
import java.util.Set;

/** An ISO 3166-1 alpha-2 country ({@code ES}, {@code US}): it tells how a local phone number is dialled. */
public record CountryCode(String value) {
    private static final Set<String> KNOWN = Set.of(Locale.getISOCountries());

    public CountryCode {
        InvalidValueException.check(value != null, "country", "a country is required");
        value = value.trim().toUpperCase(Locale.ROOT);
        InvalidValueException.check(KNOWN.contains(value), "country", "not an ISO 3166 country code");
    }

    @Override
    public String toString() {
        return value;
    }
}
