package com.voiceappoint.adapter.http.web;

import com.voiceappoint.domain.shared.DomainException;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One form of a page as the member filled it in, with what is wrong with it: shown again with their input kept and
 * each error beside its field. A page with several forms names the one that was sent ({@link #name()}); the others
 * are shown empty. Errors are message keys, so they speak the page's language.
 */
public final class FilledForm {
    private final String name;
    private final Map<String, List<String>> values;
    private final Map<String, String> errors = new LinkedHashMap<>();

    private FilledForm(String name, Map<String, List<String>> values) {
        this.name = name;
        this.values = values;
    }

    /** No form sent: every field shows what is stored. */
    static FilledForm none() {
        return new FilledForm("", Map.of());
    }

    /** The form called {@code name}, as the request carries it. */
    static FilledForm sent(Context ctx, String name) {
        return new FilledForm(name, ctx.formParamMap());
    }

    public String name() {
        return name;
    }

    /** This form if it is the one called {@code name}, else an empty one: a page's other forms show what is stored. */
    public FilledForm of(String name) {
        return this.name.equals(name) ? this : none();
    }

    public boolean isSent() {
        return !name.isEmpty();
    }

    /** What the member typed, when this form was sent; else {@code stored}. */
    public String value(String field, String stored) {
        return isSent() ? text(field) : stored;
    }

    /** Whether a checkbox is ticked: as sent, else as stored. */
    public boolean ticked(String field, boolean stored) {
        return isSent() ? values.containsKey(field) : stored;
    }

    /** Whether {@code value} is among the ticked boxes called {@code field}: as sent, else as stored. */
    public boolean ticked(String field, String value, boolean stored) {
        return isSent() ? all(field).contains(value) : stored;
    }

    /** The field's text as sent, stripped; empty when missing. */
    String text(String field) {
        List<String> sent = values.get(field);
        return sent == null || sent.isEmpty() ? "" : sent.get(0).strip();
    }

    List<String> all(String field) {
        return values.getOrDefault(field, List.of());
    }

    /** The message key of what is wrong with the field, or {@code null}. */
    public String error(String field) {
        return errors.get(field);
    }

    /** The id of the field's error message, for its {@code aria-describedby}; {@code null} without an error. */
    public String describedBy(String field) {
        return errors.containsKey(field) ? errorId(field) : null;
    }

    public String errorId(String field) {
        return name + "-" + field.replace('.', '-') + "-error";
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public Map<String, String> errors() {
        return errors;
    }

    /** Marks the field wrong (the first reason found is the one shown). */
    void reject(String field, String messageKey) {
        errors.putIfAbsent(field, messageKey);
    }

    /**
     * A refusal of the booking domain shown beside the field it names ({@code setup.error.<field>} says what the rule
     * is); one about no field of this form is shown above it.
     */
    void reject(DomainException refused, List<String> fields) {
        String field = refused.field();
        if (field != null && fields.contains(field)) {
            reject(field, "setup.error." + field);
        } else {
            reject("form", "setup.error.invalid");
        }
    }

    /** A required text, at most {@code longest} characters. */
    Optional<String> required(String field, int longest) {
        String text = text(field);
        if (text.isEmpty()) {
            reject(field, "setup.error.required");
            return Optional.empty();
        }
        return shortEnough(field, text, longest);
    }

    /** An optional text, at most {@code longest} characters; empty when left blank. */
    Optional<String> optional(String field, int longest) {
        return shortEnough(field, text(field), longest);
    }

    private Optional<String> shortEnough(String field, String text, int longest) {
        if (text.length() > longest) {
            reject(field, "setup.error.too_long");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /** A whole number; a blank counts as {@code blank} when one is given. */
    Optional<Integer> number(String field, Optional<Integer> blank) {
        String text = text(field);
        if (text.isEmpty() && blank.isPresent()) {
            return blank;
        }
        if (text.isEmpty()) {
            reject(field, "setup.error.required");
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            reject(field, "setup.error.number");
            return Optional.empty();
        }
    }

    /**
     * An amount of money as people write it in either language: "22.50", "22,50", "1.234,50", "1,234.50". The last
     * separator is the decimal one when two kinds are used; the currency's decimals are the domain's to check.
     */
    Optional<BigDecimal> amount(String field) {
        String text = text(field).replace(" ", "").replace("\u00a0", "");
        if (text.isEmpty()) {
            reject(field, "setup.error.required");
            return Optional.empty();
        }
        int comma = text.lastIndexOf(',');
        int dot = text.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            String thousands = comma > dot ? "." : ",";
            text = text.replace(thousands, "");
        }
        text = text.replace(',', '.');
        if (text.length() > 20 || !text.matches("\\d+(\\.\\d+)?")) {
            reject(field, "setup.error.amount");
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(text));
    }

    Optional<LocalDate> date(String field) {
        String text = text(field);
        if (text.isEmpty()) {
            reject(field, "setup.error.required");
            return Optional.empty();
        }
        Optional<LocalDate> parsed = Dates.date(text).filter(day -> sensibleYear(day.getYear()));
        if (parsed.isPresent()) {
            return parsed;
        }
        reject(field, "setup.error.date");
        return Optional.empty();
    }

    /** A date and time as a {@code datetime-local} input sends it ("2026-11-24T11:00"). */
    Optional<LocalDateTime> dateTime(String field) {
        String text = text(field);
        if (text.isEmpty()) {
            reject(field, "setup.error.required");
            return Optional.empty();
        }
        Optional<LocalDateTime> parsed = Dates.dateTime(text).filter(at -> sensibleYear(at.getYear()));
        if (parsed.isPresent()) {
            return parsed;
        }
        reject(field, "setup.error.date_time");
        return Optional.empty();
    }

    /** An id chosen from a list the page gave; anything else was not sent by that page. */
    Optional<UUID> id(String field) {
        String text = text(field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            reject(field, "setup.error.choice");
            return Optional.empty();
        }
    }

    private static boolean sensibleYear(int year) {
        return year >= 2000 && year <= 2100;
    }
}
