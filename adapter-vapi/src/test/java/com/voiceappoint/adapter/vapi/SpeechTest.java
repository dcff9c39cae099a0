package com.voiceappoint.adapter.vapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.domain.availability.NoSlotsReason;
import com.voiceappoint.domain.availability.RefusalReason;
import com.voiceappoint.domain.shared.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SpeechTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    private static Set<String> keys(Language language) {
        return new TreeSet<>(
                ResourceBundle.getBundle("vapi.speech", language.locale()).keySet());
    }

    @Test
    void both_languages_say_the_same_things() {
        assertThat(keys(Language.ES)).isEqualTo(keys(Language.EN));
    }

    @Test
    void every_refusal_and_every_empty_day_has_words_in_every_language() {
        for (Language language : Language.values()) {
            Speech speech = new Speech(language, MADRID);
            for (RefusalReason reason : RefusalReason.values()) {
                assertThat(speech.has("refused." + reason.name()))
                        .as("%s %s", language, reason)
                        .isTrue();
            }
            for (NoSlotsReason reason : NoSlotsReason.values()) {
                assertThat(speech.has("why." + reason.name()))
                        .as("%s %s", language, reason)
                        .isTrue();
            }
        }
    }

    @Test
    void dates_are_spelled_out_in_the_business_zone_and_lists_read_naturally() {
        Instant fourPmInMadrid = Instant.parse("2026-11-24T15:00:00Z");

        assertThat(new Speech(Language.ES, MADRID).when(fourPmInMadrid))
                .isEqualTo("martes 24 de noviembre a las 16:00");
        assertThat(new Speech(Language.EN, ZoneId.of("Europe/London")).when(fourPmInMadrid))
                .isEqualTo("Tuesday 24 November at 15:00");
        assertThat(new Speech(Language.ES, MADRID).list(List.of("a", "b", "c"))).isEqualTo("a, b y c");
        assertThat(new Speech(Language.EN, MADRID).list(List.of("a", "b"))).isEqualTo("a and b");
    }

    @Test
    void what_is_said_is_one_line() {
        assertThat(Speech.oneLine("Peluquería\nLola  \r\n abre")).isEqualTo("Peluquería Lola abre");
    }
}
