package com.voiceappoint.adapter.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.application.error.StoreUnavailableException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Bucket4jRateLimiterTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static Supplier<Bucket4jRateLimiter> limiter(String kind) {
        return kind.equals("redis") ? () -> Bucket4jRateLimiter.redis(TestRedis.url()) : Bucket4jRateLimiter::inProcess;
    }

    private static Optional<Duration> threeAMinute(Bucket4jRateLimiter limiter, String key) {
        return limiter.tryConsume("test", 3, MINUTE, key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-process", "redis"})
    void a_key_gets_its_allowance_then_a_wait(String kind) {
        String key = UUID.randomUUID().toString();
        try (Bucket4jRateLimiter limiter = limiter(kind).get()) {
            for (int i = 0; i < 3; i++) {
                assertThat(threeAMinute(limiter, key)).isEmpty();
            }
            assertThat(threeAMinute(limiter, key))
                    .hasValueSatisfying(
                            wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20)));
            assertThat(threeAMinute(limiter, "someone-else-" + key)).isEmpty();
            assertThat(limiter.tryConsume("another-limit", 3, MINUTE, key))
                    .as("each limit counts apart")
                    .isEmpty();
        }
    }

    @Test
    void instances_sharing_redis_share_one_allowance() {
        String key = UUID.randomUUID().toString();
        try (Bucket4jRateLimiter first = Bucket4jRateLimiter.redis(TestRedis.url());
                Bucket4jRateLimiter second = Bucket4jRateLimiter.redis(TestRedis.url())) {
            assertThat(threeAMinute(first, key)).isEmpty();
            assertThat(threeAMinute(second, key)).isEmpty();
            assertThat(threeAMinute(first, key)).isEmpty();

            assertThat(threeAMinute(second, key)).isPresent();
        }
    }

    @Test
    void a_redis_that_goes_away_is_reported_at_once() {
        TestRedis.Own redis = TestRedis.own();
        try (redis;
                Bucket4jRateLimiter limiter = Bucket4jRateLimiter.redis(redis.url())) {
            assertThat(limiter.reachable()).isTrue();

            redis.stop();

            assertThat(limiter.reachable()).isFalse();
            long started = System.nanoTime();
            assertThatThrownBy(() -> threeAMinute(limiter, "k")).isInstanceOf(StoreUnavailableException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("no waiting out a command timeout")
                    .isLessThan(Duration.ofSeconds(5));
        }
        assertThat(Bucket4jRateLimiter.inProcess().reachable()).isTrue();
    }
}
