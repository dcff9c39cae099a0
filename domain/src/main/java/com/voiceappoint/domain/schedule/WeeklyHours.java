package com.voiceappoint.domain.schedule;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Wall-clock hours for each day of the week, in the business's zone. A day with no windows is closed. */
public final class WeeklyHours {
    public static final WeeklyHours CLOSED = new WeeklyHours(Map.of());

    private final Map<DayOfWeek, List<OpeningWindow>> days;

    private WeeklyHours(Map<DayOfWeek, List<OpeningWindow>> days) {
        this.days = days;
    }

    public static WeeklyHours of(Map<DayOfWeek, List<OpeningWindow>> days) {
        Objects.requireNonNull(days, "days");
        EnumMap<DayOfWeek, List<OpeningWindow>> normalized = new EnumMap<>(DayOfWeek.class);
        days.forEach((day, windows) -> {
            List<OpeningWindow> merged =
                    OpeningWindow.normalize(windows, "hours." + day.name().toLowerCase());
            if (!merged.isEmpty()) {
                normalized.put(day, merged);
            }
        });
        return new WeeklyHours(normalized);
    }

    /** The same windows on each of the given days: a quick way to say "Monday to Friday, 9 to 17". */
    public static WeeklyHours sameOn(List<DayOfWeek> days, List<OpeningWindow> windows) {
        EnumMap<DayOfWeek, List<OpeningWindow>> map = new EnumMap<>(DayOfWeek.class);
        days.forEach(day -> map.put(day, windows));
        return of(map);
    }

    public List<OpeningWindow> on(DayOfWeek day) {
        return days.getOrDefault(day, List.of());
    }

    public boolean isClosedAllWeek() {
        return days.isEmpty();
    }

    public Map<DayOfWeek, List<OpeningWindow>> asMap() {
        Map<DayOfWeek, List<OpeningWindow>> copy = new EnumMap<>(DayOfWeek.class);
        copy.putAll(days);
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeeklyHours other && days.equals(other.days);
    }

    @Override
    public int hashCode() {
        return days.hashCode();
    }

    @Override
    public String toString() {
        return days.toString();
    }
}
