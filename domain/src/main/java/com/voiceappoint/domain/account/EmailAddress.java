package com.voiceappoint.domain.account;

import com.voiceappoint.domain.shared.InvalidValueException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address, trimmed and lower-cased so that one person cannot register twice by changing case.
 * The check is deliberately loose (one {@code @}, a dot in the domain, no spaces): the only real proof is a
 * delivered message.
 */
public record EmailAddress(String value) {
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    public static final int MAX_LENGTH = 254;

    public EmailAddress {
        InvalidValueException.check(value != null, "email", "an e-mail address is required");
        value = value.trim().toLowerCase(Locale.ROOT);
        InvalidValueException.check(
                value.length() <= MAX_LENGTH, "email", "an e-mail address is at most 254 characters");
        InvalidValueException.check(SHAPE.matcher(value).matches(), "email", "not an e-mail address");
    }

    /** The address as logs and lists show it: two letters and the domain ({@code ca***@example.com}). */
    public String masked() {
        int at = value.indexOf('@');
        return value.substring(0, Math.min(2, at)) + "***" + value.substring(at);
    }

    @Override
    public String toString() {
        return value;
    }
}
