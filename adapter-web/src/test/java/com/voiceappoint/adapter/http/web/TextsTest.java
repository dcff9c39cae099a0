package com.voiceappoint.adapter.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.domain.shared.Language;
import java.util.Collections;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TextsTest {
    @Test
    void spanish_and_english_have_the_same_words() {
        ResourceBundle.Control own =
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        Set<String> spanish =
                new TreeSet<>(Collections.list(ResourceBundle.getBundle(Texts.BUNDLE, Language.ES.locale(), own)
                        .getKeys()));
        Set<String> english =
                new TreeSet<>(Collections.list(ResourceBundle.getBundle(Texts.BUNDLE, Language.EN.locale(), own)
                        .getKeys()));

        assertThat(spanish).isNotEmpty().isEqualTo(english);
    }

    @Test
    void no_word_is_left_blank_or_untranslated_by_accident() {
        for (Language language : Language.values()) {
            Texts texts = Texts.of(language);
            ResourceBundle.Control own =
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
            for (String key : Collections.list(ResourceBundle.getBundle(Texts.BUNDLE, language.locale(), own)
                    .getKeys())) {
                assertThat(texts.lookup(key))
                        .as(language + " " + key + ": pages print a quote as written, not as MessageFormat reads it")
                        .isNotBlank()
                        .doesNotContain("''");
            }
        }
    }
}
