package com.voiceappoint.application.usecase;

import com.voiceappoint.application.port.in.RouteCallQuery;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase.VoiceConfiguration;
import com.voiceappoint.application.voice.Speech;

/** The words a call hears that depend on where it was routed. */
final class VoiceWords {
    private VoiceWords() {}

    /** The business's language (its phone's, if it chose one for calls) and zone. */
    static Speech speech(VoiceConfiguration voice) {
        return new Speech(
                voice.settings().language().orElse(voice.business().language()),
                voice.business().zone());
    }

    /** Why a call gets nothing, said in the language of the business it reached, if it reached one. */
    static String refusal(RouteCallQuery.Decision decision, Speech speech) {
        return decision.refusal()
                        .filter(RouteCallQuery.Refusal.ANOTHER_BUSINESS::equals)
                        .isPresent()
                ? speech.say(
                        "business.other",
                        decision.voice().orElseThrow().business().name())
                : speech.say("business.unavailable");
    }
}
