package com.voiceappoint.adapter.http.ratelimit;

import com.voiceappoint.application.error.StoreUnavailableException;
import java.time.Duration;
import java.util.Optional;

/**
 * Counts attempts per key against a limit; an empty answer means go ahead, a duration means retry after it. The HTTP
 * adapter's own question: whoever starts the server says where the counts are kept, and closes that afterwards.
 */
@FunctionalInterface
public interface RateLimiter {

    /** @throws StoreUnavailableException when the store the counts are kept in does not answer */
    Optional<Duration> tryConsume(Limit limit, String key);

    /** @throws RateLimitedException when the key has used up the limit */
    default void require(Limit limit, String key) {
        tryConsume(limit, key).ifPresent(wait -> {
            throw new RateLimitedException(wait);
        });
    }
}
