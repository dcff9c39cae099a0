package com.voiceappoint.domain.payment;

import java.util.Locale;

/** Why money went back to a client. */
public enum RefundReason {
    /** The appointment was called off before the business's cancellation cutoff: its share of the deposit goes back. */
    CANCELLED_IN_TIME,
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
