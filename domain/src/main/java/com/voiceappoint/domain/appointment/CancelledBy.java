package com.voiceappoint.domain.appointment;

import java.util.Locale;

/** Who called an appointment off: a client is bound by the cancellation cutoff, the business is not. */
public enum CancelledBy {
    CLIENT,
    BUSINESS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
