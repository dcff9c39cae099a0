package com.voiceappoint.domain.planted;

import java.time.Instant;

/** Planted violation: the domain asking the system for the time instead of being told it. */
public class DomainReadingTheClock {
    public boolean isPast(Instant instant) {
        return instant.isBefore(Instant.now());
    }
}
