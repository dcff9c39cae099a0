package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.voice.VoiceSettings;
import java.util.List;
import java.util.Optional;

/** A business's phone set-up, as its owners and admins manage it. Numbers arrive in E.164. */
public interface VoiceSettingsUseCase {

    VoiceConfiguration get(Actor actor, BusinessId businessId);

    /** Only what is present changes; an empty inner value clears the assistant, greeting or language. */
    VoiceConfiguration update(Actor actor, BusinessId businessId, Changes changes);

    record Changes(
            Optional<Boolean> enabled,
            Optional<List<String>> numbers,
            Optional<List<String>> lineIds,
            Optional<Optional<String>> assistantId,
            Optional<Optional<String>> greeting,
            Optional<Optional<String>> language) {}

    /** Whether callers may book by voice is the business's own flag; the rest is its phone set-up. */
    record VoiceConfiguration(Business business, VoiceSettings settings) {
        public boolean enabled() {
            return business.allowVoiceBooking();
        }
    }
}
