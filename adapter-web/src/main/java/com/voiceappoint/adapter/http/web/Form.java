package com.voiceappoint.adapter.http.web;

import com.voiceappoint.domain.shared.DomainException;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A submitted form as its page shows it again: the values typed (never a password: {@link #secret} fields are read
 * but not kept for the page), an error per field as a key of the texts, and one error for the whole form. A field
 * missing from the request reads as blank, so a garbled form gets field errors, not a failure.
 */
public final class Form {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> secret;
    private final Map<String, String> errors = new LinkedHashMap<>();
    private String problem;
    private Object[] problemArguments = new Object[0];

    /** One choice of a select: what is sent, and what the page shows. */
    public record Option(String value, String label) {}

    private Form(Set<String> secret) {
        this.secret = secret;
    }

    /** An empty form: what a page shows before anything was sent, with these values filled in. */
    static Form blank(Map<String, String> defaults) {
        Form form = new Form(Set.of());
        form.values.putAll(defaults);
        return form;
    }

    /** The named fields of the request's form, with {@code secret} ones among them held only for the handler. */
    static Form read(Context ctx, List<String> fields, Set<String> secret) {
        Form form = new Form(secret);
        for (String field : fields) {
            String value = ctx.formParam(field);
            form.values.put(field, value == null ? "" : value);
        }
        return form;
    }

    /** What was typed, as sent ({@code ""} when the field was not). */
    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** What was typed, stripped, or null when only spaces: how the use cases take an optional field. */
    String given(String field) {
        String value = value(field).strip();
        return value.isEmpty() ? null : value;
    }

    /** What the page shows again in the field: never a secret. */
    public String shown(String field) {
        return secret.contains(field) ? "" : value(field);
    }

    public Optional<String> error(String field) {
        return Optional.ofNullable(errors.get(field));
    }

    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** The {0}-style arguments of the form's error. */
    public Object[] problemArguments() {
        return problemArguments.clone();
    }

    public boolean hasErrors() {
        return !errors.isEmpty() || problem != null;
    }

    /** The ids of what describes the field, for {@code aria-describedby}: its hint and its error, or null for none. */
    public String describedBy(String field, boolean hinted) {
        String ids =
                (hinted ? "f-" + field + "-hint " : "") + (errors.containsKey(field) ? "f-" + field + "-error" : "");
        return ids.isBlank() ? null : ids.strip();
    }

    /** Marks the field wrong with the texts' {@code key}; the first error of a field is the one shown. */
    Form reject(String field, String key) {
        errors.putIfAbsent(field, key);
        return this;
    }

    /** Marks each of these fields that is blank as required, with {@code key}. */
    Form require(String key, String... fields) {
        for (String field : fields) {
            if (value(field).isBlank()) {
                reject(field, key);
            }
        }
        return this;
    }

    /** An error about the whole form, shown above it. */
    Form fail(String key, Object... arguments) {
        problem = key;
        problemArguments = arguments.clone();
        return this;
    }

    /**
     * A refusal of the domain about one of this form's fields, shown at that field as {@code prefix + field}; any
     * other refusal as {@code prefix + "other"} above the form.
     */
    Form refused(DomainException refusal, String prefix, Set<String> explained) {
        String field = refusal.field();
        if (field != null && explained.contains(field) && values.containsKey(field)) {
            return reject(field, prefix + field);
        }
        return fail(prefix + "other");
    }
}
