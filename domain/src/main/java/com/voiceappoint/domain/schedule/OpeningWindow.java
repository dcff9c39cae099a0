package com.voiceappoint.domain.schedule;

import com.voiceappoint.domain.shared.InvalidValueException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One stretch of wall-clock time on a day, {@code [opens, closes)}: "9:00 to 13:30". A lunch break is two
 * windows. {@code closes} of 00:00 means the end of the day (24:00), so a 24-hour day is 00:00 to 00:00;
 * windows never cross midnight (22:00 to 02:00 is 22:00 to 24:00 plus 00:00 to 02:00 the next day).
 */
public record OpeningWindow(LocalTime opens, LocalTime closes) {
    public static final Comparator<OpeningWindow> BY_OPENING = Comparator.comparing(OpeningWindow::opens);

    public OpeningWindow {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        InvalidValueException.check(
                opens.getSecond() == 0 && opens.getNano() == 0 && closes.getSecond() == 0 && closes.getNano() == 0,
                "hours",
                "opening hours are given in whole minutes");
        InvalidValueException.check(
                closes.equals(LocalTime.MIDNIGHT) || closes.isAfter(opens),
                "hours",
                "a window must close after it opens");
    }

    /** "09:00" to "13:30"; a window may close at "24:00" (the end of the day) but never open then. */
    public static OpeningWindow of(String opens, String closes) {
        InvalidValueException.check(!"24:00".equals(opens), "hours", "a window cannot open at the end of the day");
        return new OpeningWindow(parse(opens), parse(closes));
    }

    /** Accepts "09:00", and "24:00" as the end of the day, which {@link LocalTime#parse} refuses. */
    private static LocalTime parse(String hhmm) {
        InvalidValueException.check(hhmm != null && hhmm.matches("\\d{2}:\\d{2}"), "hours", "a time is written HH:MM");
        if (hhmm.equals("24:00")) {
            return LocalTime.MIDNIGHT;
        }
        int hour = Integer.parseInt(hhmm.substring(0, 2));
        int minute = Integer.parseInt(hhmm.substring(3));
        InvalidValueException.check(hour < 24 && minute < 60, "hours", "not a time of day: " + hhmm);
        return LocalTime.of(hour, minute);
    }

    public boolean closesAtEndOfDay() {
        return closes.equals(LocalTime.MIDNIGHT);
    }

    /** Minutes since midnight at which the window closes, 1440 for the end of the day. */
    public int closingMinute() {
        return closesAtEndOfDay() ? 24 * 60 : closes.toSecondOfDay() / 60;
    }

    public int openingMinute() {
        return opens.toSecondOfDay() / 60;
    }

    public Duration length() {
        return Duration.ofMinutes(closingMinute() - openingMinute());
    }

    public boolean overlaps(OpeningWindow other) {
        return openingMinute() < other.closingMinute() && other.openingMinute() < closingMinute();
    }

    /** The part of this window that is also inside {@code other}, if any. */
    public Optional<OpeningWindow> intersection(OpeningWindow other) {
        int from = Math.max(openingMinute(), other.openingMinute());
        int to = Math.min(closingMinute(), other.closingMinute());
        if (from >= to) {
            return Optional.empty();
        }
        return Optional.of(new OpeningWindow(minuteOfDay(from), minuteOfDay(to)));
    }

    /** The windows of one day, sorted and disjoint; windows that touch are merged ("9-13" + "13-17" = "9-17"). */
    public static List<OpeningWindow> normalize(List<OpeningWindow> windows, String field) {
        List<OpeningWindow> sorted = new ArrayList<>(windows);
        sorted.sort(BY_OPENING);
        List<OpeningWindow> merged = new ArrayList<>();
        for (OpeningWindow window : sorted) {
            if (!merged.isEmpty()) {
                OpeningWindow last = merged.get(merged.size() - 1);
                InvalidValueException.check(
                        !last.overlaps(window), field, "windows " + last + " and " + window + " overlap");
                if (last.closingMinute() == window.openingMinute()) {
                    merged.set(merged.size() - 1, new OpeningWindow(last.opens(), window.closes()));
                    continue;
                }
            }
            merged.add(window);
        }
        return List.copyOf(merged);
    }

    /** The times inside both lists of normalized windows: the business is open and the provider works. */
    public static List<OpeningWindow> intersect(List<OpeningWindow> a, List<OpeningWindow> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return List.of();
        }
        List<OpeningWindow> result = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            a.get(i).intersection(b.get(j)).ifPresent(result::add);
            if (a.get(i).closingMinute() < b.get(j).closingMinute()) {
                i++;
            } else {
                j++;
            }
        }
        return result;
    }

    private static LocalTime minuteOfDay(int minute) {
        return minute == 24 * 60 ? LocalTime.MIDNIGHT : LocalTime.of(minute / 60, minute % 60);
    }

    /** "09:00", or "24:00" for the end of the day. */
    public static String format(LocalTime time, boolean endOfDay) {
        return endOfDay && time.equals(LocalTime.MIDNIGHT) ? "24:00" : time.toString();
    }

    @Override
    public String toString() {
        return format(opens, false) + "-" + format(closes, true);
    }
}
