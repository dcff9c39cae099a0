package com.voiceappoint.domain.notification;

import com.voiceappoint.domain.shared.InvalidValueException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * The hours, in the business's zone, when no text message goes out: a phone buzzing at night about a haircut is how a
 * business loses a client. Usually they cross midnight (21:00 to 08:00).
 */
public record QuietHours(LocalTime from, LocalTime until) {
    public static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

    public QuietHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        InvalidValueException.check(
                !from.equals(until), "quietHours", "quiet hours must start and end at different times");
    }

    /** Whether the moment falls inside quiet hours where the business is. */
    public boolean contains(Instant moment, ZoneId zone) {
        LocalTime time = moment.atZone(zone).toLocalTime();
        return from.isBefore(until)
                ? !time.isBefore(from) && time.isBefore(until)
                : !time.isBefore(from) || time.isBefore(until);
    }

    /** The first moment after quiet hours that contain {@code moment}. */
    public Instant endAfter(Instant moment, ZoneId zone) {
        ZonedDateTime local = moment.atZone(zone);
        LocalDate day = local.toLocalTime().isBefore(until)
                ? local.toLocalDate()
                : local.toLocalDate().plusDays(1);
        return ZonedDateTime.of(day, until, zone).toInstant();
    }

    /** The last minute before the quiet hours that contain {@code moment} began. */
    public Instant lastMinuteBefore(Instant moment, ZoneId zone) {
        ZonedDateTime local = moment.atZone(zone);
        LocalDate day = local.toLocalTime().isBefore(from) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
        return ZonedDateTime.of(day, from, zone).minusMinutes(1).toInstant();
    }

    /**
     * When a text due at {@code due} may go: then, if outside quiet hours; otherwise after them, or, for a message that
     * is useless once {@code deadline} has passed (a reminder), before them if that is still after {@code now}. Empty
     * when neither works.
     */
    public Optional<Instant> sendTime(Instant due, Optional<Instant> deadline, Instant now, ZoneId zone) {
        if (!contains(due, zone)) {
            return Optional.of(due);
        }
        Instant after = endAfter(due, zone);
        if (deadline.isEmpty() || after.isBefore(deadline.get())) {
            return Optional.of(after);
        }
        Instant before = lastMinuteBefore(due, zone);
        return before.isAfter(now) ? Optional.of(before) : Optional.empty();
    }
}
