package com.voiceappoint.adapter.http.ratelimit;

import java.time.Duration;
import java.util.Optional;

/** Counts attempts per key against a limit; an empty answer means go ahead, a duration means retry after it. */
public interface RateLimiter extends AutoCloseable {

    Optional<Duration> tryConsume(Limit limit, String key);

    @Override
    default void close() {}
}
