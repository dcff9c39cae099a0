package com.voiceappoint.domain.payment;

import java.util.Locale;

/** What a client pays for. */
public enum PaymentKind {
    /** Part of the price (or all of it), paid to keep the time. */
    DEPOSIT,
    /** What the business charges a client who did not come. */
    NO_SHOW_FEE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
