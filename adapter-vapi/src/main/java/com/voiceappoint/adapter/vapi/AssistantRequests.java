package com.voiceappoint.adapter.vapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase.VoiceConfiguration;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.voice.VoiceCall;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers Vapi's "which assistant takes this call?" for a number with none attached: the shared assistant (or the
 * business's own), with what the assistant needs to talk sensibly: the business, today's date and time where it is,
 * what it offers, when it opens. The business is the one whose line was dialled, and only that: the call's variables
 * may come from a SIP caller's headers. The call is then recorded as put through to it, which routes the call's
 * later messages ({@link CallRouting}). Only the local database is used: Vapi gives up after 7.5 seconds, and the
 * caller waits in silence.
 */
final class AssistantRequests {
    private static final Logger LOG = LoggerFactory.getLogger(AssistantRequests.class);
    private static final Actor VOICE = new Actor.Caller(BookingSource.VOICE);

    private final UseCases app;
    private final CallRouting routing;
    private final VapiSettings settings;
    private final Clock clock;
    private final ObjectMapper json;

    AssistantRequests(UseCases app, CallRouting routing, VapiSettings settings, Clock clock, ObjectMapper json) {
        this.app = app;
        this.routing = routing;
        this.settings = settings;
        this.clock = clock;
        this.json = json;
    }

    ObjectNode answer(CallContext call) {
        Optional<VoiceConfiguration> routed = routing.line(call);
        if (routed.isEmpty()) {
            return error(new Speech(settings.defaultLanguage(), clock.getZone()));
        }
        VoiceConfiguration voice = routed.get();
        Business business = voice.business();
        Speech speech = VapiWebhook.speechFor(voice);
        Optional<String> assistant = voice.settings().assistantId().or(settings::assistantId);
        if (!voice.enabled() || assistant.isEmpty()) {
            return error(speech);
        }
        ObjectNode answer = json.createObjectNode().put("assistantId", assistant.get());
        CallVariables.fill(
                answer.putObject("assistantOverrides"),
                business,
                speech,
                clock,
                app.listServices().list(VOICE, business.id(), false),
                app.businessHours().get(VOICE, business.id()).weekly(),
                voice.settings().greeting());
        call.callId().ifPresent(id -> putThrough(business, id, call));
        return answer;
    }

    /** Without the record the call is still routed by its line: the caller is answered either way. */
    private void putThrough(Business business, String callId, CallContext call) {
        try {
            app.callLog()
                    .putThrough(VoiceCall.started(
                            business.id(),
                            callId,
                            call.callType(),
                            Optional.empty(),
                            call.callerNumber(),
                            call.dialledNumber(),
                            clock.instant()));
        } catch (RuntimeException e) {
            LOG.warn("call {} answered for {} but not recorded as put through", callId, business.slug(), e);
        }
    }

    private ObjectNode error(Speech speech) {
        return json.createObjectNode().put("error", speech.say("business.unavailable"));
    }
}
