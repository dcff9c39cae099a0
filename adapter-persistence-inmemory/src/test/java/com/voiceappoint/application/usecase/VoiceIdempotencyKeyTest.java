package com.voiceappoint.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class VoiceIdempotencyKeyTest {

    @Test
    void the_idempotency_key_is_the_call_s_and_the_tool_call_s_and_bounded() {
        Optional<String> key =
                VoiceToolsInteractor.idempotencyKey("vapi", Optional.of("c".repeat(100)), "t".repeat(5000));

        assertThat(key)
                .hasValueSatisfying(k -> assertThat(k).startsWith("vapi:").hasSize(5 + 64));
        assertThat(VoiceToolsInteractor.idempotencyKey("vapi", Optional.of("a"), "b"))
                .isNotEqualTo(VoiceToolsInteractor.idempotencyKey("vapi", Optional.of("b"), "b"))
                .isNotEqualTo(VoiceToolsInteractor.idempotencyKey("vapi", Optional.of("a\nb"), ""));
        assertThat(VoiceToolsInteractor.idempotencyKey("vapi", Optional.empty(), "call_1"))
                .isEmpty();
    }

    @Test
    void a_tool_call_without_an_id_has_no_key() {
        assertThat(VoiceToolsInteractor.idempotencyKey("vapi", Optional.of("call-1"), ""))
                .isEmpty();
    }
}
