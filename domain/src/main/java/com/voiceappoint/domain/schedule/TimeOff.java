package com.voiceappoint.domain.schedule;

import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.TimeRange;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/** A provider is away for a stretch of real time (a doctor's appointment, a training day). */
public record TimeOff(UUID id, ProviderId provider, TimeRange period, String reason) {
    public static final Duration LONGEST = Duration.ofDays(366);

    public TimeOff {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(period, "period");
        reason = reason == null ? "" : reason.strip();
        InvalidValueException.check(reason.length() <= 200, "reason", "a reason is at most 200 characters");
        InvalidValueException.check(
                period.length().compareTo(LONGEST) <= 0, "to", "time off lasts at most a year at a time");
    }
}
