package com.voiceappoint.adapter.http.web;

import com.voiceappoint.domain.shared.Money;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * What the dashboard's logs and reports add to {@link BusinessFormats}: moments short enough for a table's row,
 * counts, shares and the length of a call, in the page's language and the business's zone.
 */
public final class Formats {
    private final BusinessFormats business;
    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter date;
    private final DateTimeFormatter time;

    private Formats(BusinessFormats business, Locale locale) {
        this.business = business;
        this.locale = locale;
        this.zone = business.zone();
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale)
                .withZone(zone);
        // the 24-hour clock in both languages, as the toasts, the public pages and the messages write it
        this.time = DateTimeFormatter.ofPattern("H:mm", locale).withZone(zone);
    }

    static Formats of(Workplace w) {
        return new Formats(BusinessFormats.of(w), w.v().language().locale());
    }

    public String date(Instant at) {
        return date.format(at);
    }

    public String time(Instant at) {
        return time.format(at);
    }

    public String dateTime(Instant at) {
        return date.format(at) + " " + time.format(at);
    }

    /** For a {@code <time datetime>}: the instant in the business's zone, with its offset. */
    public String machine(Instant at) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone));
    }

    public String money(Money money) {
        return business.money(money);
    }

    public String number(long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    /** A share of one, to a tenth of a percent. */
    public String percent(double share) {
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(share);
    }

    /** A call's length as a clock shows it: {@code 3:05}, or {@code 1:02:03} past an hour. */
    public String duration(Duration length) {
        long seconds = Math.max(0, length.getSeconds());
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        return hours > 0 ? "%d:%02d:%02d".formatted(hours, minutes, rest) : "%d:%02d".formatted(minutes, rest);
    }
}
