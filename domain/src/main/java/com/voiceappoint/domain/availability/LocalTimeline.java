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
    private static final long CLOCKS_CHANGE = Long.MIN_VALUE;

    private final ZoneRules rules;
    private final long firstEpochDay;
    /**
     * For each day of the range asked about, its start when its offset holds all day, else {@link #CLOCKS_CHANGE}:
     * a search asks for thousands of wall-clock times, and the zone rules' lookups were most of its cost.
     */
    private final long[] steadyDayStarts;

    LocalTimeline(ZoneId zone) {
        this.rules = zone.getRules();
        this.firstEpochDay = 0;
        this.steadyDayStarts = new long[0];
    }

    /** A timeline that answers fast for the days {@code firstDay .. firstDay + days} (the day after included). */
    LocalTimeline(ZoneId zone, LocalDate firstDay, int days) {
        this.rules = zone.getRules();
        this.firstEpochDay = firstDay.toEpochDay();
        this.steadyDayStarts = new long[days + 1];
        for (int d = 0; d <= days; d++) {
            LocalDate date = firstDay.plusDays(d);
            long start = zoned(date, LocalTime.MIDNIGHT);
            long nextStart = zoned(date.plusDays(1), LocalTime.MIDNIGHT);
            ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochSecond(start));
            boolean steady = rules.isFixedOffset()
                    || (rules.getTransition(date.atStartOfDay()) == null
                            && (next == null || next.toEpochSecond() >= nextStart));
            steadyDayStarts[d] = steady ? start : CLOCKS_CHANGE;
        }
    }

    long epochSecond(LocalDate date, LocalTime time) {
        long day = date.toEpochDay() - firstEpochDay;
        if (day >= 0 && day < steadyDayStarts.length && steadyDayStarts[(int) day] != CLOCKS_CHANGE) {
            return steadyDayStarts[(int) day] + time.toSecondOfDay();
        }
        return zoned(date, time);
    }

    private long zoned(LocalDate date, LocalTime time) {
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
