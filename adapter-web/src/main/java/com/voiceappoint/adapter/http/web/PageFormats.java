package com.voiceappoint.adapter.http.web;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.shared.Money;
import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Dates, times, durations and money as a page in this language shows them, times in the business's zone (not the
 * visitor's, whose browser we do not ask): "martes, 24 de noviembre de 2026", "10:30", "25,00 €".
 */
public final class PageFormats {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final Texts texts;
    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter date;
    private final DateTimeFormatter time;

    PageFormats(Texts texts, ZoneId zone) {
        this.texts = texts;
        this.locale = texts.language().locale();
        this.zone = zone;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
        this.time = DateTimeFormatter.ofPattern("HH:mm", locale);
    }

    public String money(Money money) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(money.currency());
        return format.format(money.amount());
    }

    public String date(LocalDate day) {
        return date.format(day);
    }

    public String date(Instant instant) {
        return date(LocalDate.ofInstant(instant, zone));
    }

    public String time(Instant instant) {
        return time.format(instant.atZone(zone));
    }

    /** A day and a time, as one phrase: "martes, 24 de noviembre de 2026 a las 10:30". */
    public String dateTime(Instant instant) {
        return texts.plain("public.date_time", date(instant), time(instant));
    }

    public String window(OpeningWindow window) {
        return OpeningWindow.format(window.opens(), false) + "–" + OpeningWindow.format(window.closes(), true);
    }

    /** "noviembre de 2026", "November 2026". */
    public String month(YearMonth month) {
        String name = month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale);
        return texts.plain(
                "public.month",
                name.substring(0, 1).toUpperCase(locale) + name.substring(1),
                String.valueOf(month.getYear()));
    }

    public String weekday(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL_STANDALONE, locale);
    }

    public String weekdayShort(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT_STANDALONE, locale);
    }

    /** "45 min", "1 h 30 min". */
    public String duration(Duration length) {
        long hours = length.toHours();
        long minutes = length.toMinutesPart();
        if (hours == 0) {
            return texts.plain("public.minutes", minutes);
        }
        return minutes == 0 ? texts.plain("public.hours", hours) : texts.plain("public.hours_minutes", hours, minutes);
    }

    /** A number to read and to dial: "+34 911 23 45 67" read as its country writes it. */
    public String phone(PhoneNumber number) {
        try {
            return PHONES.format(PHONES.parse(number.value(), "ZZ"), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException stored) {
            return number.value();
        }
    }

    public String tel(PhoneNumber number) {
        return "tel:" + number.value();
    }
}
