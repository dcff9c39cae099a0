package com.voiceappoint.adapter.vapi;

import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.shared.Money;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * What the assistant is told to say, in the business's language: one short line, with absolute dates spelled out
 * ("martes 24 de noviembre a las 15:00") in the business's zone, and the ids and ISO times the next call needs.
 * Vapi wants single-line strings; line breaks in business data are flattened.
 */
final class Speech {
    private static final String BUNDLE = "vapi.speech";
    private static final DateTimeFormatter ISO_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final Language language;
    private final ZoneId zone;
    private final Locale locale;
    private final ResourceBundle bundle;
    private final DateTimeFormatter dayFormat;

    Speech(Language language, ZoneId zone) {
        this.language = language;
        this.zone = zone;
        this.locale = language.locale();
        this.bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.dayFormat = DateTimeFormatter.ofPattern(bundle.getString("format.day"), locale);
    }

    Language language() {
        return language;
    }

    ZoneId zone() {
        return zone;
    }

    private static final Pattern LINE_BREAK = Pattern.compile("\\s*[\\r\\n]+\\s*");

    String say(String key, Object... arguments) {
        return oneLine(new MessageFormat(bundle.getString(key), locale).format(arguments));
    }

    boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** "martes 24 de noviembre" / "Tuesday 24 November". */
    String day(LocalDate date) {
        return dayFormat.format(date);
    }

    String time(Instant instant) {
        return DateTimeFormatter.ofPattern("HH:mm").format(instant.atZone(zone));
    }

    /** "martes 24 de noviembre a las 15:00". */
    String when(Instant instant) {
        return say("format.when", day(instant.atZone(zone).toLocalDate()), time(instant));
    }

    /** The business's wall-clock time as the tools take it back: {@code 2026-11-24T15:00}. */
    String local(Instant instant) {
        return ISO_LOCAL.format(LocalDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.MINUTES));
    }

    String weekday(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, locale);
    }

    String money(Money money) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(money.currency());
        if (money.amount().stripTrailingZeros().scale() <= 0) {
            format.setMaximumFractionDigits(0);
        }
        return format.format(money.amount());
    }

    /** "Corte de pelo, 30 minutos, 18,50 € (service_id …)". */
    String service(Service service) {
        return say(
                "services.item",
                service.name(),
                service.duration().toMinutes(),
                money(service.price()),
                service.id().toString());
    }

    /** "lunes: de 09:00 a 14:00 y de 16:00 a 20:00", or "sábado: cerrado". */
    String opening(String day, List<OpeningWindow> windows) {
        return windows.isEmpty()
                ? say("hours.closed", day)
                : say("hours.day", day, list(windows.stream().map(this::window).toList()));
    }

    String window(OpeningWindow window) {
        return say(
                "format.window",
                OpeningWindow.format(window.opens(), false),
                OpeningWindow.format(window.closes(), window.closesAtEndOfDay()));
    }

    /** "a, b y c" / "a, b and c". */
    String list(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1))
                + bundle.getString("format.and")
                + items.get(items.size() - 1);
    }

    /** Answers are spoken: a line break inside one would be read out as a pause, or by some voices as a word. */
    static String oneLine(String text) {
        // every answer passes here and few hold a line break: the regex is not worth running on the others
        if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text.strip();
        }
        return LINE_BREAK.matcher(text).replaceAll(" ").strip();
    }
}
