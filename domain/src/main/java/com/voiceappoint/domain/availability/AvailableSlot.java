package com.voiceappoint.domain.availability;

import com.voiceappoint.domain.schedule.ProviderId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A start time a client can book, with every provider free then, best first: the one with the fewest
 * appointments that day, then the business's own order. {@code providers.get(0)} is "any provider".
 */
public record AvailableSlot(Instant start, Instant end, List<ProviderId> providers) {
    public AvailableSlot {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        providers = List.copyOf(providers);
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("a slot has at least one provider");
        }
    }

    public ProviderId preferredProvider() {
        return providers.get(0);
    }
}
