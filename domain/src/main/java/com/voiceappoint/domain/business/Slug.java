package com.voiceappoint.domain.business;

import com.voiceappoint.domain.shared.InvalidValueException;
import java.text.Normalizer;
import java.util.Locale;
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
