package com.voiceappoint.adapter.vapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase.VoiceConfiguration;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.business.Business;
import java.time.Clock;
import java.util.Optional;

/**
 * Answers Vapi's "which assistant takes this call?" for a number with none attached: the shared assistant (or the
 * business's own), with the business in its variable values so every tool call of the call is routed to it, and
 * what the assistant needs to talk sensibly: today's date and time where the business is, what it offers, when it
 * opens. Only the local database is read: Vapi gives up after 7.5 seconds, and the caller waits in silence.
 */
final class AssistantRequests {
    private static final Actor VOICE = new Actor.Caller(BookingSource.VOICE);

    private final UseCases app;
    private final VapiSettings settings;
    private final Clock clock;
    private final ObjectMapper json;

    AssistantRequests(UseCases app, VapiSettings settings, Clock clock, ObjectMapper json) {
        this.app = app;
        this.settings = settings;
        this.clock = clock;
        this.json = json;
    }

    ObjectNode answer(CallContext call) {
        Optional<VoiceConfiguration> routed = call.dialledNumber()
                .flatMap(app.voiceRouting()::byNumber)
                .or(() -> call.lineId().flatMap(app.voiceRouting()::byLineId))
                .or(() -> call.variable("business_slug").flatMap(app.voiceRouting()::bySlug));
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
        return answer;
    }

    private ObjectNode error(Speech speech) {
        return json.createObjectNode().put("error", speech.say("business.unavailable"));
    }
}
