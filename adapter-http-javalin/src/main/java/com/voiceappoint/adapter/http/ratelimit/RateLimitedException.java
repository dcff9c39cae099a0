package com.voiceappoint.adapter.http.ratelimit;

import java.time.Duration;

/** Too many attempts: a 429 telling the caller when to try again. */
public final class RateLimitedException extends RuntimeException {
    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        super("rate limited", null, false, false);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up, never zero: what a Retry-After header says. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
