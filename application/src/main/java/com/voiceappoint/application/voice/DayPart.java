package com.voiceappoint.application.voice;

import com.voiceappoint.domain.shared.Language;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;

/**
 * Morning, afternoon or evening, as callers ask and as their language means it: a Spanish "tarde" starts after lunch
 * and runs until eight, an English afternoon ends at six.
 */
public enum DayPart {
    ANY(0, 0, 24, 24),
    MORNING(0, 0, 14, 12),
    AFTERNOON(14, 12, 20, 18),
    EVENING(20, 18, 24, 24);

    private final int fromSpanish;
    private final int fromEnglish;
    private final int untilSpanish;
    private final int untilEnglish;

    DayPart(int fromSpanish, int fromEnglish, int untilSpanish, int untilEnglish) {
        this.fromSpanish = fromSpanish;
        this.fromEnglish = fromEnglish;
        this.untilSpanish = untilSpanish;
        this.untilEnglish = untilEnglish;
    }

    /** When it starts, as {@code language} means it. */
    public LocalTime from(Language language) {
        return LocalTime.of(language == Language.ES ? fromSpanish : fromEnglish, 0);
    }

    /** When it is over, as {@code language} means it: the end of the day is the last moment of it. */
    public LocalTime until(Language language) {
        int hour = language == Language.ES ? untilSpanish : untilEnglish;
        return hour == 24 ? LocalTime.MAX : LocalTime.of(hour, 0);
    }

    /** "a las 5 de la tarde", "at 8 in the evening": an hour said on a twelve-hour clock, on the clock. */
    public LocalTime onTheClock(LocalTime said) {
        boolean laterHalf = this == AFTERNOON || this == EVENING;
        return laterHalf && said.getHour() >= 1 && said.getHour() < 12 ? said.plusHours(12) : said;
    }

    /** "tarde", "por la tarde", "in the afternoon", "afternoon please". */
    public static Optional<DayPart> parse(String said) {
        String words = said.strip().toLowerCase(Locale.ROOT);
        if (words.contains("morning") || words.contains("mañana") || words.contains("manana")) {
            return Optional.of(MORNING);
        }
        if (words.contains("afternoon") || words.contains("tarde")) {
            return Optional.of(AFTERNOON);
        }
        if (words.contains("evening") || words.contains("night") || words.contains("noche")) {
            return Optional.of(EVENING);
        }
        return Optional.empty();
    }
}
