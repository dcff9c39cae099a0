package com.voiceappoint.adapter.http.web;

import com.voiceappoint.domain.shared.Language;
import gg.jte.support.LocalizationSupport;
import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Every word a page shows, in Spanish and English ({@code web/messages_es.properties}, {@code
 * web/messages_en.properties}). A key one language lacks fails the page instead of falling back to the other, so a
 * test that renders a page finds it.
 */
public final class Texts implements LocalizationSupport {
    static final String BUNDLE = "web.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Map<Language, Texts> BY_LANGUAGE = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            BY_LANGUAGE.put(
                    language, new Texts(language, ResourceBundle.getBundle(BUNDLE, language.locale(), NO_FALLBACK)));
        }
    }

    private final Language language;
    private final ResourceBundle words;

    private Texts(Language language, ResourceBundle words) {
        this.language = language;
        this.words = words;
    }

    public static Texts of(Language language) {
        return BY_LANGUAGE.get(language);
    }

    public Language language() {
        return language;
    }

    /** Throws for a key the bundle lacks: a missing word is a bug, not a blank. */
    @Override
    public String lookup(String key) {
        return words.getString(key);
    }

    /**
     * A word to use outside markup (an attribute, a title), with {0}-style arguments filled in exactly as JTE's
     * {@code localize} fills them in a page, so one text reads the same in both places.
     */
    public String plain(String key, Object... arguments) {
        String text = lookup(key);
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
        }
        return text;
    }
}
