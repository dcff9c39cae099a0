package com.voiceappoint.domain.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.shared.InvalidValueException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VoiceSettingsTest {
    private static final BusinessId SALON = new BusinessId(UUID.randomUUID());

    private static VoiceSettings on(String platform) {
        return new VoiceSettings(
                SALON,
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "",
                List.of(),
                platform);
    }

    @Test
    void lines_are_vapi_s_unless_another_platform_is_named() {
        assertThat(VoiceSettings.none(SALON).platform()).isEqualTo("vapi");
        assertThat(on("retell").platform()).isEqualTo("retell");
    }

    @Test
    void a_platform_is_named_in_a_few_lower_case_letters() {
        for (String name : List.of("", "Vapi", "a platform", "x".repeat(31), "9lives")) {
            assertThatThrownBy(() -> on(name))
                    .as(name)
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("platform"));
        }
    }
}
