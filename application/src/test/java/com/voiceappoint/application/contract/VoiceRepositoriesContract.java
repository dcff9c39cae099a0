package com.voiceappoint.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.application.error.DuplicateKeyException;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.voice.VoiceSettings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every implementation of the voice ports must do: a number routes to one business at most. */
public abstract class VoiceRepositoriesContract {
    protected OutboundPorts ports;
    private BusinessId salon;
    private BusinessId clinic;

    protected abstract OutboundPorts newPorts();

    @BeforeEach
    void setUpPorts() {
        ports = newPorts();
        salon = TestData.tenant(ports).id();
        clinic = TestData.tenant(ports).id();
    }

    private static VoiceSettings lines(BusinessId business, List<PhoneNumber> numbers, List<String> lineIds) {
        return new VoiceSettings(
                business,
                numbers,
                lineIds,
                Optional.of("assistant-1"),
                Optional.of("Hola, peluquería"),
                Optional.of(Language.EN));
    }

    @Test
    void settings_round_trip_keeping_the_order_of_numbers() {
        PhoneNumber first = TestData.randomPhone();
        PhoneNumber second = TestData.randomPhone();
        VoiceSettings settings = lines(salon, List.of(first, second), List.of("line-" + first));

        assertThat(ports.voiceSettings().find(salon)).isEmpty();
        ports.voiceSettings().save(settings);

        assertThat(ports.voiceSettings().find(salon)).contains(settings);
        assertThat(ports.voiceSettings().findByNumber(second)).contains(salon);
        assertThat(ports.voiceSettings().findByLineId("line-" + first)).contains(salon);
        assertThat(ports.voiceSettings().findByNumber(TestData.randomPhone())).isEmpty();
    }

    @Test
    void a_number_answered_by_one_business_cannot_be_another_s_until_released() {
        PhoneNumber shared = TestData.randomPhone();
        ports.voiceSettings().save(lines(salon, List.of(shared), List.of()));

        assertThatThrownBy(() -> ports.voiceSettings().save(lines(clinic, List.of(shared), List.of())))
                .isInstanceOfSatisfying(
                        DuplicateKeyException.class,
                        e -> assertThat(e.key()).isEqualTo(DuplicateKeyException.Key.VOICE_LINE));
        assertThat(ports.voiceSettings().find(clinic)).isEmpty();

        ports.voiceSettings().save(VoiceSettings.none(salon));
        ports.voiceSettings().save(lines(clinic, List.of(shared), List.of()));
        assertThat(ports.voiceSettings().findByNumber(shared)).contains(clinic);
        assertThat(ports.voiceSettings().find(salon)).contains(VoiceSettings.none(salon));
    }
}
