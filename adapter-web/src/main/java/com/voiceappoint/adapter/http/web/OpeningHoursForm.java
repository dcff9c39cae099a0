package com.voiceappoint.adapter.http.web;

import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.schedule.SpecialDay;
import com.voiceappoint.domain.schedule.WeeklyHours;
import com.voiceappoint.domain.shared.InvalidValueException;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Opening hours as a form without JavaScript writes them: a few rows of "opens" and "closes" per day ({@code
 * monday.0.opens}), the stored windows and one blank row to add another; a day left blank is closed. The week is
 * always sent whole, and stored whole.
 */
public final class OpeningHoursForm {
    /** As many windows as the REST API takes for one day. */
    static final int MOST_WINDOWS = 12;

    private OpeningHoursForm() {}

    /** One row of a day's windows as the form shows it: the times as an {@code <input type="time">} holds them. */
    public record Row(String opensField, String closesField, String opens, String closes) {}

    /** The day's field prefix: {@code monday}. */
    public static String field(DayOfWeek day) {
        return day.name().toLowerCase(Locale.ROOT);
    }

    /** The rows shown for {@code prefix}: as sent, or the stored windows and a blank row, at least {@code least}. */
    public static List<Row> rows(FilledForm form, String prefix, List<OpeningWindow> stored, int least) {
        List<Row> rows = new ArrayList<>();
        if (form.isSent()) {
            for (int i = 0; i < MOST_WINDOWS && sent(form, prefix, i); i++) {
                rows.add(row(prefix, i, form.text(opens(prefix, i)), form.text(closes(prefix, i))));
            }
        } else {
            for (OpeningWindow window : stored) {
                rows.add(row(
                        prefix,
                        rows.size(),
                        BusinessFormats.timeInput(window.opens()),
                        BusinessFormats.timeInput(window.closes())));
            }
        }
        while ((rows.size() < least
                        || rows.stream()
                                .noneMatch(
                                        r -> r.opens().isEmpty() && r.closes().isEmpty()))
                && rows.size() < MOST_WINDOWS) {
            rows.add(row(prefix, rows.size(), "", ""));
        }
        return rows;
    }

    /** The week as sent, or empty with each faulty day's error beside it (field {@code monday}). */
    static Optional<WeeklyHours> week(FilledForm form) {
        Map<DayOfWeek, List<OpeningWindow>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : BusinessFormats.WEEK) {
            windows(form, field(day)).ifPresent(windows -> days.put(day, windows));
        }
        return form.hasErrors() ? Optional.empty() : Optional.of(WeeklyHours.of(days));
    }

    /**
     * The windows sent under {@code prefix}, sorted and merged where they touch; blank rows are skipped. What is wrong
     * is the {@code prefix} field's error.
     */
    static Optional<List<OpeningWindow>> windows(FilledForm form, String prefix) {
        List<OpeningWindow> windows = new ArrayList<>();
        for (int i = 0; i < MOST_WINDOWS; i++) {
            String opens = form.text(opens(prefix, i));
            String closes = form.text(closes(prefix, i));
            if (opens.isEmpty() && closes.isEmpty()) {
                continue;
            }
            Optional<String> from = time(opens);
            Optional<String> to = time(closes);
            if (from.isEmpty() || to.isEmpty()) {
                form.reject(
                        prefix,
                        opens.isEmpty() || closes.isEmpty() ? "setup.error.window_incomplete" : "setup.error.time");
                return Optional.empty();
            }
            try {
                windows.add(OpeningWindow.of(from.get(), to.get()));
            } catch (InvalidValueException e) {
                form.reject(prefix, "setup.error.window_order");
                return Optional.empty();
            }
        }
        try {
            return Optional.of(OpeningWindow.normalize(windows, prefix));
        } catch (InvalidValueException e) {
            form.reject(prefix, "setup.error.window_overlap");
            return Optional.empty();
        }
    }

    /**
     * A closure (no times) or special hours for a date, of the business or of one provider, as the special-day form
     * sends it; empty with the errors beside their fields.
     */
    static Optional<SpecialDay> specialDay(FilledForm form, Optional<ProviderId> provider) {
        var date = form.date("date");
        var windows = windows(form, "windows");
        var reason = form.optional("reason", 200);
        if (form.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new SpecialDay(provider, date.get(), windows.get(), reason.get()));
    }

    /** "9:05", "09:05" or "09:05:00" (a time input with seconds) as "09:05"; anything else is no time. */
    private static Optional<String> time(String text) {
        if (!text.matches("\\d{1,2}:\\d{2}(:00)?")) {
            return Optional.empty();
        }
        String[] parts = text.split(":");
        int hour = Integer.parseInt(parts[0]);
        int minute = Integer.parseInt(parts[1]);
        if (minute > 59 || hour > 24 || (hour == 24 && minute > 0)) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%02d:%02d", hour, minute));
    }

    private static boolean sent(FilledForm form, String prefix, int i) {
        return !form.all(opens(prefix, i)).isEmpty()
                || !form.all(closes(prefix, i)).isEmpty();
    }

    private static Row row(String prefix, int i, String opens, String closes) {
        return new Row(opens(prefix, i), closes(prefix, i), opens, closes);
    }

    private static String opens(String prefix, int i) {
        return prefix + "." + i + ".opens";
    }

    private static String closes(String prefix, int i) {
        return prefix + "." + i + ".closes";
    }
}
