package com.voiceappoint.application.voice;

import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.shared.Money;
import com.voiceappoint.domain.shared.SaidWords;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What the assistant is told to say, in the business's language: one short line, with absolute dates spelled out
 * ("martes 24 de noviembre a las 15:00") in the business's zone, and the ids and ISO times the next call needs.
 * Voice platforms want single-line strings; line breaks in business data are flattened.
 */
public final class Speech {
    private static final String BUNDLE = "voice.speech";
    private static final DateTimeFormatter ISO_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    /** More people free at one time than this are "Marta, Sam, Ana or someone else". */
    public static final int NAMES_SPOKEN = 3;

    private final Language language;
    private final ZoneId zone;
    private final Locale locale;
    private final ResourceBundle bundle;
    private final DateTimeFormatter dayFormat;

    public Speech(Language language, ZoneId zone) {
        this.language = language;
        this.zone = zone;
        this.locale = language.locale();
        this.bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.dayFormat = DateTimeFormatter.ofPattern(bundle.getString("format.day"), locale);
    }

    public Language language() {
        return language;
    }

    public ZoneId zone() {
        return zone;
    }

    private static final Pattern LINE_BREAK = Pattern.compile("\\s*[\\r\\n]+\\s*");

    public String say(String key, Object... arguments) {
        return oneLine(new MessageFormat(bundle.getString(key), locale).format(arguments));
    }

    /** "martes 24 de noviembre" / "Tuesday 24 November". */
    public String day(LocalDate date) {
        return dayFormat.format(date);
    }

    public String time(Instant instant) {
        return CLOCK.format(instant.atZone(zone));
    }

    /** "martes 24 de noviembre a las 15:00". */
    public String when(Instant instant) {
        return say("format.when", day(instant.atZone(zone).toLocalDate()), time(instant));
    }

    /** The business's wall-clock time as the tools take it back: {@code 2026-11-24T15:00}. */
    public String local(Instant instant) {
        return ISO_LOCAL.format(LocalDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.MINUTES));
    }

    public String weekday(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, locale);
    }

    public String money(Money money) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(money.currency());
        if (money.amount().stripTrailingZeros().scale() <= 0) {
            format.setMaximumFractionDigits(0);
        }
        return format.format(money.amount());
    }

    /** "Corte de pelo, 30 minutos, 18,50 € (service_id …)". */
    public String service(Service service) {
        return say(
                "services.item",
                service.name(),
                service.duration().toMinutes(),
                money(service.price()),
                service.id().toString());
    }

    /** "lunes: de 09:00 a 14:00 y de 16:00 a 20:00", or "sábado: cerrado". */
    public String opening(String day, List<OpeningWindow> windows) {
        return windows.isEmpty()
                ? say("hours.closed", day)
                : say("hours.day", day, list(windows.stream().map(this::window).toList()));
    }

    public String window(OpeningWindow window) {
        return say(
                "format.window",
                OpeningWindow.format(window.opens(), false),
                OpeningWindow.format(window.closes(), window.closesAtEndOfDay()));
    }

    /** "a, b y c", "Ana e Inés" / "a, b and c". */
    public String list(List<String> items) {
        return join(items, bundle.getString("format.and"), " e ", Speech::soundsLikeI);
    }

    /** "a, b o c", "10:30 u 11:30" / "a, b or c": a choice. */
    public String choices(List<String> items) {
        return join(items, bundle.getString("format.or"), " u ", Speech::soundsLikeO);
    }

    /**
     * Free times grouped by day, each day named once ("el martes 24 de noviembre a las 10:30 u 11:00; el miércoles
     * 25 de noviembre a las 09:00"), then the starts the tools take back.
     */
    public String offers(List<SlotsByDay.Day> days) {
        List<String> spoken = days.stream()
                .map(day -> say("offer.day", day(day.date()), runs(day.runs())))
                .toList();
        List<String> starts = days.stream()
                .flatMap(day -> day.runs().stream())
                .flatMap(run -> run.starts().stream())
                .map(this::local)
                .toList();
        return String.join("; ", spoken) + " " + say("offer.starts", String.join(", ", starts));
    }

    /** One day's free times: "a las 16:00 o 16:30 con Marta o Sam y a las 17:00 con Sam". */
    public String runs(List<SlotsByDay.Run> runs) {
        return list(runs.stream().map(this::run).toList());
    }

    private String run(SlotsByDay.Run run) {
        String times =
                say("offer.at", choices(run.starts().stream().map(this::time).toList()));
        if (run.who().isEmpty()) {
            return times;
        }
        List<String> who = run.who().size() <= NAMES_SPOKEN
                ? run.who()
                : concat(run.who().subList(0, NAMES_SPOKEN), say("offer.someone"));
        return say("offer.with", times, choices(who));
    }

    private static List<String> concat(List<String> items, String last) {
        List<String> all = new ArrayList<>(items);
        all.add(last);
        return all;
    }

    private String join(List<String> items, String conjunction, String spanishBeforeTheSound, Predicate<String> sound) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        String last = items.get(items.size() - 1);
        boolean changes = language == Language.ES && sound.test(last);
        return String.join(", ", items.subList(0, items.size() - 1))
                + (changes ? spanishBeforeTheSound : conjunction)
                + last;
    }

    /** "o" becomes "u" before a word said with an o: "Óscar", "hora", "8:00" (ocho), "11:30" (once). */
    public static boolean soundsLikeO(String word) {
        String plain = SaidWords.unaccented(word).strip();
        if (!plain.isEmpty() && Character.isDigit(plain.charAt(0))) {
            int from = 0;
            while (from < plain.length() - 1
                    && plain.charAt(from) == '0'
                    && Character.isDigit(plain.charAt(from + 1))) {
                from++;
            }
            int to = from;
            while (to < plain.length() && Character.isDigit(plain.charAt(to))) {
                to++;
            }
            String number = plain.substring(from, to);
            return number.startsWith("8") || number.equals("11");
        }
        return plain.startsWith("o") || plain.startsWith("ho");
    }

    /** "y" becomes "e" before a word said with an i: "Inés", "Hilario", but not "hielo" (a y sound). */
    public static boolean soundsLikeI(String word) {
        String plain = SaidWords.unaccented(word).strip();
        if (plain.startsWith("h")) {
            plain = plain.substring(1);
        }
        return plain.startsWith("i") && !(plain.length() > 1 && "aeou".indexOf(plain.charAt(1)) >= 0);
    }

    /** Answers are spoken: a line break inside one would be read out as a pause, or by some voices as a word. */
    public static String oneLine(String text) {
        // every answer passes here and few hold a line break: the regex is not worth running on the others
        if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text.strip();
        }
        return LINE_BREAK.matcher(text).replaceAll(" ").strip();
    }
}
