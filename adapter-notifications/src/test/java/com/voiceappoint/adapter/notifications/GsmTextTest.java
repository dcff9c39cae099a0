package com.voiceappoint.adapter.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GsmTextTest {
    @Test
    void spanish_letters_outside_gsm_7_are_folded_and_those_inside_are_kept() {
        assertThat(GsmText.fold("Peluquería Óscar: sábado, acción, Barça"))
                .isEqualTo("Peluqueria Oscar: sabado, accion, Barca");
        assertThat(GsmText.fold("miércoles, Ñandú, pingüino, É")).isEqualTo("miércoles, Ñandu, pingüino, É");
        assertThat(GsmText.fold("“Corte” – ‘rápido’…")).isEqualTo("\"Corte\" - 'rapido'...");
    }

    @Test
    void a_character_with_no_plain_form_is_kept_and_the_message_goes_as_ucs_2() {
        String text = GsmText.fold("Cita con 王 ✂️");

        assertThat(text).isEqualTo("Cita con 王 ✂️");
        assertThat(GsmText.isGsm(text)).isFalse();
        assertThat(GsmText.segments("x".repeat(69) + "王")).isEqualTo(1);
        assertThat(GsmText.segments("x".repeat(70) + "王")).isEqualTo(2);
    }

    @Test
    void a_segment_holds_160_septets_and_a_longer_message_153_a_part() {
        assertThat(GsmText.segments("a".repeat(160))).isEqualTo(1);
        assertThat(GsmText.segments("a".repeat(161))).isEqualTo(2);
        assertThat(GsmText.segments("a".repeat(306))).isEqualTo(2);
        assertThat(GsmText.segments("a".repeat(307))).isEqualTo(3);
    }

    @Test
    void the_extension_table_costs_two_septets() {
        assertThat(GsmText.septets("10 €")).isEqualTo(5);
        assertThat(GsmText.segments("a".repeat(159) + "€")).isEqualTo(2);
    }
}
