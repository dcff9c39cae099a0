package com.voiceappoint.domain.business;

import com.voiceappoint.domain.shared.InvalidValueException;
import java.util.Locale;

/** What kind of business this is; it shapes defaults and wording, never the booking rules. */
public enum BusinessType {
    SALON,
    BARBERSHOP,
    BEAUTY,
    SPA,
    CLINIC,
    DENTAL,
    PHYSIOTHERAPY,
    VETERINARY,
    FITNESS,
    STUDIO,
    CONSULTING,
    OTHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BusinessType parse(String code) {
        InvalidValueException.check(code != null, "businessType", "a business type is required");
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("businessType", "unknown business type " + code);
        }
    }
}
