package com.voiceappoint.application.usecase;

import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.BusinessHoursUseCase;
import com.voiceappoint.application.port.in.BusinessKnowledgeQuery;
import com.voiceappoint.application.port.in.CallFacts;
import com.voiceappoint.application.port.in.CallLogUseCase;
import com.voiceappoint.application.port.in.ListServicesQuery;
import com.voiceappoint.application.port.in.RouteCallQuery;
import com.voiceappoint.application.port.in.StartCallUseCase;
import com.voiceappoint.application.port.in.TransferCallQuery;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase.VoiceConfiguration;
import com.voiceappoint.application.voice.CallVariables;
import com.voiceappoint.application.voice.Speech;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.voice.KnowledgeSearch;
import com.voiceappoint.domain.voice.VoiceCall;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What a voice platform asks about a call besides tool calls: which assistant takes it ({@link StartCallUseCase}),
 * where to put a caller asking for a person ({@link TransferCallQuery}), and what the business says about itself
 * ({@link BusinessKnowledgeQuery}).
 */
public final class CallRequestsInteractor implements StartCallUseCase, TransferCallQuery, BusinessKnowledgeQuery {
    private static final System.Logger LOG = System.getLogger(CallRequestsInteractor.class.getName());
    private static final Actor VOICE = new Actor.Caller(BookingSource.VOICE);

    private final RouteCallQuery routing;
    private final ListServicesQuery services;
    private final BusinessHoursUseCase hours;
    private final CallLogUseCase callLog;
    private final Language defaultLanguage;
    private final Clock clock;

    CallRequestsInteractor(
            RouteCallQuery routing,
            ListServicesQuery services,
            BusinessHoursUseCase hours,
            CallLogUseCase callLog,
            Language defaultLanguage,
            Clock clock) {
        this.routing = routing;
        this.services = services;
        this.hours = hours;
        this.callLog = callLog;
        this.defaultLanguage = defaultLanguage;
        this.clock = clock;
    }

    @Override
    public Start start(CallFacts call, Optional<String> sharedAssistant) {
        Optional<VoiceConfiguration> routed = routing.line(call);
        if (routed.isEmpty()) {
            return new Refused(new Speech(defaultLanguage, clock.getZone()).say("business.unavailable"));
        }
        VoiceConfiguration voice = routed.get();
        Business business = voice.business();
        Speech speech = VoiceWords.speech(voice);
        Optional<String> assistant = voice.settings().assistantId().or(() -> sharedAssistant);
        if (!voice.enabled() || assistant.isEmpty()) {
            return new Refused(speech.say("business.unavailable"));
        }
        Assistant answer = new Assistant(
                assistant.get(),
                voice.settings().greeting(),
                CallVariables.of(
                        business,
                        speech,
                        clock.instant(),
                        services.list(VOICE, business.id(), false),
                        hours.get(VOICE, business.id()).weekly()));
        call.callId().ifPresent(id -> putThrough(business, id, call));
        return answer;
    }

    /** Without the record the call is still routed by its line: the caller is answered either way. */
    private void putThrough(Business business, String callId, CallFacts call) {
        try {
            callLog.putThrough(VoiceCall.started(
                    business.id(),
                    callId,
                    call.type(),
                    Optional.empty(),
                    call.loggedCallerNumber(),
                    call.dialledNumber(),
                    clock.instant()));
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "call " + callId + " answered for " + business.slug() + " but not recorded as put through",
                    e);
        }
    }

    @Override
    public Transfer transfer(CallFacts call) {
        RouteCallQuery.Decision decision = routing.decide(call, List.of());
        Speech speech =
                decision.voice().map(VoiceWords::speech).orElseGet(() -> new Speech(defaultLanguage, clock.getZone()));
        if (!decision.routed()) {
            return new Transfer(Optional.empty(), VoiceWords.refusal(decision, speech));
        }
        VoiceConfiguration voice = decision.voice().orElseThrow();
        Optional<PhoneNumber> number = voice.settings().transferNumber();
        if (decision.channel() == RouteCallQuery.Channel.WEB || number.isEmpty()) {
            return new Transfer(
                    Optional.empty(),
                    speech.say("transfer.none", voice.business().name()));
        }
        return new Transfer(number, speech.say("transfer.to", voice.business().name()));
    }

    @Override
    public List<KnowledgeSearch.Found> search(CallFacts call, String asked, int most) {
        RouteCallQuery.Decision decision = routing.decide(call, List.of());
        if (!decision.routed()) {
            return List.of();
        }
        return KnowledgeSearch.search(decision.voice().orElseThrow().settings(), asked, most);
    }
}
