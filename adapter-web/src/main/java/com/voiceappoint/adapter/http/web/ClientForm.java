package com.voiceappoint.adapter.http.web;

import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.client.Client;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.Language;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A client's contact details as the edit form shows them: what was typed, and what is wrong with it by field (message
 * keys), so a refused form comes back as it was sent.
 *
 * @param language a language code, or empty for "the business's"
 */
public record ClientForm(String name, String phone, String email, String language, Map<String, String> errors) {
    static final int MAX_PHONE = 32;

    static ClientForm of(Client client) {
        return new ClientForm(
                client.name(),
                client.phone().map(Object::toString).orElse(""),
                client.email().map(Object::toString).orElse(""),
                client.language().map(Language::code).orElse(""),
                Map.of());
    }

    /** The fields as sent; a field left out reads as empty, which the checks then name. */
    static ClientForm read(Context ctx) {
        return new ClientForm(
                field(ctx, "name"), field(ctx, "phone"), field(ctx, "email"), field(ctx, "language"), Map.of());
    }

    /** What can be told without asking anyone: the rest (a taken phone) the use case says. */
    Map<String, String> check() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name.isEmpty()) {
            errors.put("name", "clients.error.name");
        } else if (name.length() > Client.MAX_NAME_LENGTH) {
            errors.put("name", "clients.error.name_long");
        }
        if (phone.length() > MAX_PHONE) {
            errors.put("phone", "clients.error.phone");
        }
        if (!email.isEmpty() && !isEmail(email)) {
            errors.put("email", "clients.error.email");
        }
        if (phone.isEmpty() && email.isEmpty()) {
            errors.put("phone", "clients.error.contact");
        }
        if (!language.isEmpty() && Language.fromTag(language).isEmpty()) {
            errors.put("language", "clients.error.language");
        }
        return errors;
    }

    ClientForm withErrors(Map<String, String> found) {
        return new ClientForm(name, phone, email, language, Map.copyOf(found));
    }

    /** The field a refusal of the use case is about, and its words. */
    static Optional<Map.Entry<String, String>> refusal(DomainException refused) {
        String field = Optional.ofNullable(refused.field()).orElse("");
        if (refused.code() == ErrorCode.DUPLICATE_CONTACT) {
            String which = field.contains("email") ? "email" : "phone";
            return Optional.of(Map.entry(which, "clients.error.taken_" + which));
        }
        if (refused.code() != ErrorCode.INVALID_VALUE) {
            return Optional.empty();
        }
        String named = field.toLowerCase(Locale.ROOT);
        if (named.contains("email")) {
            return Optional.of(Map.entry("email", "clients.error.email"));
        }
        if (named.contains("phone")) {
            return Optional.of(Map.entry("phone", "clients.error.contact"));
        }
        if (named.contains("language")) {
            return Optional.of(Map.entry("language", "clients.error.language"));
        }
        return Optional.of(Map.entry("name", "clients.error.name"));
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }

    private static boolean isEmail(String typed) {
        try {
            new EmailAddress(typed);
            return true;
        } catch (DomainException notOne) {
            return false;
        }
    }

    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }
}
