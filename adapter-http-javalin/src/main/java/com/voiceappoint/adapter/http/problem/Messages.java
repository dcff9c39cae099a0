package com.voiceappoint.adapter.http.problem;

import com.voiceappoint.domain.shared.Language;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The API's own words in each language we speak, from {@code i18n/messages_<lang>.properties}. Business data
 * (names, descriptions) is never translated; only what VoiceAppoint itself says is.
 */
public final class Messages {
    private static final String BUNDLE = "i18n.messages";
    private static final Map<Language, ResourceBundle> BUNDLES = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            BUNDLES.put(language, ResourceBundle.getBundle(BUNDLE, language.locale(), new NoFallback()));
        }
    }

    private Messages() {}

    public static Optional<String> find(Language language, String key, Object... arguments) {
        try {
            String pattern = BUNDLES.get(language).getString(key);
            return Optional.of(new MessageFormat(pattern, language.locale()).format(arguments));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }

    public static String get(Language language, String key, Object... arguments) {
        return find(language, key, arguments).orElse(key);
    }

    public static ResourceBundle bundle(Language language) {
        return BUNDLES.get(language);
    }

    /** Each language stands alone: a missing Spanish key must not quietly fall back to the JVM's locale. */
    private static final class NoFallback extends ResourceBundle.Control {
        @Override
        public Locale getFallbackLocale(String baseName, Locale locale) {
            return null;
        }
    }
}
