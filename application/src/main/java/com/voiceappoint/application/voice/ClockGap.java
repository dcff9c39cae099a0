package com.voiceappoint.application.voice;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.Optional;

/**
 * A wall-clock time that never happens where the business is: on the night the clocks go forward (02:00 becomes
 * 03:00 in Madrid on the last Sunday of March) the times in between do not exist. A caller asking for one is told
 * so, not moved an hour silently nor told the time is taken.
 *
 * @param asked the time asked for
 * @param jumpsFrom the wall-clock time at which the clocks jump
 * @param jumpsTo the wall-clock time they jump to
 * @param at the instant of the jump: the nearest real time to the one asked for
 */
public record ClockGap(LocalDateTime asked, LocalDateTime jumpsFrom, LocalDateTime jumpsTo, Instant at) {

    /** The gap {@code local} falls in, in {@code zone}; empty for a time that exists (once or, in autumn, twice). */
    public static Optional<ClockGap> of(LocalDateTime local, ZoneId zone) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition == null || !transition.isGap()) {
            return Optional.empty();
        }
        return Optional.of(new ClockGap(
                local, transition.getDateTimeBefore(), transition.getDateTimeAfter(), transition.getInstant()));
    }
}
