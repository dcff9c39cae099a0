package com.voiceappoint.domain.analytics;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A business's calls over a period; the average duration is in whole seconds, rounded down.
 *
 * @param converted calls that booked an appointment, even one cancelled later (a time only held books nothing)
 */
public record CallStats(
        long calls, Optional<Duration> averageDuration, Map<String, Long> endedReasons, long converted) {
    public CallStats {
        Objects.requireNonNull(averageDuration, "averageDuration");
        endedReasons = Map.copyOf(endedReasons);
    }

    /** Converted calls over all calls; empty with no calls. */
    public Optional<Double> conversionRate() {
        return calls == 0 ? Optional.empty() : Optional.of((double) converted / calls);
    }
}
