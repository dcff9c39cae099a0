package com.voiceappoint.adapter.http.web;

import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.shared.Money;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Dates, times and money as a page shows them: in its language, times told in the business's zone, amounts in the
 * business's currency.
 */
public final class Formats {
    private final ZoneId zone;
    private final Language language;
    private final DateTimeFormatter time;
    private final DateTimeFormatter date;
    private final DateTimeFormatter longDate;
    private final DateTimeFormatter shortDay;

    private Formats(ZoneId zone, Language language) {
        this.zone = zone;
        this.language = language;
        this.time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(language.locale());
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language.locale());
        this.longDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(language.locale());
        this.shortDay = DateTimeFormatter.ofPattern("EEE d", language.locale());
    }

    static Formats of(Business business, Language language) {
        return new Formats(business.zone(), language);
    }

    public ZoneId zone() {
        return zone;
    }

    public String time(Instant at) {
        return time.format(at.atZone(zone));
    }

    public String time(java.time.LocalTime at) {
        return time.format(at);
    }

    public String date(Instant at) {
        return date.format(at.atZone(zone));
    }

    public String date(LocalDate day) {
        return date.format(day);
    }

    public String longDate(LocalDate day) {
        return longDate.format(day);
    }

    /** A day in a week's heading: "lun 23", "Mon 23". */
    public String shortDay(LocalDate day) {
        return shortDay.format(day);
    }

    /** Day and time together: "23 nov 2026, 10:15". */
    public String dateTime(Instant at) {
        return date(at) + ", " + time(at);
    }

    public String money(Money money) {
        NumberFormat format = NumberFormat.getCurrencyInstance(language.locale());
        format.setCurrency(money.currency());
        return format.format(money.amount());
    }

    /** The local day {@code at} falls on in the business's zone. */
    public LocalDate day(Instant at) {
        return at.atZone(zone).toLocalDate();
    }
}
