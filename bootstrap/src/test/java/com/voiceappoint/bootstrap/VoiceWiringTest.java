package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.adapter.http.ratelimit.RateLimiter;
import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.application.port.out.AllowanceStore;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VoiceWiringTest {
    private final AllowanceStore countsAway = VoiceWiring.throttle((limit, key) -> {
        throw new StoreUnavailableException("redis", new IllegalStateException("connection refused"));
    });

    @Test
    void while_the_counts_are_away_callers_are_served_but_codes_are_not_tried() {
        assertThat(countsAway.tryAcquire(
                        new AllowanceStore.Allowance("vapi-call", 60, Duration.ofMinutes(1), false), "call-1"))
                .isTrue();
        assertThat(countsAway.tryAcquire(
                        new AllowanceStore.Allowance("vapi-code-call", 5, Duration.ofMinutes(1), true), "call-1"))
                .isFalse();
        assertThat(countsAway.count(
                        new AllowanceStore.Allowance("vapi-code-call", 5, Duration.ofMinutes(1), true), "call-1"))
                .as("told apart from a spent allowance, so the caller hears why")
                .isEqualTo(AllowanceStore.Count.UNCOUNTED);
    }

    @Test
    void an_allowance_is_counted_over_its_own_period() {
        RateLimiter dayCounted = (limit, key) -> limit.period().equals(Duration.ofDays(1))
                        && limit.capacity() == 20
                        && limit.name().equals("vapi-code-target-day")
                ? Optional.empty()
                : Optional.of(Duration.ofSeconds(1));

        assertThat(VoiceWiring.throttle(dayCounted)
                        .tryAcquire(
                                new AllowanceStore.Allowance("vapi-code-target-day", 20, Duration.ofDays(1), true),
                                "business|+34600000000"))
                .isTrue();
    }
}
