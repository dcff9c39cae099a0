package com.voiceappoint.domain.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyIntentTest {
    @ParameterizedTest
    @ValueSource(
            strings = {"C", "c", "SI", "Sí", "si.", " ¡SÍ! ", "yes", "YES!!", "Yes 👍", "confirmo", "\"c\"", "sí\u00a0"
            })
    void a_clear_yes_confirms(String text) {
        assertThat(ReplyIntent.of(text)).isEqualTo(ReplyIntent.CONFIRM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"X", "x", "NO", "No.", "cancelar", "CANCELAR!", "Cancel", "anular", "  x\n"})
    void a_clear_no_cancels(String text) {
        assertThat(ReplyIntent.of(text)).isEqualTo(ReplyIntent.CANCEL);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "cancelar por favor",
                "no sé",
                "si, pero llego tarde",
                "sí sí",
                "xx",
                "C.X",
                "s",
                "ok",
                "no puedo ir",
                "👍",
                "STOP"
            })
    void anything_else_is_for_a_person_to_read(String text) {
        assertThat(ReplyIntent.of(text)).isEqualTo(ReplyIntent.OTHER);
    }
}
