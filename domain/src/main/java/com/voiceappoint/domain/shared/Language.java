package com.voiceappoint.domain.shared;

import java.util.Locale;
import java.util.Optional;

/** The languages VoiceAppoint speaks to callers, owners and clients. */
public enum Language {
    ES,
    EN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    /** Accepts "es", "EN", "es-ES", "en_GB"; empty for anything we do not speak. */
    public static Optional<Language> fromTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String primary = tag.trim().split("[-_]", 2)[0].toUpperCase(Locale.ROOT);
        for (Language language : values()) {
            if (language.name().equals(primary)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    public static Language parse(String tag, String field) {
        return fromTag(tag).orElseThrow(() -> new InvalidValueException(field, "unsupported language " + tag));
    }
}
