package com.voiceappoint.domain.appointment;

import com.voiceappoint.domain.shared.InvalidValueException;
import java.util.Locale;

/** Where a booking came from; analytics split conversion and revenue by it. */
public enum BookingSource {
    VOICE,
    WEB,
    DASHBOARD,
    API;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BookingSource parse(String code) {
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidValueException("source", "unknown booking source " + code);
        }
    }
}
