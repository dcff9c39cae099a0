package com.voiceappoint.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.adapter.http.problem.Messages;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.Language;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessagesTest {
    @Test
    void every_key_exists_in_every_language() {
        Set<String> english = new TreeSet<>(Messages.bundle(Language.EN).keySet());
        Set<String> spanish = new TreeSet<>(Messages.bundle(Language.ES).keySet());

        assertThat(spanish).isEqualTo(english);
    }

    @Test
    void every_error_code_the_api_can_send_has_a_title_in_every_language() {
        Set<String> sent = new TreeSet<>(List.of(
                "VALIDATION_FAILED",
                "MALFORMED_REQUEST",
                "AUTHENTICATION_REQUIRED",
                "INVALID_CREDENTIALS",
                "INVALID_TOKEN",
                "TEMPORARILY_UNAVAILABLE",
                "OUTCOME_UNKNOWN"));
        EnumSet.complementOf(EnumSet.of(ErrorCode.INVALID_VALUE)).forEach(code -> sent.add(code.name()));
        for (Language language : Language.values()) {
            for (String code : sent) {
                assertThat(Messages.find(language, "problem." + code + ".title"))
                        .as("%s title in %s", code, language)
                        .isPresent();
            }
        }
    }

    @Test
    void apostrophes_survive_message_formatting() {
        assertThat(Messages.get(Language.EN, "problem.INVALID_STATE_TRANSITION.detail"))
                .contains("appointment's");
    }
}
