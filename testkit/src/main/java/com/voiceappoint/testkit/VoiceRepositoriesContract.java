package com.voiceappoint.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.application.error.DuplicateKeyException;
import com.voiceappoint.application.port.out.CallLogRepository;
import com.voiceappoint.application.port.out.VoiceSettingsRepository;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.voice.CallMessage;
import com.voiceappoint.domain.voice.FaqEntry;
import com.voiceappoint.domain.voice.VoiceCall;
import com.voiceappoint.domain.voice.VoiceSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every implementation of the voice ports must do: a number routes to one business at most. */
public abstract class VoiceRepositoriesContract<V extends VoiceSettingsRepository, L extends CallLogRepository> {
    protected V voiceSettings;
    protected L callLog;
    protected TestData data;
    private BusinessId salon;
    private BusinessId clinic;

    /**
     * The stores under test, made anew before each test, and the {@link TestData} that writes what they refer to
     * into the same database.
     */
    protected abstract V createVoiceSettingsRepository();

    protected abstract L createCallLogRepository();

    protected abstract TestData testData();

    @BeforeEach
    void setUpPorts() {
        voiceSettings = createVoiceSettingsRepository();
        callLog = createCallLogRepository();
        data = testData();
        salon = data.tenant().id();
        clinic = data.tenant().id();
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

        assertThat(voiceSettings.find(salon)).isEmpty();
        voiceSettings.save(settings);

        assertThat(voiceSettings.find(salon)).contains(settings);
        assertThat(voiceSettings.findByNumber(VoiceSettings.DEFAULT_PLATFORM, second))
                .contains(salon);
        assertThat(voiceSettings.findByLineId(VoiceSettings.DEFAULT_PLATFORM, "line-" + first))
                .contains(salon);
        assertThat(voiceSettings.findByNumber(VoiceSettings.DEFAULT_PLATFORM, TestData.randomPhone()))
                .isEmpty();
    }

    @Test
    void what_callers_are_told_round_trips_with_the_questions_in_order() {
        VoiceSettings settings = new VoiceSettings(
                salon,
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(new PhoneNumber("+34911222333")),
                "Peluquería de barrio desde 1990.",
                List.of(
                        new FaqEntry("¿Tenéis parking?", "Sí, en la calle de atrás, gratis."),
                        new FaqEntry("¿Aceptáis tarjeta?", "Sí, todas.")),
                VoiceSettings.DEFAULT_PLATFORM);

        voiceSettings.save(settings);

        assertThat(voiceSettings.find(salon)).contains(settings);
        voiceSettings.save(VoiceSettings.none(salon));
        assertThat(voiceSettings.find(salon)).contains(VoiceSettings.none(salon));
    }

    @Test
    void a_number_answered_by_one_business_cannot_be_another_s_until_released() {
        PhoneNumber shared = TestData.randomPhone();
        voiceSettings.save(lines(salon, List.of(shared), List.of()));

        assertThatThrownBy(() -> voiceSettings.save(lines(clinic, List.of(shared), List.of())))
                .isInstanceOfSatisfying(
                        DuplicateKeyException.class,
                        e -> assertThat(e.key()).isEqualTo(DuplicateKeyException.Key.VOICE_LINE));
        assertThat(voiceSettings.find(clinic)).isEmpty();

        voiceSettings.save(VoiceSettings.none(salon));
        voiceSettings.save(lines(clinic, List.of(shared), List.of()));
        assertThat(voiceSettings.findByNumber(VoiceSettings.DEFAULT_PLATFORM, shared))
                .contains(clinic);
        assertThat(voiceSettings.find(salon)).contains(VoiceSettings.none(salon));
    }

