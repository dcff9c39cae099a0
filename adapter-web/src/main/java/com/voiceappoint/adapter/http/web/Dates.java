package com.voiceappoint.adapter.http.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Days, times and instants as a page reads them from its address or a form (ISO text), between the years 1900 and
 * 9999 as the REST API reads them: Java parses years of nine digits, but no zone can say when their days begin and a
 * week or a month beside them has no date at all, so such text is no day for a page either.
 */
final class Dates {
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 9999;

    private Dates() {}

    static Optional<LocalDate> date(String text) {
        try {
            return text == null
                    ? Optional.empty()
                    : Optional.of(LocalDate.parse(text)).filter(Dates::inRange);
        } catch (DateTimeException garbled) {
            return Optional.empty();
        }
    }

    /** A date and time as a {@code datetime-local} input sends it ({@code 2026-11-24T11:00}). */
    static Optional<LocalDateTime> dateTime(String text) {
        try {
            return text == null
                    ? Optional.empty()
                    : Optional.of(LocalDateTime.parse(text)).filter(at -> inRange(at.toLocalDate()));
        } catch (DateTimeException garbled) {
            return Optional.empty();
        }
    }

    static Optional<LocalTime> time(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(LocalTime.parse(text));
        } catch (DateTimeException garbled) {
            return Optional.empty();
        }
    }

    /** An instant in UTC ({@code 2026-11-24T09:00:00Z}), as the pages write them into their links. */
    static Optional<Instant> instant(String text) {
        try {
            return text == null
                    ? Optional.empty()
                    : Optional.of(Instant.parse(text)).filter(at -> inRange(LocalDate.ofInstant(at, ZoneOffset.UTC)));
        } catch (DateTimeException garbled) {
            return Optional.empty();
        }
    }

    static Optional<YearMonth> month(String text) {
        try {
            return text == null
                    ? Optional.empty()
                    : Optional.of(YearMonth.parse(text)).filter(month -> inRange(month.atDay(1)));
        } catch (DateTimeException garbled) {
            return Optional.empty();
        }
    }

    private static boolean inRange(LocalDate day) {
        return day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR;
    }
}
