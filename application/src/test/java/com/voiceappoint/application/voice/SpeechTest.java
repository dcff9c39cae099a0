package com.voiceappoint.application.voice;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.port.in.VoiceToolsUseCase;
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
                ResourceBundle.getBundle("voice.speech", language.locale()).keySet());
    }

    @Test
    void both_languages_say_the_same_things() {
        assertThat(keys(Language.ES)).isEqualTo(keys(Language.EN));
    }

    @Test
    void every_refusal_and_every_empty_day_has_words_in_every_language() {
        for (Language language : Language.values()) {
            Set<String> keys = keys(language);
            for (RefusalReason reason : RefusalReason.values()) {
                assertThat(keys.contains("refused." + reason.name()))
                        .as("%s %s", language, reason)
                        .isTrue();
            }
            for (NoSlotsReason reason : NoSlotsReason.values()) {
                assertThat(keys.contains("why." + reason.name()))
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

    @Test
    void a_choice_says_or_and_spanish_says_u_before_an_o_sound_and_e_before_an_i_sound() {
        Speech spanish = new Speech(Language.ES, MADRID);
        Speech english = new Speech(Language.EN, MADRID);

        assertThat(spanish.choices(List.of("10:15", "10:30", "11:30"))).isEqualTo("10:15, 10:30 u 11:30");
        assertThat(spanish.choices(List.of("07:30", "08:00"))).isEqualTo("07:30 u 08:00");
        assertThat(spanish.choices(List.of("09:00", "09:15"))).isEqualTo("09:00 o 09:15");
        assertThat(spanish.choices(List.of("Sam", "Óscar"))).isEqualTo("Sam u Óscar");
        assertThat(spanish.choices(List.of("Sam", "Horacio"))).isEqualTo("Sam u Horacio");
        assertThat(spanish.list(List.of("Marta", "Inés"))).isEqualTo("Marta e Inés");
        assertThat(spanish.list(List.of("Marta", "Hilario"))).isEqualTo("Marta e Hilario");
        assertThat(spanish.list(List.of("agua", "hielo"))).isEqualTo("agua y hielo");
        assertThat(english.choices(List.of("10:15", "10:30", "11:30"))).isEqualTo("10:15, 10:30 or 11:30");
        assertThat(english.list(List.of("Marta", "Inés"))).isEqualTo("Marta and Inés");
    }

    @Test
    void free_times_are_read_by_day_with_who_is_free_and_the_starts_to_book_them() {
        ZoneId zone = MADRID;
        java.util.function.Function<String, Instant> at =
                local -> java.time.LocalDateTime.parse(local).atZone(zone).toInstant();
        List<SlotsByDay.Day> days = SlotsByDay.group(
                List.of(
                        new VoiceToolsUseCase.Offer(at.apply("2026-12-16T10:15"), List.of("Marta", "Sam")),
                        new VoiceToolsUseCase.Offer(at.apply("2026-12-16T10:30"), List.of("Marta", "Sam")),
                        new VoiceToolsUseCase.Offer(at.apply("2026-12-16T11:30"), List.of("Sam")),
                        new VoiceToolsUseCase.Offer(
                                at.apply("2026-12-17T09:00"), List.of("Ana", "Bea", "Carla", "Olga"))),
                zone);

        assertThat(new Speech(Language.ES, zone).offers(days))
                .isEqualTo("el miércoles 16 de diciembre a las 10:15 o 10:30 con Marta o Sam y a las 11:30 con Sam; "
                        + "el jueves 17 de diciembre a las 09:00 con Ana, Bea, Carla o alguien más "
                        + "(start 2026-12-16T10:15, 2026-12-16T10:30, 2026-12-16T11:30, 2026-12-17T09:00)");
        assertThat(new Speech(Language.EN, zone).offers(days))
                .isEqualTo("on Wednesday 16 December at 10:15 or 10:30 with Marta or Sam and at 11:30 with Sam; "
                        + "on Thursday 17 December at 09:00 with Ana, Bea, Carla or someone else "
                        + "(start 2026-12-16T10:15, 2026-12-16T10:30, 2026-12-16T11:30, 2026-12-17T09:00)");
    }
}
