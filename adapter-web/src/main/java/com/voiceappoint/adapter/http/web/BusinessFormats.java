package com.voiceappoint.adapter.http.web;

import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.shared.Money;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A business's times, days and money as its pages show them: in the page's language, in the business's zone and
 * currency. Weeks start on Monday.
 */
public final class BusinessFormats {
    /** The days of a week in the order its pages list them. */
    public static final List<DayOfWeek> WEEK = Arrays.asList(DayOfWeek.values());

    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter time;
    private final DateTimeFormatter date;
    private final NumberFormat money;

    private BusinessFormats(Language language, Business business) {
        this.locale = language.locale();
        this.zone = business.zone();
        // the 24-hour clock in both languages, as the toasts, the public pages and the messages write it
        this.time = DateTimeFormatter.ofPattern("H:mm", locale);
        this.date = DateTimeFormatter.ofPattern(language == Language.ES ? "EEEE d 'de' MMMM 'de' y" : "EEEE, d MMMM y")
                .withLocale(locale);
        this.money = NumberFormat.getCurrencyInstance(locale);
        money.setCurrency(business.currency());
        int digits = Math.max(business.currency().getDefaultFractionDigits(), 0);
        money.setMinimumFractionDigits(digits);
        money.setMaximumFractionDigits(digits);
    }

    public static BusinessFormats of(Workplace w) {
        return new BusinessFormats(w.v().language(), w.business());
    }

    public ZoneId zone() {
        return zone;
    }

    public String money(Money amount) {
        return money.format(amount.amount());
    }

    /** An amount as it goes back into a form's field, in the page's way of writing decimals. */
    public String amountInput(BigDecimal amount) {
        String plain = amount.toPlainString();
        return locale.getLanguage().equals("es") ? plain.replace('.', ',') : plain;
    }

    /** "Monday", "lunes": capitalised, as a heading or a row's label. */
    public String day(DayOfWeek day) {
        String name = day.getDisplayName(TextStyle.FULL, locale);
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    public String time(LocalTime at) {
        return time.format(at);
    }

    /** "9:00 – 13:30"; a window that closes at midnight closes at the end of the day. */
    public String window(OpeningWindow window) {
        return time(window.opens()) + " – " + (window.closesAtEndOfDay() ? "24:00" : time(window.closes()));
    }

    /** A day's windows in one line: "9:00 – 13:00, 15:00 – 19:00". */
    public String windows(List<OpeningWindow> windows) {
        return String.join(", ", windows.stream().map(this::window).toList());
    }

    public String date(LocalDate day) {
        String text = date.format(day);
        return text.substring(0, 1).toUpperCase(locale) + text.substring(1);
    }

    /** A moment as a date and time on the business's clock. */
    public String moment(Instant at) {
        var local = at.atZone(zone);
        return date(local.toLocalDate()) + ", " + time(local.toLocalTime());
    }

    /** A length in whole minutes, as the catalogue states it. */
    public long minutes(Duration length) {
        return length.toMinutes();
    }

    /** A time as an {@code <input type="time">} holds it. */
    public static String timeInput(LocalTime at) {
        return String.format(Locale.ROOT, "%02d:%02d", at.getHour(), at.getMinute());
    }
}
