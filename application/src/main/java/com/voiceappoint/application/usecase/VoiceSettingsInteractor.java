package com.voiceappoint.application.usecase;

import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.VoiceRoutingQuery;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.application.port.out.VoiceSettingsRepository;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.business.Slug;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.voice.VoiceSettings;
import java.util.List;
import java.util.Optional;

public final class VoiceSettingsInteractor implements VoiceSettingsUseCase, VoiceRoutingQuery {
    private final BusinessAccess access;
    private final TransactionRunner transactions;
    private final BusinessRepository businesses;
    private final VoiceSettingsRepository settings;

    VoiceSettingsInteractor(
            BusinessAccess access,
            TransactionRunner transactions,
            BusinessRepository businesses,
            VoiceSettingsRepository settings) {
        this.access = access;
        this.transactions = transactions;
        this.businesses = businesses;
        this.settings = settings;
    }

    @Override
    public VoiceConfiguration get(Actor actor, BusinessId businessId) {
        Business business =
                access.require(actor, businessId, Permission.VIEW_BUSINESS).business();
        return configurationOf(business);
    }

    @Override
    public VoiceConfiguration update(Actor actor, BusinessId businessId, Changes changes) {
        Business business =
                access.require(actor, businessId, Permission.MANAGE_SETTINGS).business();
        VoiceSettings current = settingsOf(businessId);
        VoiceSettings next = new VoiceSettings(
                businessId,
                changes.numbers().map(VoiceSettingsInteractor::numbers).orElse(current.numbers()),
                changes.lineIds().orElse(current.lineIds()),
                changes.assistantId().orElse(current.assistantId()),
                changes.greeting().orElse(current.greeting()),
                changes.language()
                        .map(l -> l.filter(code -> !code.isBlank()).map(code -> Language.parse(code, "language")))
                        .orElse(current.language()));
        Business updated = changes.enabled()
                .filter(enabled -> enabled != business.allowVoiceBooking())
                .map(enabled -> new Business(
                        business.id(),
                        business.slug(),
                        business.name(),
                        business.type(),
                        business.language(),
                        business.zone(),
                        business.currency(),
                        enabled,
                        business.policy(),
                        business.country()))
                .orElse(business);
        transactions.inTransaction(() -> {
            settings.save(next);
            if (updated != business) {
                businesses.update(updated);
            }
            return null;
        });
        return new VoiceConfiguration(updated, next);
    }

    @Override
    public Optional<VoiceConfiguration> bySlug(String slug) {
        try {
            return businesses.findBySlug(new Slug(slug)).map(this::configurationOf);
        } catch (InvalidValueException notASlug) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<VoiceConfiguration> byNumber(String number) {
        try {
            return settings.findByNumber(new PhoneNumber(number)).flatMap(this::configurationOf);
        } catch (InvalidValueException notANumber) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<VoiceConfiguration> byLineId(String lineId) {
        return settings.findByLineId(lineId.strip()).flatMap(this::configurationOf);
    }

    private Optional<VoiceConfiguration> configurationOf(BusinessId businessId) {
        return businesses.findById(businessId).map(this::configurationOf);
    }

    private VoiceConfiguration configurationOf(Business business) {
        return new VoiceConfiguration(business, settingsOf(business.id()));
    }

    private VoiceSettings settingsOf(BusinessId businessId) {
        return settings.find(businessId).orElseGet(() -> VoiceSettings.none(businessId));
    }

    private static List<PhoneNumber> numbers(List<String> numbers) {
        return numbers.stream().map(PhoneNumber::new).toList();
    }
}
