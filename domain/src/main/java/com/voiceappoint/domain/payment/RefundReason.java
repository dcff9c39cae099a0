package com.voiceappoint.domain.payment;

import java.util.Locale;

/** Why money went back to a client. */
public enum RefundReason {
    /** The client called the appointment off before the business's cutoff. */
    CANCELLED_IN_TIME,
    /** The business called the appointment off. */
    CANCELLED_BY_BUSINESS,
    /** A member of staff gave it back. */
    BY_STAFF,
    /** The payment came after the time it kept had gone to someone else. */
    PAID_TOO_LATE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RefundReason parse(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
