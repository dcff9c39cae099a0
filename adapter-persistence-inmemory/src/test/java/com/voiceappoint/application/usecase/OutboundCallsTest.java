package com.voiceappoint.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.application.error.ForbiddenException;
import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.application.fakes.FakeVoicePlatform;
import com.voiceappoint.application.fakes.PortSwap;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.Page;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase;
import com.voiceappoint.application.port.out.CallLogRepository;
import com.voiceappoint.domain.account.User;
import com.voiceappoint.domain.business.Membership;
import com.voiceappoint.domain.business.Role;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.testkit.TestData;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OutboundCallsTest {
    private final Salon salon = new Salon();
    private final FakeVoicePlatform gateway = (FakeVoicePlatform) salon.ports.voicePlatform();

    private void voice(boolean enabled) {
        salon.app
                .voiceSettings()
                .update(
                        salon.owner,
                        salon.business,
                        new VoiceSettingsUseCase.Changes(
                                Optional.of(enabled),
                                Optional.of(List.of("+34910000001")),
                                Optional.of(List.of("line-lola")),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(Optional.of("en"))));
    }

    @Test
    void the_assistant_calls_a_client_from_the_business_s_line_and_the_call_is_logged() {
        voice(true);

        var placed =
                salon.app.outboundCalls().place(salon.owner, salon.business, "+34600111222", Optional.of("Carmen"));

        assertThat(gateway.placed()).singleElement().satisfies(call -> {
            assertThat(call.business().id()).isEqualTo(salon.business);
            assertThat(call.line()).contains("line-lola");
            assertThat(call.language()).isEqualTo(Language.EN);
            assertThat(call.customerName()).contains("Carmen");
        });
        assertThat(salon.app
                        .callLog()
                        .calls(salon.owner, salon.business, Page.Request.first(10))
                        .items())
                .singleElement()
                .satisfies(call -> {
                    assertThat(call.callId()).isEqualTo(placed.callId());
                    assertThat(call.type()).contains("outboundPhoneCall");
                    assertThat(call.customerNumber()).contains("+34600111222");
                });
    }

    @Test
    void a_route_lost_on_its_first_write_is_written_again_so_the_call_reaches_its_business() {
        voice(true);
        AtomicInteger writes = new AtomicInteger();
        CallLogRepository calls = salon.ports.callLog();
        CallLogRepository losingTheFirst = (CallLogRepository) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {CallLogRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("putThrough") && writes.incrementAndGet() == 1) {
                        throw new StoreUnavailableException("database", new IOException("connection reset"));
                    }
                    try {
                        return method.invoke(calls, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        var app = Interactors.create(PortSwap.with(salon.ports, CallLogRepository.class, losingTheFirst), Salon.CLOCK);

        var placed = app.outboundCalls().place(salon.owner, salon.business, "+34600111222", Optional.empty());

        assertThat(salon.app.voiceRouting().byCall(placed.callId()))
                .hasValueSatisfying(voice -> assertThat(voice.business().id()).isEqualTo(salon.business));
    }

    @Test
    void no_call_when_voice_is_off_the_number_is_bad_or_the_member_only_looks() {
        voice(false);
        assertThatThrownBy(() ->
                        salon.app.outboundCalls().place(salon.owner, salon.business, "+34600111222", Optional.empty()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CALL_REJECTED));

        voice(true);
        assertThatThrownBy(() ->
                        salon.app.outboundCalls().place(salon.owner, salon.business, "600111222", Optional.empty()))
                .isInstanceOf(InvalidValueException.class);
        User viewer = TestData.user(salon.ports);
        salon.ports.memberships().add(new Membership(salon.business, viewer.id(), Role.VIEWER));
        assertThatThrownBy(() -> salon.app
                        .outboundCalls()
                        .place(Actor.member(viewer.id()), salon.business, "+34600111222", Optional.empty()))
                .isInstanceOf(ForbiddenException.class);
        assertThat(gateway.placed()).isEmpty();
    }
}
