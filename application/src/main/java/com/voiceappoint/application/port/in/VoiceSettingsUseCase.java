package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.voice.FaqEntry;
import com.voiceappoint.domain.voice.VoiceSettings;
import java.util.List;
import java.util.Optional;

/** A business's phone set-up, as its owners and admins manage it. Numbers arrive in E.164. */
public interface VoiceSettingsUseCase {

    VoiceConfiguration get(Actor actor, BusinessId businessId);

    /**
     * Only what is present changes; an empty inner value clears the assistant, greeting, language or transfer number.
     * Questions are replaced as a whole, in the order given.
     */
    VoiceConfiguration update(Actor actor, BusinessId businessId, Changes changes);

    /** @param transferNumber in E.164: where a caller asking for a person is put through */
    record Changes(
            Optional<Boolean> enabled,
            Optional<List<String>> numbers,
            Optional<List<String>> lineIds,
            Optional<Optional<String>> assistantId,
            Optional<Optional<String>> greeting,
            Optional<Optional<String>> language,
            Optional<Optional<String>> transferNumber,
            Optional<String> description,
            Optional<List<FaqEntry>> faq) {

        /** Changes to the phone set-up only. */
        public Changes(
                Optional<Boolean> enabled,
                Optional<List<String>> numbers,
                Optional<List<String>> lineIds,
                Optional<Optional<String>> assistantId,
                Optional<Optional<String>> greeting,
                Optional<Optional<String>> language) {
            this(
                    enabled,
                    numbers,
                    lineIds,
                    assistantId,
                    greeting,
                    language,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty());
        }
    }

    /** Whether callers may book by voice is the business's own flag; the rest is its phone set-up. */
    record VoiceConfiguration(Business business, VoiceSettings settings) {
        public boolean enabled() {
            return business.allowVoiceBooking();
        }
    }
}
