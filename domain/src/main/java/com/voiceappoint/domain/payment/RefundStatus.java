package com.voiceappoint.domain.payment;

import java.util.Locale;

/**
 * A refund asked of the payment provider. One whose answer never came stays {@code REQUESTED} and is asked again
 * under the same idempotency key, so it is made once whatever happened to the first answer.
 */
public enum RefundStatus {
    REQUESTED,
    SUCCEEDED,
    FAILED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RefundStatus parse(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
