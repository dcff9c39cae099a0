package com.voiceappoint.application.port.out;

import java.time.Duration;
import java.util.Objects;

/**
 * Counts tries against allowances, so one runaway conversation or one busy business cannot starve the rest, and a
 * manage code cannot be guessed. The composition root backs it with the server's rate limiter (shared through Redis
 * when configured).
 */
@FunctionalInterface
public interface AllowanceStore {
    AllowanceStore UNLIMITED = (allowance, key) -> Count.WITHIN;

    /** Counts one more try by {@code key} against the allowance, and says how that went. */
    Count count(Allowance allowance, String key);

    /**
     * Whether one more try by {@code key} fits in the allowance. When the counts cannot be kept (Redis is away), an
     * allowance that guards a secret refuses, since guessing must stay slow whatever happens; the others let the call
     * through, since a caller on the line matters more than a counter.
     */
    default boolean tryAcquire(Allowance allowance, String key) {
        Count count = count(allowance, key);
        return count == Count.WITHIN || count == Count.UNCOUNTED && !allowance.guardsASecret();
    }

    /** How counting one more try went. */
    enum Count {
        /** Counted, and within the allowance. */
        WITHIN,
        /** The allowance for the period is spent. */
        SPENT,
        /** Nothing could be counted just now (the counts are away). */
        UNCOUNTED
    }

    /** At most {@code tries} per {@code period} for each key; {@code name} keeps allowances apart. */
    record Allowance(String name, int tries, Duration period, boolean guardsASecret) {
        public Allowance {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(period, "period");
        }

        public static Allowance perMinute(String name, int tries) {
            return new Allowance(name, tries, Duration.ofMinutes(1), false);
        }
    }
}
