package com.voiceappoint.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.adapter.inmemory.InMemoryAdapters;
import com.voiceappoint.application.port.in.CallFacts;
import com.voiceappoint.application.port.in.RouteCallQuery;
import com.voiceappoint.application.port.in.RouteCallQuery.Channel;
import com.voiceappoint.application.port.in.RouteCallQuery.Decision;
import com.voiceappoint.application.port.in.RouteCallQuery.Refusal;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.out.AllowanceStore;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.testkit.VoiceTenant;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which business a call is for and what its caller's number is worth, from the facts any platform gives. */
class CallRoutingTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
    private static final String LOLA_NUMBER = "+34910000001";
    private static final String CARMEN = "+34600111222";

    private final UseCases app = Interactors.create(InMemoryAdapters.create(), CLOCK);
    private final VoiceTenant lola = VoiceTenant.open(
            app, "lola@example.com", "Peluquería Lola", "Europe/Madrid", "EUR", "es", LOLA_NUMBER, "Corte de pelo");
    private final VoiceTenant bob = VoiceTenant.open(
            app, "bob@example.com", "Bob's Barbers", "Europe/London", "GBP", "en", "+442071234567", "Haircut");
    private final RouteCallQuery routing = VoiceInteractors.create(app, AllowanceStore.UNLIMITED, Language.ES, CLOCK)
            .routing();

    private static CallFacts call(
            CallFacts.Kind kind, Optional<String> dialled, String caller, Map<String, String> vars) {
        return new CallFacts(
                "vapi",
                Optional.of("call-1"),
                kind,
                Optional.empty(),
                Optional.of(caller),
                dialled,
                Optional.empty(),
                vars);
    }

    private Decision decide(CallFacts call, String... claims) {
        return routing.decide(call, List.of(claims));
    }

    @Test
    void the_phone_network_vouches_for_the_caller_s_number_and_sip_only_claims_it() {
        Decision pstn = decide(call(CallFacts.Kind.INBOUND_PSTN, Optional.of(LOLA_NUMBER), CARMEN, Map.of()));
        Decision sip = decide(call(CallFacts.Kind.INBOUND_SIP, Optional.of(LOLA_NUMBER), CARMEN, Map.of()));

        assertThat(pstn.routed()).isTrue();
        assertThat(pstn.voice().orElseThrow().business().id()).isEqualTo(lola.id());
        assertThat(pstn.provenNumber()).contains(new PhoneNumber(CARMEN));
        assertThat(sip.routed()).isTrue();
        assertThat(sip.provenNumber()).isEmpty();
        assertThat(sip.claimedNumber()).contains(new PhoneNumber(CARMEN));
    }

    @Test
    void a_withheld_number_is_no_number_at_all() {
        Decision withheld = decide(call(CallFacts.Kind.INBOUND_PSTN, Optional.of(LOLA_NUMBER), "+266696687", Map.of()));

        assertThat(withheld.routed()).isTrue();
        assertThat(withheld.provenNumber()).isEmpty();
        assertThat(withheld.claimedNumber()).isEmpty();
    }

    @Test
    void another_business_named_by_a_variable_or_a_claim_is_refused_but_said_in_the_line_s_business() {
        Decision byVariable = decide(call(
                CallFacts.Kind.INBOUND_SIP, Optional.of(LOLA_NUMBER), CARMEN, Map.of("business_slug", bob.slug())));
        Decision byClaim =
                decide(call(CallFacts.Kind.INBOUND_PSTN, Optional.of(LOLA_NUMBER), CARMEN, Map.of()), bob.slug());
        Decision ownName = decide(
                call(
                        CallFacts.Kind.INBOUND_PSTN,
                        Optional.of(LOLA_NUMBER),
                        CARMEN,
                        Map.of("business_slug", "{{slug}}")),
                lola.slug().toUpperCase());

        assertThat(byVariable.refusal()).contains(Refusal.ANOTHER_BUSINESS);
        assertThat(byVariable.voice().orElseThrow().business().id()).isEqualTo(lola.id());
        assertThat(byClaim.refusal()).contains(Refusal.ANOTHER_BUSINESS);
        assertThat(ownName.routed()).isTrue();
    }

    @Test
    void variables_alone_route_no_phone_call_but_a_web_call_goes_where_its_page_would() {
        Decision phone = decide(call(
                CallFacts.Kind.INBOUND_SIP, Optional.of("+34910999999"), CARMEN, Map.of("business_slug", lola.slug())));
        Decision web = decide(call(CallFacts.Kind.WEB, Optional.empty(), CARMEN, Map.of("business_slug", bob.slug())));

        assertThat(phone.refusal()).contains(Refusal.UNKNOWN);
        assertThat(web.routed()).isTrue();
        assertThat(web.channel()).isEqualTo(Channel.WEB);
        assertThat(web.voice().orElseThrow().business().id()).isEqualTo(bob.id());
        assertThat(web.provenNumber()).isEmpty();
    }

    @Test
    void a_line_is_another_platform_s_line_on_another_platform() {
        CallFacts onRetell = new CallFacts(
                "retell",
                Optional.of("call-1"),
                CallFacts.Kind.INBOUND_PSTN,
                Optional.empty(),
                Optional.of(CARMEN),
                Optional.of(LOLA_NUMBER),
                Optional.of("line-" + LOLA_NUMBER),
                Map.of());

        assertThat(routing.decide(onRetell, List.of()).refusal()).contains(Refusal.UNKNOWN);
    }
}
