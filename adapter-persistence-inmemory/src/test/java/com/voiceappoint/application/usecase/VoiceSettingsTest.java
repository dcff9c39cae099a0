package com.voiceappoint.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.application.fakes.FakeVoicePlatform;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.voice.FaqEntry;
import com.voiceappoint.domain.voice.VoiceSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A business answers only on lines the voice platform says are ours, and a number only with its line. */
class VoiceSettingsTest {
    private final Salon salon = new Salon();
    private final FakeVoicePlatform platform = (FakeVoicePlatform) salon.ports.voicePlatform();

    private VoiceSettingsUseCase.VoiceConfiguration set(
            Actor actor, Optional<List<String>> numbers, Optional<List<String>> lines) {
        return salon.app
                .voiceSettings()
                .update(
                        actor,
                        salon.business,
                        new VoiceSettingsUseCase.Changes(
                                Optional.empty(),
                                numbers,
                                lines,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()));
    }

    private static void refused(Runnable attempt, String field) {
        assertThatThrownBy(attempt::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.LINE_NOT_VERIFIED);
            assertThat(e.field()).isEqualTo(field);
        });
    }

    @Test
    void lines_bring_their_numbers_and_a_number_needs_its_line() {
        platform.hasLines(Map.of("line-1", "+34910000001", "line-2", "+34910000002"));

        var set = set(salon.owner, Optional.empty(), Optional.of(List.of("line-1")));
        assertThat(set.settings().numbers()).containsExactly(new PhoneNumber("+34910000001"));
        assertThat(set(salon.owner, Optional.of(List.of("+34910000002")), Optional.of(List.of("line-1", "line-2")))
                        .settings()
                        .numbers())
                .containsExactly(new PhoneNumber("+34910000002"));

        refused(() -> set(salon.owner, Optional.of(List.of("+34910000009")), Optional.empty()), "numbers");
        refused(() -> set(salon.owner, Optional.empty(), Optional.of(List.of("someone-elses-line"))), "lineIds");
        assertThat(salon.app.voiceRouting().byNumber(VoiceSettings.DEFAULT_PLATFORM, "+34910000009"))
                .isEmpty();
    }

    @Test
    void without_a_platform_to_ask_lines_and_numbers_are_taken_as_given() {
        var set = set(salon.owner, Optional.of(List.of("+34910000003")), Optional.of(List.of("any-line")));

        assertThat(set.settings().numbers()).containsExactly(new PhoneNumber("+34910000003"));
        assertThat(salon.app.voiceRouting().byLineId(VoiceSettings.DEFAULT_PLATFORM, "any-line"))
                .isPresent();
    }

    @Test
    void lines_set_up_here_are_the_default_platform_s_and_route_only_calls_on_it() {
        var set = set(salon.owner, Optional.of(List.of("+34910000005")), Optional.of(List.of("line-5")));

        assertThat(set.settings().platform()).isEqualTo(VoiceSettings.DEFAULT_PLATFORM);
        assertThat(salon.app.voiceRouting().byNumber(VoiceSettings.DEFAULT_PLATFORM, "+34910000005"))
                .isPresent();
        assertThat(salon.app.voiceRouting().byNumber("retell", "+34910000005")).isEmpty();
        assertThat(salon.app.voiceRouting().byLineId("retell", "line-5")).isEmpty();
    }

    @Test
    void a_deleted_business_frees_its_numbers() {
        set(salon.owner, Optional.of(List.of("+34910000004")), Optional.empty());

        salon.app.businesses().delete(salon.owner, salon.business);

        assertThat(salon.ports
                        .voiceSettings()
                        .findByNumber(VoiceSettings.DEFAULT_PLATFORM, new PhoneNumber("+34910000004")))
                .isEmpty();
    }

    @Test
    void the_owner_tells_callers_about_the_business_and_where_to_be_put_through() {
        var told = salon.app
                .voiceSettings()
                .update(
                        salon.owner,
                        salon.business,
                        new VoiceSettingsUseCase.Changes(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(Optional.of("¡Hola!")),
                                Optional.empty(),
                                Optional.of(Optional.of("+34911222333")),
                                Optional.of("  Desde 1990.  "),
                                Optional.of(List.of(new FaqEntry("¿Parking?", "Sí.")))));

        assertThat(told.settings().transferNumber()).contains(new PhoneNumber("+34911222333"));
        assertThat(told.settings().description()).isEqualTo("Desde 1990.");
        assertThat(told.settings().faq()).containsExactly(new FaqEntry("¿Parking?", "Sí."));
        var phoneOnly = set(salon.owner, Optional.of(List.of("+34910000005")), Optional.empty());
        assertThat(phoneOnly.settings().faq())
                .as("changes to the lines keep the rest")
                .hasSize(1);
        var cleared = salon.app
                .voiceSettings()
                .update(
                        salon.owner,
                        salon.business,
                        new VoiceSettingsUseCase.Changes(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(Optional.empty()),
                                Optional.empty(),
                                Optional.of(List.of())));
        assertThat(cleared.settings().transferNumber()).isEmpty();
        assertThat(cleared.settings().faq()).isEmpty();
        assertThat(cleared.settings().description()).isEqualTo("Desde 1990.");
    }
}
