package com.voiceappoint.domain.business;

import com.voiceappoint.domain.shared.InvalidValueException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The URL-safe public handle of a business ({@code /peluqueria-lola}). Generated from the name, unique, and
 * never handed to another business, even after the first one is deleted.
 */
public record Slug(String value) {
    public static final int MAX_LENGTH = 60;
    private static final int MIN_LENGTH = 3;
    private static final Pattern SHAPE = Pattern.compile("^[a-z0-9]+(?:-[a-z0-9]+)*$");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    /**
     * Top-level paths the web app (or the server around it) answers itself, and a few it is likely to: a business
     * page at {@code /login} would be hidden by the login page. Never generated for a new business; slugs given out
     * before a word joined this list keep working where no page hides them.
     */
    public static final Set<String> RESERVED = Set.of(
            "about",
            "account",
            "accounts",
            "admin",
            "api",
            "app",
            "assets",
            "auth",
            "blog",
            "book",
            "booking",
            "contact",
            "dashboard",
            "docs",
            "favicon",
            "health",
            "help",
            "invitations",
            "login",
            "logos",
            "logout",
            "manage",
            "metrics",
            "new",
            "operator",
            "password",
            "pricing",
            "privacy",
            "public",
            "register",
            "reset",
            "robots",
            "search",
            "settings",
            "signup",
            "static",
            "status",
            "support",
            "terms",
            "vapi",
            "webhooks",
            "webjars",
            "www");

    public Slug {
        InvalidValueException.check(value != null, "slug", "a slug is required");
        InvalidValueException.check(
                value.length() >= MIN_LENGTH && value.length() <= MAX_LENGTH, "slug", "a slug has 3 to 60 characters");
        InvalidValueException.check(
                SHAPE.matcher(value).matches(), "slug", "a slug is lower-case letters and digits separated by dashes");
    }

    /**
     * "Peluquería Lola & Co." becomes {@code peluqueria-lola-co}. Names with nothing transliterable (say, only
     * Han characters) fall back to {@code business}; the caller makes it unique with {@link #withSuffix(int)}.
     */
    public static Slug fromName(String name) {
        String ascii = COMBINING_MARKS
                .matcher(Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD))
                .replaceAll("")
                .replace("ß", "ss")
                .replace("æ", "ae")
                .replace("ø", "o")
                .replace("ł", "l")
                .toLowerCase(Locale.ROOT);
        String dashed = NOT_ALPHANUMERIC.matcher(ascii).replaceAll("-").replaceAll("^-+|-+$", "");
        if (dashed.length() > MAX_LENGTH - 4) {
            dashed = dashed.substring(0, MAX_LENGTH - 4).replaceAll("-+$", "");
        }
        if (dashed.length() < MIN_LENGTH) {
            dashed = dashed.isEmpty() ? "business" : dashed + "-business";
        }
        return new Slug(dashed);
    }

    /**
     * The slug a new business named {@code name} gets: the one its name makes, else the first of its numbered
     * alternatives that is neither reserved nor {@code taken}.
     */
    public static Slug firstFree(String name, Predicate<Slug> taken) {
        Slug base = fromName(name);
        if (!base.isReserved() && !taken.test(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            Slug candidate = base.withSuffix(n);
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
    }

    /** Whether a page of the web app owns this path, so that no new business may be given it. */
    public boolean isReserved() {
        return RESERVED.contains(value);
    }

    /** The n-th alternative when this slug is taken: {@code lola}, {@code lola-2}, {@code lola-3}... */
    public Slug withSuffix(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("suffixes start at 2");
        }
        String suffix = "-" + n;
        String base = value.length() + suffix.length() > MAX_LENGTH
                ? value.substring(0, MAX_LENGTH - suffix.length()).replaceAll("-+$", "")
                : value;
        return new Slug(base + suffix);
    }

    @Override
    public String toString() {
        return value;
    }
}
