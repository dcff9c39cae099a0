package com.voiceappoint.adapter.http.ratelimit;

import java.time.Duration;
import java.util.Objects;

/** At most {@code capacity} attempts per {@code period}, refilled gradually; {@code name} keeps limits apart. */
public record Limit(String name, long capacity, Duration period) {
    public Limit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(period, "period");
        if (capacity < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a limit allows at least one attempt per positive period");
        }
    }
}
