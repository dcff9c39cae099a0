package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.voice.VoiceSettings;
import java.util.Optional;

/**
 * Businesses' phone set-ups, and which business answers a line: a number or a line id on a voice platform belongs to
 * one business at most.
 */
public interface VoiceSettingsRepository {

    /** Empty when the business never set up its phone. */
    Optional<VoiceSettings> find(BusinessId businessId);

    /**
     * Replaces the business's settings and lines.
     *
     * @throws com.voiceappoint.application.error.DuplicateKeyException VOICE_LINE for a number or line taken
     */
    void save(VoiceSettings settings);

    /** @param platform the voice platform the number is dialled on */
    Optional<BusinessId> findByNumber(String platform, PhoneNumber number);

    /** @param platform the voice platform whose id of a line {@code lineId} is */
    Optional<BusinessId> findByLineId(String platform, String lineId);
}
