package com.voiceappoint.domain.appointment;

import com.voiceappoint.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.Objects;

public record Cancellation(CancelledBy by, String reason, Instant at) {
    public static final int MAX_REASON_LENGTH = 500;

    public Cancellation {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        reason = reason == null ? "" : reason.strip();
        InvalidValueException.check(
                reason.length() <= MAX_REASON_LENGTH, "reason", "a reason is at most 500 characters");
    }
}
