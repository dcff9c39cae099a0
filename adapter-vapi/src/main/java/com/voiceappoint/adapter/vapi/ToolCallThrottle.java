package com.voiceappoint.adapter.vapi;

import java.time.Duration;
import java.util.Objects;

/**
 * Counts tool calls and manage-code tries against allowances, so one runaway conversation or one busy business cannot
 * starve the rest, and a manage code cannot be guessed. The composition root backs it with the server's rate limiter
 * (shared through Redis when configured).
 */
@FunctionalInterface
public interface ToolCallThrottle {
    ToolCallThrottle UNLIMITED = (allowance, key) -> true;

    /** Whether one more try by {@code key} fits in the allowance. */
    boolean tryAcquire(Allowance allowance, String key);

    /**
     * At most {@code tries} per {@code period} for each key; {@code name} keeps allowances apart. When the counts
     * cannot be kept (Redis is away), an allowance that guards a secret refuses, since guessing must stay slow
     * whatever happens; the others let the call through, since a caller on the line matters more than a counter.
     */
    record Allowance(String name, int tries, Duration period, boolean guardsASecret) {
        public Allowance {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(period, "period");
        }

        static Allowance perMinute(String name, int tries) {
            return new Allowance(name, tries, Duration.ofMinutes(1), false);
        }
    }
}
