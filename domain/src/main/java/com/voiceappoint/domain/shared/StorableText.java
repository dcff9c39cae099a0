package com.voiceappoint.domain.shared;

/**
 * Text that can be kept exactly as given: well-formed Unicode without NUL. PostgreSQL refuses NUL in text, and half
 * of a UTF-16 surrogate pair has no UTF-8 encoding at all (it would be kept as "?"). Adapters refuse such text at
 * the edge, where they can say which field it came in, or scrub it where refusing would lose more than it saves.
 */
public final class StorableText {
    private static final char REPLACEMENT = '\uFFFD';

    private StorableText() {}

    /** Whether every character of {@code text} can be kept as it is. */
    public static boolean storable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c)
                        || i + 1 == text.length()
                        || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    /** {@code text} without its NULs, and with U+FFFD for each half of a broken surrogate pair. */
    public static String scrubbed(String text) {
        if (storable(text)) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                kept.append(c).append(text.charAt(++i));
            } else {
                kept.append(Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        return kept.toString();
    }
}
