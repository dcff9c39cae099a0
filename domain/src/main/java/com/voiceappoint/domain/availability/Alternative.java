package com.voiceappoint.domain.availability;

import com.voiceappoint.domain.schedule.ProviderId;
import java.time.Instant;
import java.util.Objects;

/** A free time offered instead of a refused one. */
public record Alternative(Instant start, Instant end, ProviderId provider) {
    public Alternative {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(provider, "provider");
    }
}
