package com.voiceappoint.adapter.inmemory;

import com.voiceappoint.application.error.DuplicateKeyException;
import com.voiceappoint.application.port.out.VoiceSettingsRepository;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.voice.VoiceSettings;
import java.util.Optional;

/** Like the database: a number or line belongs to one business at most. */
final class InMemoryVoiceSettingsRepository implements VoiceSettingsRepository {
    private final Table<BusinessId, VoiceSettings> settings;

    InMemoryVoiceSettingsRepository(InMemoryTransactionRunner transactions) {
        settings = new Table<>(transactions);
    }

    @Override
    public Optional<VoiceSettings> find(BusinessId businessId) {
        return settings.find(businessId);
    }

    @Override
    public void save(VoiceSettings next) {
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
    public Optional<BusinessId> findByNumber(String platform, PhoneNumber number) {
        return settings.stream()
                .filter(s -> s.platform().equals(platform) && s.numbers().contains(number))
                .map(VoiceSettings::businessId)
                .findFirst();
    }

    @Override
    public Optional<BusinessId> findByLineId(String platform, String lineId) {
        return settings.stream()
                .filter(s -> s.platform().equals(platform) && s.lineIds().contains(lineId))
                .map(VoiceSettings::businessId)
                .findFirst();
    }
}
