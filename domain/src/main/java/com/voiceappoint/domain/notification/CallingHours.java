package com.voiceappoint.domain.notification;

import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.SpecialDay;
import com.voiceappoint.domain.schedule.WeeklyHours;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When the voice assistant may ring a client about their appointment: while the business is open (its weekly hours,
 * or a special day's for the whole business), when a client expects a call from it and its staff can be reached.
 */
public record CallingHours(WeeklyHours week, List<SpecialDay> specialDays, ZoneId zone) {
    /** How far ahead a call is looked for: a reminder is at most 14 days before its appointment. */
    private static final int DAYS_LOOKED_AT = 15;

    public CallingHours {
        Objects.requireNonNull(week, "week");
        Objects.requireNonNull(zone, "zone");
        specialDays =
                specialDays.stream().filter(day -> day.provider().isEmpty()).toList();
    }

    /** The first moment from {@code from} on when the business is open, if one comes before {@code deadline}. */
    public Optional<Instant> firstFrom(Instant from, Instant deadline) {
        LocalDate day = from.atZone(zone).toLocalDate();
        for (int i = 0;
                i < DAYS_LOOKED_AT && !day.atStartOfDay(zone).toInstant().isAfter(deadline);
                i++) {
            for (OpeningWindow window : windowsOn(day)) {
                Instant opens = ZonedDateTime.of(day, window.opens(), zone).toInstant();
                // a window may close at 24:00, the start of the next day
                Instant closes = window.closes().equals(LocalTime.MIDNIGHT)
                        ? day.plusDays(1).atStartOfDay(zone).toInstant()
                        : ZonedDateTime.of(day, window.closes(), zone).toInstant();
                Instant candidate = opens.isAfter(from) ? opens : from;
                if (candidate.isBefore(closes) && candidate.isBefore(deadline)) {
                    return Optional.of(candidate);
                }
            }
            day = day.plusDays(1);
        }
        return Optional.empty();
    }

    private List<OpeningWindow> windowsOn(LocalDate day) {
        return specialDays.stream()
                .filter(special -> special.date().equals(day))
                .findFirst()
                .map(SpecialDay::windows)
                .orElseGet(() -> week.on(day.getDayOfWeek()))
                .stream()
                .sorted(OpeningWindow.BY_OPENING)
                .toList();
    }
}
