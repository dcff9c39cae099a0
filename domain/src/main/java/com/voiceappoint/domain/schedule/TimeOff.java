package com.voiceappoint.domain.schedule;

import com.voiceappoint.domain.shared.TimeRange;
import java.util.Objects;

/** A provider is away for a stretch of real time (a doctor's appointment, a training day). */
public record TimeOff(ProviderId provider, TimeRange period, String reason) {
    public TimeOff {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(period, "period");
        reason = reason == null ? "" : reason.strip();
    }
}
