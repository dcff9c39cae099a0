package com.voiceappoint.adapter.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.domain.shared.Language;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

    /**
     * A key written twice is read as its last value only: a page asking for the first meaning prints the second (the
     * public page's "{0} h" and its hours heading once shared a key).
     */
    @Test
    void no_key_is_written_twice() throws IOException {
        for (Language language : Language.values()) {
            String bundle = "/" + Texts.BUNDLE.replace('.', '/') + "_" + language.code() + ".properties";
            List<String> keys = new ArrayList<>();
            try (InputStream in = TextsTest.class.getResourceAsStream(bundle)) {
                assertThat(in).as(bundle).isNotNull();
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String entry = line.strip();
                    if (!entry.isEmpty() && !entry.startsWith("#") && entry.contains("=")) {
                        keys.add(entry.substring(0, entry.indexOf('=')).strip());
                    }
                }
            }
            assertThat(keys).as(bundle).doesNotHaveDuplicates();
        }
    }
}
