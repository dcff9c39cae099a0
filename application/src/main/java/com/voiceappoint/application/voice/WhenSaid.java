package com.voiceappoint.application.voice;

import com.voiceappoint.domain.shared.SaidWords;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a caller wants something, as the model passes it on: an ISO local date or date-time ("2026-11-24",
 * "2026-11-24T16:00"), or the caller's own words in Spanish or English ("mañana por la tarde", "pasado mañana a las
 * 10:30", "el martes", "next Friday at 4pm", "this afternoon", "el miércoles 16"). Words are resolved against today's
 * date where the business is, which the caller passes in; nothing here reads a clock or a zone.
 *
 * <p>The rules, which the tool descriptions repeat:
 *
 * <ul>
 *   <li>"hoy"/"today" is today, "mañana"/"tomorrow" the day after, "pasado mañana"/"the day after tomorrow" the one
 *       after that; "esta tarde"/"this afternoon", "esta noche"/"tonight" are today and a part of it.
 *   <li>A weekday ("el martes", "Tuesday", and likewise "el próximo martes", "el martes que viene", "this Tuesday",
 *       "next Tuesday") is the first such day <em>after</em> today, never today itself: a caller who means today
 *       says "hoy" or "today", and on a Tuesday "el martes" is heard as next week's. "El martes de la semana que
 *       viene"/"Tuesday next week" is the Tuesday of the next calendar week (Monday to Sunday).
 *   <li>A day of the month ("el 24", "24 de noviembre", "November 24th") is the next such date from today on, today
 *       included; said with a weekday ("el miércoles 16") it is the first date from today that is both.
 *   <li>"por la mañana"/"in the morning", "por la tarde"/"in the afternoon", "por la noche"/"in the evening" are a
 *       part of the day; an hour on a twelve-hour clock with one ("a las 5 de la tarde", "4pm") is on the clock.
 * </ul>
 *
 * @param date the day, when one was said
 * @param time the wall-clock time, when one was said
 * @param part the part of the day, when one was said
 */
public record WhenSaid(Optional<LocalDate> date, Optional<LocalTime> time, Optional<DayPart> part) {
    /** How far ahead a day of the month (with a weekday, perhaps) is looked for. */
    private static final int DAYS_SEARCHED = 2 * 366;

