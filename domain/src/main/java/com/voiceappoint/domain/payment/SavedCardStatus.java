package com.voiceappoint.domain.payment;

import java.util.Locale;

/**
 * Where a card asked for an appointment's no-show fee is.
 *
 * <pre>
 * PENDING ──► SAVED
 *    └──────► RELEASED (the time it kept lapsed, or the appointment was called off, before the card came)
 * </pre>
 *
 * A card whose news comes after its time was released is still recorded as saved: Stripe keeps it all the same.
 */
public enum SavedCardStatus {
    PENDING,
    SAVED,
    RELEASED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SavedCardStatus parse(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
