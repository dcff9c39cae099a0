package com.voiceappoint.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void well_formed_text_is_storable_whatever_its_script_or_emoji() {
        assertThat(StorableText.storable("Peluquería Lola 💇‍♀️ 北京 \t\n")).isTrue();
        assertThat(StorableText.storable("")).isTrue();
        assertThat(StorableText.scrubbed("Ana 😀")).isEqualTo("Ana 😀");
    }

    @Test
    void nul_and_either_half_of_a_broken_surrogate_pair_are_not() {
        assertThat(StorableText.storable("A\u0000na")).isFalse();
        assertThat(StorableText.storable("half \uD83D")).isFalse();
        assertThat(StorableText.storable("\uDE00 first")).isFalse();
        assertThat(StorableText.storable("swapped \uDE00\uD83D")).isFalse();
    }

    @Test
    void scrubbing_drops_nul_and_marks_broken_halves() {
        assertThat(StorableText.scrubbed("A\u0000na \uD83D! \uDE00 😀"))
                .isEqualTo("Ana \uFFFD! \uFFFD 😀")
                .satisfies(
                        scrubbed -> assertThat(StorableText.storable(scrubbed)).isTrue());
    }
}