    private static final Pattern ISO =
            Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{1,2}:\\d{2})(?::\\d{2}(?:\\.\\d+)?)?)?");
    /** An ISO date inside words ("el 2026-11-24 por la tarde"), with the T of a time after it. */
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)t?");
    /** "16:00", "4.30 pm", "16h30", "16h", "4pm", "4 p.m.". */
    private static final Pattern CLOCK = Pattern.compile(
            "\\b(\\d{1,2})(?:[:.h](\\d{2}))?\\s*(am\\b|pm\\b|a\\.m\\.|p\\.m\\.|h\\b)|\\b(\\d{1,2})[:.h](\\d{2})\\b");
    /** "a las 5", "a la 1", "at 4": an hour alone, said as one. */
    private static final Pattern HOUR = Pattern.compile("\\b(?:a las|a la|at|sobre las|around)\\s+(\\d{1,2})\\b");

    private static final Pattern ORDINAL = Pattern.compile("(st|nd|rd|th)$");

    private static final Map<String, DayOfWeek> WEEKDAYS = new HashMap<>();
    private static final Map<String, Month> MONTHS = new HashMap<>();

    static {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("es"))) {
            for (DayOfWeek day : DayOfWeek.values()) {
                WEEKDAYS.put(SaidWords.plain(day.getDisplayName(TextStyle.FULL, locale)), day);
            }
            for (Month month : Month.values()) {
                MONTHS.put(SaidWords.plain(month.getDisplayName(TextStyle.FULL, locale)), month);
            }
        }
        WEEKDAYS.putAll(Map.of(
                "mon", DayOfWeek.MONDAY,
                "tue", DayOfWeek.TUESDAY,
                "tues", DayOfWeek.TUESDAY,
                "wed", DayOfWeek.WEDNESDAY,
                "thu", DayOfWeek.THURSDAY,
                "thur", DayOfWeek.THURSDAY,
                "thurs", DayOfWeek.THURSDAY,
                "fri", DayOfWeek.FRIDAY,
                "sat", DayOfWeek.SATURDAY,
                "sun", DayOfWeek.SUNDAY));
        for (Month month : Month.values()) {
            MONTHS.putIfAbsent(SaidWords.plain(month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)), month);
        }
        MONTHS.put("sept", Month.SEPTEMBER);
        MONTHS.put("setiembre", Month.SEPTEMBER);
    }

    /** What was said, or empty when it names no day, time or part of a day. */
    public static Optional<WhenSaid> read(String said, LocalDate today) {
        String text = said.strip();
        Matcher iso = ISO.matcher(text);
        if (iso.matches()) {
            try {
                return Optional.of(new WhenSaid(
                        Optional.of(LocalDate.parse(iso.group(1))),
                        Optional.ofNullable(iso.group(2)).map(WhenSaid::clock),
                        Optional.empty()));
            } catch (DateTimeException notADate) {
                return Optional.empty();
            }
        }
        return new Words(SaidWords.unaccented(text), today).read();
    }

    private static LocalTime clock(String hhmm) {
        int colon = hhmm.indexOf(':');
        return LocalTime.of(Integer.parseInt(hhmm.substring(0, colon)), Integer.parseInt(hhmm.substring(colon + 1)));
    }

    /** One reading of a phrase: what each word says, then the day they say together. */
    private static final class Words {
        private final String text;
        private final LocalDate today;
        private Optional<LocalDate> isoDate = Optional.empty();
        private Optional<Integer> daysFromToday = Optional.empty();
        private Optional<DayOfWeek> weekday = Optional.empty();
        private boolean nextWeek;
        private Optional<Integer> dayOfMonth = Optional.empty();
        private Optional<Month> month = Optional.empty();
        private Optional<Integer> year = Optional.empty();
        private Optional<LocalTime> time = Optional.empty();
        private Optional<DayPart> part = Optional.empty();
        /** An ISO date that is no day ("2026-02-30"): the whole phrase means nothing then. */
        private boolean unreadable;

        Words(String text, LocalDate today) {
            this.text = text;
            this.today = today;
        }

        Optional<WhenSaid> read() {
            List<String> words = SaidWords.of(takeClockTime(takeIsoDate(text)));
            for (int i = 0; i < words.size(); i++) {
                i = word(words, i);
            }
            if (unreadable) {
                return Optional.empty();
            }
            Optional<LocalDate> date;
            try {
                date = date();
            } catch (DateTimeException noSuchDay) {
                return Optional.empty();
            }
            if (date.isEmpty() && time.isEmpty() && part.isEmpty()) {
                return Optional.empty();
            }
            Optional<LocalTime> onTheClock =
                    time.map(t -> part.map(p -> p.onTheClock(t)).orElse(t));
            return Optional.of(new WhenSaid(date, onTheClock, part));
        }

        private String takeIsoDate(String phrase) {
            Matcher m = ISO_DATE.matcher(phrase);
            if (!m.find()) {
                return phrase;
            }
            try {
                isoDate = Optional.of(LocalDate.of(
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
            } catch (DateTimeException noSuchDay) {
                unreadable = true;
            }
            return phrase.substring(0, m.start()) + " " + phrase.substring(m.end());
        }

        private String takeClockTime(String phrase) {
            Matcher m = CLOCK.matcher(phrase);
            if (m.find()) {
                int hour = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(4));
                String minutes = m.group(1) != null ? m.group(2) : m.group(5);
                int minute = minutes == null ? 0 : Integer.parseInt(minutes);
                String half = m.group(3) == null ? "" : m.group(3).replace(".", "");
                if (half.equals("pm") && hour >= 1 && hour < 12) {
                    hour += 12;
                } else if (half.equals("am") && hour == 12) {
                    hour = 0;
                }
                return at(phrase, m, hour, minute);
            }
            Matcher h = HOUR.matcher(phrase);
            return h.find() ? at(phrase, h, Integer.parseInt(h.group(1)), 0) : phrase;
        }

        /** The phrase without the time it said, which is kept if it is one. */
        private String at(String phrase, Matcher said, int hour, int minute) {
            if (hour > 23 || minute > 59) {
                return phrase;
            }
            time = Optional.of(LocalTime.of(hour, minute));
            return phrase.substring(0, said.start()) + " " + phrase.substring(said.end());
        }

        /** Reads the word at {@code i} (and the ones after it that belong to it); answers the last one read. */
        private int word(List<String> words, int i) {
            String word = words.get(i);
            String before = i > 0 ? words.get(i - 1) : "";
            String after = i + 1 < words.size() ? words.get(i + 1) : "";
            switch (word) {
                case "hoy", "today", "now", "ahora" -> daysFromToday = Optional.of(0);
                case "tonight" -> {
                    daysFromToday = Optional.of(0);
                    part = Optional.of(DayPart.EVENING);
                }
                case "tomorrow" -> {
                    boolean dayAfter =
                            before.equals("after") && i > 1 && words.get(i - 2).equals("day");
                    daysFromToday = Optional.of(dayAfter ? 2 : 1);
                }
                case "pasado" -> {
                    if (after.equals("manana")) {
                        daysFromToday = Optional.of(2);
                        return i + 1;
                    }
                }
                case "manana" -> {
                    // "mañana" is tomorrow; "la mañana", "esta mañana" are the morning
                    if (before.equals("la") || before.equals("esta")) {
                        part = Optional.of(DayPart.MORNING);
                        if (before.equals("esta")) {
                            daysFromToday = Optional.of(0);
                        }
                    } else {
                        daysFromToday = Optional.of(1);
                    }
                }
                case "morning", "tarde", "afternoon", "noche", "evening", "night" -> {
                    part = DayPart.parse(word);
                    if (before.equals("esta") || before.equals("this")) {
                        daysFromToday = Optional.of(0);
                    }
                }
                case "mediodia", "noon", "midday" -> time = time.or(() -> Optional.of(LocalTime.NOON));
                case "semana", "week" ->
                    nextWeek |= before.equals("next")
                            || before.equals("proxima")
                            || after.equals("que")
                                    && i + 2 < words.size()
                                    && words.get(i + 2).equals("viene")
                            || after.equals("siguiente")
                            || after.equals("proxima");
                default -> other(word);
            }
            return i;
        }

        private void other(String word) {
            DayOfWeek day = WEEKDAYS.get(word);
            if (day != null) {
                weekday = Optional.of(day);
                return;
            }
            Month named = MONTHS.get(word);
            if (named != null) {
                month = Optional.of(named);
                return;
            }
            String digits = ORDINAL.matcher(word).replaceFirst("");
            if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit) && digits.length() <= 4) {
                int number = Integer.parseInt(digits);
                if (digits.length() == 4) {
                    year = Optional.of(number);
                } else if (number >= 1 && number <= 31) {
                    dayOfMonth = Optional.of(number);
                }
            }
        }

        private Optional<LocalDate> date() {
            if (isoDate.isPresent()) {
                return isoDate;
            }
            if (daysFromToday.isPresent()) {
                return Optional.of(today.plusDays(daysFromToday.get()));
            }
            if (dayOfMonth.isPresent()) {
                // a month name with no day number in sight is not a date ("may I come on Tuesday")
                if (year.isPresent() && month.isPresent()) {
                    return Optional.of(LocalDate.of(year.get(), month.get(), dayOfMonth.get()));
                }
                return firstFromToday();
            }
            if (weekday.isPresent()) {
                return Optional.of(
                        nextWeek
                                ? today.with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                                        .with(TemporalAdjusters.nextOrSame(weekday.get()))
                                : today.with(TemporalAdjusters.next(weekday.get())));
            }
            return Optional.empty();
        }

        /** The first day from today with the day of the month (and the weekday, month, year) said. */
        private Optional<LocalDate> firstFromToday() {
            for (int ahead = 0; ahead < DAYS_SEARCHED; ahead++) {
                LocalDate day = today.plusDays(ahead);
                if (day.getDayOfMonth() == dayOfMonth.get()
                        && month.map(day.getMonth()::equals).orElse(true)
                        && weekday.map(day.getDayOfWeek()::equals).orElse(true)
                        && year.map(y -> day.getYear() == y).orElse(true)) {
                    return Optional.of(day);
                }
            }
            throw new DateTimeException("no such day ahead");
        }
    }
}
