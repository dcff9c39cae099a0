package com.voiceappoint.domain.availability;

import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.shared.InvalidValueException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * "When can I book this service?" over the local dates {@code firstDay..lastDay} (inclusive, in the business's
 * zone), optionally with one provider only.
 */
public record SlotSearch(Service service, LocalDate firstDay, LocalDate lastDay, Optional<ProviderId> provider) {
    /** A search spans at most this many days: enough for any calendar view, small enough to answer fast. */
    public static final int MAX_DAYS = 62;

    public SlotSearch {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(lastDay, "lastDay");
        Objects.requireNonNull(provider, "provider");
        InvalidValueException.check(!lastDay.isBefore(firstDay), "to", "the range ends before it starts");
        InvalidValueException.check(
                ChronoUnit.DAYS.between(firstDay, lastDay) < MAX_DAYS, "to", "a range covers at most 62 days");
    }

    public static SlotSearch day(Service service, LocalDate day) {
        return new SlotSearch(service, day, day, Optional.empty());
    }

    public int days() {
        return (int) ChronoUnit.DAYS.between(firstDay, lastDay) + 1;
    }
}