    @Test
    void a_line_is_found_on_its_own_platform_only_and_is_another_line_on_another_platform() {
        PhoneNumber number = TestData.randomPhone();
        String lineId = "line-" + number;
        VoiceSettings onRetell = new VoiceSettings(
                salon,
                List.of(number),
                List.of(lineId),
                Optional.of("retell-agent"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "",
                List.of(),
                "retell");

        voiceSettings.save(onRetell);
        voiceSettings.save(lines(clinic, List.of(number), List.of(lineId)));

        assertThat(voiceSettings.find(salon)).contains(onRetell);
        assertThat(voiceSettings.findByNumber("retell", number)).contains(salon);
        assertThat(voiceSettings.findByLineId("retell", lineId)).contains(salon);
        assertThat(voiceSettings.findByNumber(VoiceSettings.DEFAULT_PLATFORM, number))
                .contains(clinic);
        assertThat(voiceSettings.findByLineId(VoiceSettings.DEFAULT_PLATFORM, lineId))
                .contains(clinic);
    }

    private static VoiceCall call(BusinessId business, String id, Instant firstSeen, List<CallMessage> messages) {
        VoiceCall heard = VoiceCall.heardOf(business, id, firstSeen);
        return new VoiceCall(
                business,
                id,
                Optional.of("inboundPhoneCall"),
                Optional.of("ended"),
                Optional.of("+34600111222"),
                Optional.of("+34910000001"),
                Optional.of(firstSeen),
                Optional.of(firstSeen.plusSeconds(95)),
                Optional.of(new BigDecimal("0.1234")),
                Optional.of("customer-ended-call"),
                Optional.of("Booked a cut"),
                Optional.of("https://example.com/r.wav"),
                Optional.of("AI: Hola. User: Quiero un corte."),
                messages,
                heard.firstSeenAt());
    }

    @Test
    void a_call_round_trips_with_its_messages_and_is_found_only_within_its_business() {
        Instant at = Instant.parse("2026-11-23T08:00:00Z");
        VoiceCall call = call(
                salon,
                "call-1",
                at,
                List.of(
                        new CallMessage("assistant", "Hola", Optional.of(at)),
                        new CallMessage("user", "Quiero un corte", Optional.empty())));

        callLog.merge(call);

        assertThat(callLog.find(salon, "call-1")).contains(call);
        assertThat(callLog.find(List.of(clinic, salon), "call-1")).contains(call);
        assertThat(callLog.find(List.of(clinic), "call-1")).isEmpty();
        assertThat(callLog.find(clinic, "call-1")).isEmpty();

        VoiceCall shorter = call(salon, "call-1", at, List.of(new CallMessage("user", "Adiós", Optional.empty())));
        callLog.merge(shorter);
        assertThat(callLog.find(salon, "call-1").orElseThrow().messages()).hasSize(1);
    }

    @Test
    void a_report_merged_into_a_call_keeps_what_it_does_not_say_and_an_ended_call_stays_ended() {
        Instant at = Instant.parse("2026-11-23T08:00:00Z");
        callLog.merge(call(salon, "call-m", at, List.of(new CallMessage("user", "Hola", Optional.empty()))));

        VoiceCall lateInProgress = VoiceCall.started(
                salon,
                "call-m",
                Optional.empty(),
                Optional.of("in-progress"),
                Optional.empty(),
                Optional.empty(),
                at.plusSeconds(600));
        callLog.merge(lateInProgress);
        callLog.merge(VoiceCall.heardOf(salon, "call-m", at.plusSeconds(900)));

        VoiceCall kept = callLog.find(salon, "call-m").orElseThrow();
        assertThat(kept)
                .isEqualTo(call(salon, "call-m", at, List.of(new CallMessage("user", "Hola", Optional.empty()))));
    }

    @Test
    void the_log_pages_newest_first_without_messages() {
        Instant at = Instant.parse("2026-11-23T08:00:00Z");
        for (int i = 0; i < 5; i++) {
            // two calls first heard of at the same instant: the id orders them
            Instant seen = at.plusSeconds(60L * (i / 2));
            callLog.merge(call(salon, "call-" + i, seen, List.of(new CallMessage("user", "hi", Optional.empty()))));
        }
        callLog.merge(call(clinic, "call-x", at.plusSeconds(999), List.of()));

        List<String> seen = new ArrayList<>();
        Optional<CallLogRepository.CallCursor> after = Optional.empty();
        do {
            List<VoiceCall> page = callLog.list(salon, after, 2);
            page.forEach(c -> {
                seen.add(c.callId());
                assertThat(c.messages()).isEmpty();
            });
            VoiceCall last = page.isEmpty() ? null : page.get(page.size() - 1);
            after = page.size() < 2
                    ? Optional.empty()
                    : Optional.of(new CallLogRepository.CallCursor(last.firstSeenAt(), last.callId()));
        } while (after.isPresent());

        assertThat(seen).containsExactly("call-4", "call-3", "call-2", "call-1", "call-0");
    }

    @Test
    void appointments_are_linked_to_their_call_once() {
        var tenant = data.tenant();
        var cut = data.service(tenant.id(), "Cut", 30);
        var client = data.client(tenant.id());
        var appointment =
                TestData.appointment(cut, tenant.provider().id(), client.id(), Instant.parse("2026-12-01T09:00:00Z"));
        data.appointments().add(appointment, Optional.empty());
        callLog.merge(VoiceCall.heardOf(tenant.id(), "call-7", Instant.parse("2026-11-23T08:00:00Z")));

        callLog.link(tenant.id(), "call-7", appointment.id(), Instant.parse("2026-11-23T08:01:00Z"));
        callLog.link(tenant.id(), "call-7", appointment.id(), Instant.parse("2026-11-23T08:02:00Z"));

        assertThat(callLog.appointmentsOf(tenant.id(), "call-7")).containsExactly(appointment.id());
        assertThat(callLog.appointmentsOf(salon, "call-7")).isEmpty();
        assertThat(callLog.find(tenant.id(), "call-7").orElseThrow().firstSeenAt())
                .isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
    }

    @Test
    void a_call_that_books_before_any_report_is_recorded_as_heard_of_then() {
        var tenant = data.tenant();
        var cut = data.service(tenant.id(), "Cut", 30);
        var client = data.client(tenant.id());
        var appointment =
                TestData.appointment(cut, tenant.provider().id(), client.id(), Instant.parse("2026-12-01T10:00:00Z"));
        data.appointments().add(appointment, Optional.empty());

        callLog.link(tenant.id(), "call-8", appointment.id(), Instant.parse("2026-11-23T08:05:00Z"));

        assertThat(callLog.appointmentsOf(tenant.id(), "call-8")).containsExactly(appointment.id());
        assertThat(callLog.find(tenant.id(), "call-8").orElseThrow())
                .isEqualTo(VoiceCall.heardOf(tenant.id(), "call-8", Instant.parse("2026-11-23T08:05:00Z")));
    }

    @Test
    void a_call_put_through_stays_with_its_first_business_and_is_logged() {
        Instant at = Instant.parse("2026-11-23T08:00:00Z");
        VoiceCall answered = VoiceCall.started(
                salon,
                "call-routed",
                Optional.of("inboundPhoneCall"),
                Optional.of("ringing"),
                Optional.of("+34600111222"),
                Optional.of("+34910000001"),
                at);

        assertThat(callLog.putThroughTo("call-routed")).isEmpty();
        callLog.putThrough(answered);
        callLog.putThrough(VoiceCall.heardOf(clinic, "call-routed", at.plusSeconds(5)));

        assertThat(callLog.putThroughTo("call-routed")).contains(salon);
        assertThat(callLog.find(salon, "call-routed")).contains(answered);
        assertThat(callLog.putThroughTo("call-other")).isEmpty();
        // a report about the call is no routing: only putting it through is
        callLog.merge(VoiceCall.heardOf(clinic, "call-reported", at));
        assertThat(callLog.putThroughTo("call-reported")).isEmpty();
    }
}
