package com.voiceappoint.domain.availability;

import com.voiceappoint.domain.schedule.OpeningWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Turns wall-clock times of a business into instants (epoch seconds), with one rule for the days clocks change:
 *
 * <ul>
 *   <li>a time that does not exist (inside a spring-forward gap) means the moment the clocks jump, so a window
 *       "01:00-02:30" on that day ends at 03:00 new time and nothing is offered in the missing hour;
 *   <li>a time that exists twice (inside a fall-back overlap) means its first occurrence.
 * </ul>
 *
 * Slots are then stepped in real time, so the repeated hour of a fall-back day is offered once per real
 * instant: no instant is offered twice and none is lost.
 */
final class LocalTimeline {
    private final ZoneRules rules;

    LocalTimeline(ZoneId zone) {
        this.rules = zone.getRules();
    }

    long epochSecond(LocalDate date, LocalTime time) {
        LocalDateTime local = date.atTime(time);
        if (!rules.isFixedOffset()) {
            ZoneOffsetTransition transition = rules.getTransition(local);
            if (transition != null && transition.isGap()) {
                return transition.toEpochSecond();
            }
        }
        return local.toEpochSecond(rules.getOffset(local));
    }

    long opening(LocalDate date, OpeningWindow window) {
        return epochSecond(date, window.opens());
    }

    long closing(LocalDate date, OpeningWindow window) {
        return window.closesAtEndOfDay() ? startOfDay(date.plusDays(1)) : epochSecond(date, window.closes());
    }

    long startOfDay(LocalDate date) {
        return epochSecond(date, LocalTime.MIDNIGHT);
    }

    LocalDate dateOf(long epochSecond) {
        Instant instant = Instant.ofEpochSecond(epochSecond);
        int offset = rules.getOffset(instant).getTotalSeconds();
        return LocalDate.ofEpochDay(Math.floorDiv(epochSecond + offset, 86_400L));
    }
}
