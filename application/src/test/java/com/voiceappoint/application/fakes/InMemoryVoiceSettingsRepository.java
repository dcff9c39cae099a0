package com.voiceappoint.application.fakes;

import com.voiceappoint.application.error.DuplicateKeyException;
import com.voiceappoint.application.port.out.VoiceSettingsRepository;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.voice.VoiceSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Like the database: a number or line belongs to one business at most. */
public final class InMemoryVoiceSettingsRepository implements VoiceSettingsRepository {
    private final Map<BusinessId, VoiceSettings> settings = new HashMap<>();

    @Override
    public synchronized Optional<VoiceSettings> find(BusinessId businessId) {
        return Optional.ofNullable(settings.get(businessId));
    }

    @Override
    public synchronized void save(VoiceSettings next) {
        for (VoiceSettings other : settings.values()) {
            if (!other.businessId().equals(next.businessId())
                    && other.platform().equals(next.platform())
                    && (other.numbers().stream().anyMatch(next.numbers()::contains)
                            || other.lineIds().stream().anyMatch(next.lineIds()::contains))) {
                throw new DuplicateKeyException(DuplicateKeyException.Key.VOICE_LINE, null);
            }
        }
        settings.put(next.businessId(), next);
    }

    @Override
    public synchronized Optional<BusinessId> findByNumber(String platform, PhoneNumber number) {
        return settings.values().stream()
                .filter(s -> s.platform().equals(platform) && s.numbers().contains(number))
                .map(VoiceSettings::businessId)
                .findFirst();
    }

    @Override
    public synchronized Optional<BusinessId> findByLineId(String platform, String lineId) {
        return settings.values().stream()
                .filter(s -> s.platform().equals(platform) && s.lineIds().contains(lineId))
                .map(VoiceSettings::businessId)
                .findFirst();
    }
}
