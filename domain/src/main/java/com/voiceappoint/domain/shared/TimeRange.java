package com.voiceappoint.domain.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A half-open interval {@code [start, end)} of real time. Half-open so that back-to-back appointments touch
 * without overlapping, exactly like the database's {@code tstzrange(start, end, '[)')}.
 */
public record TimeRange(Instant start, Instant end) {
    public TimeRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new InvalidValueException("end", "a time range must end after it starts");
        }
    }

    public static TimeRange starting(Instant start, Duration length) {
        return new TimeRange(start, start.plus(length));
    }

    /**
     * The whole local days {@code first} to {@code last}, both included, in a business's zone: from the start of the
     * first to the start of the day after the last, so the range holds each day however long a clock change made it.
     */
    public static TimeRange days(LocalDate first, LocalDate last, ZoneId zone) {
        return new TimeRange(startOfDay(first, zone), startOfDay(last.plusDays(1), zone));
    }

    /** Midnight of a local day in a zone, or the first moment of that day when a clock change skips midnight. */
    public static Instant startOfDay(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    public boolean overlaps(TimeRange other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public boolean contains(TimeRange other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    /** This range widened by the given margins, e.g. an appointment with its preparation and clean-up buffers. */
    public TimeRange widen(Duration before, Duration after) {
        return new TimeRange(start.minus(before), end.plus(after));
    }
}
