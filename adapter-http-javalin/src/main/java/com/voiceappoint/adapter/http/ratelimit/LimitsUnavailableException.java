package com.voiceappoint.adapter.http.ratelimit;

/**
 * The store the limits are counted in does not answer. A limited route then refuses (503) rather than go unmetered:
 * the limits guard logins and bookings against floods, which would not wait for Redis to come back.
 */
public final class LimitsUnavailableException extends RuntimeException {
    public LimitsUnavailableException(RuntimeException cause) {
        super("rate limits unavailable: " + cause.getMessage(), cause);
    }
}
