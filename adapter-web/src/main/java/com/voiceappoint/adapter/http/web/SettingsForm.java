package com.voiceappoint.adapter.http.web;

import com.voiceappoint.application.error.ForbiddenException;
import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A settings form as its page shows it: the values to fill in (as stored, or as the member typed them when something
 * was wrong), lists of values (checkbox groups, rows of questions), and what is wrong, field by field, as message keys
 * (a number out of bounds with its bounds). Unlike a form that creates something, a field the request did not carry
 * at all keeps its stored value; one sent empty is cleared, where it may be.
 */
public final class SettingsForm {
    /** The error of the whole form rather than of one field. */
    static final String WHOLE = "_form";

    private final Map<String, String> values;
    private final Map<String, List<String>> lists;
    private final Map<String, String> errors = new LinkedHashMap<>();
    /** The bounds of the numbers refused for being outside them, for their messages. */
    private final Map<String, int[]> ranges = new LinkedHashMap<>();

    private final Context submitted;

    private SettingsForm(Map<String, String> values, Map<String, List<String>> lists, Context submitted) {
        this.values = values;
        this.lists = lists;
        this.submitted = submitted;
    }

    /** A form showing what is stored. */
    static SettingsForm showing(Map<String, String> values) {
        return new SettingsForm(new LinkedHashMap<>(values), new LinkedHashMap<>(), null);
    }

    /** A form showing what is stored, with fields that hold lists of values. */
    static SettingsForm showing(Map<String, String> values, Map<String, List<String>> lists) {
        return new SettingsForm(new LinkedHashMap<>(values), new LinkedHashMap<>(lists), null);
    }

    /** The form a member sent: read field by field by the page, which writes back what it read. */
    static SettingsForm submitted(Context ctx) {
        return new SettingsForm(new LinkedHashMap<>(), new LinkedHashMap<>(), ctx);
    }

    /** The stored values of the fields this form did not carry, to show them again as they are. */
    SettingsForm fillingIn(SettingsForm stored) {
        stored.values.forEach(values::putIfAbsent);
        stored.lists.forEach(lists::putIfAbsent);
        return this;
    }

    /** Shows the field with this value, whatever was sent. */
    void keep(String field, String value) {
        values.put(field, value);
    }

    /** The field as sent, stripped; empty when the request did not carry it. */
    Optional<String> sent(String field) {
        String raw = submitted == null ? null : submitted.formParam(field);
        Optional<String> value = Optional.ofNullable(raw).map(String::strip);
        value.ifPresent(v -> values.put(field, v));
        return value;
    }

    /** Every value sent under the name, stripped, blanks left out. */
    List<String> sentAll(String field) {
        List<String> sent = submitted == null
                ? List.of()
                : submitted.formParams(field).stream()
                        .map(String::strip)
                        .filter(v -> !v.isEmpty())
                        .toList();
        lists.put(field, sent);
        return sent;
    }

    /** Every value sent under the name, stripped, blanks kept (rows of a table whose columns go together). */
    List<String> sentRows(String field) {
        List<String> sent = submitted == null
                ? List.of()
                : submitted.formParams(field).stream().map(String::strip).toList();
        lists.put(field, sent);
        return sent;
    }

    /** A text the member must give, of at most {@code max} characters. */
    Optional<String> required(String field, int max) {
        Optional<String> value = sent(field);
        if (value.isPresent() && value.get().isEmpty()) {
            reject(field, "settings.error.required");
            return Optional.empty();
        }
        return longest(field, value, max);
    }

    /** A text the member must give, and the form must carry, of at most {@code max} characters. */
    Optional<String> needed(String field, int max) {
        if (sent(field).isEmpty()) {
            reject(field, "settings.error.required");
            return Optional.empty();
        }
        return required(field, max);
    }

    /** A text that may be left empty (then cleared), of at most {@code max} characters. */
    Optional<String> optional(String field, int max) {
        return longest(field, sent(field), max);
    }

    private Optional<String> longest(String field, Optional<String> value, int max) {
        if (value.isPresent() && value.get().length() > max) {
            reject(field, "settings.error.too_long");
            return Optional.empty();
        }
        return value;
    }

    /** A whole number from {@code min} to {@code max}; empty when not sent or wrong (and then an error). */
    Optional<Integer> wholeNumber(String field, int min, int max) {
        Optional<String> value = sent(field);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            int number = Integer.parseInt(value.get());
            if (number >= min && number <= max) {
                return Optional.of(number);
            }
        } catch (NumberFormatException notAWholeNumber) {
            // told as the range it must be in, as for one outside it
        }
        reject(field, "settings.error.range");
        ranges.put(field, new int[] {min, max});
        return Optional.empty();
    }

    void reject(String field, String messageKey) {
        errors.putIfAbsent(field, messageKey);
    }

    /**
     * What a use case refused, as the error of the field it names, when the form has it (under {@code fields}, which
     * maps the domain's name of a field to the form's); otherwise as the error of the whole form.
     */
    void refused(DomainException refusal, Map<String, String> fields) {
        rethrowUnlessAboutTheForm(refusal);
        String field = refusal.field() == null ? null : fields.get(refusal.field());
        reject(field == null ? WHOLE : field, messageKey(refusal.code()));
    }

    /** A refusal that is no mistake in the form (not allowed, not found) is the error page's to tell. */
    static void rethrowUnlessAboutTheForm(DomainException refusal) {
        if (refusal instanceof ForbiddenException || refusal instanceof NotFoundException) {
            throw refusal;
        }
    }

    private static String messageKey(ErrorCode code) {
        switch (code) {
            case CURRENCY_IN_USE:
            case LAST_OWNER:
            case ALREADY_MEMBER:
            case NUMBER_IN_USE:
            case LINE_NOT_VERIFIED:
            case VOICE_UNAVAILABLE:
            case CONCURRENT_UPDATE:
                return "settings.error." + code.name().toLowerCase(Locale.ROOT);
            default:
                return "settings.error.invalid";
        }
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public List<String> values(String field) {
        return lists.getOrDefault(field, List.of());
    }

    public boolean has(String field, String value) {
        return values(field).contains(value);
    }

    public Optional<String> error(String field) {
        return Optional.ofNullable(errors.get(field));
    }

    /** The arguments of a field's error message: the range a number must be in. */
    public Object[] errorArguments(String field) {
        int[] range = ranges.get(field);
        return range == null ? new Object[0] : new Object[] {range[0], range[1]};
    }

    public Optional<String> formError() {
        return error(WHOLE);
    }

    /** The id of the element that tells a field's error. */
    public String errorId(String field) {
        return field + "-error";
    }

    /** What a field's {@code aria-describedby} names: its hint, if it has one, and its error, if any. */
    public String describedBy(String field, boolean hint) {
        List<String> ids = new ArrayList<>();
        if (hint) {
            ids.add(field + "-hint");
        }
        if (errors.containsKey(field)) {
            ids.add(errorId(field));
        }
        return ids.isEmpty() ? null : String.join(" ", ids);
    }
}
