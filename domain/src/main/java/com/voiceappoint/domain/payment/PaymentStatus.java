package com.voiceappoint.domain.payment;

import java.util.Locale;

/**
 * Where a payment is. Refunds do not change it: what was given back is {@link Payment#refunded()}, so a payment
 * refunded in part is still one that was paid.
 *
 * <pre>
 * OPEN ──► PAID
 *   ├────► EXPIRED (the deadline passed unpaid)
 *   └────► CANCELLED (the appointment was called off before it was paid)
 * </pre>
 */
public enum PaymentStatus {
    OPEN,
    PAID,
    EXPIRED,
    CANCELLED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PaymentStatus parse(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
