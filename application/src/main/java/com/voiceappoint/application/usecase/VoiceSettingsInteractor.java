package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.VoiceRoutingQuery;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.CallLogRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.application.port.out.VoicePlatformGateway;
import com.voiceappoint.application.port.out.VoiceSettingsRepository;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.business.Slug;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.voice.VoiceCall;
import com.voiceappoint.domain.voice.VoiceSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class VoiceSettingsInteractor implements VoiceSettingsUseCase, VoiceRoutingQuery {
    private final BusinessAccess access;
    private final TransactionRunner transactions;
    private final BusinessRepository businesses;
    private final VoiceSettingsRepository settings;
    private final VoicePlatformGateway platform;
    private final CallLogRepository calls;

    VoiceSettingsInteractor(
            BusinessAccess access,
            TransactionRunner transactions,
            BusinessRepository businesses,
            VoiceSettingsRepository settings,
            VoicePlatformGateway platform,
            CallLogRepository calls) {
        this.access = access;
        this.transactions = transactions;
        this.businesses = businesses;
        this.settings = settings;
        this.platform = platform;
        this.calls = calls;
    }

    @Override
    public VoiceConfiguration get(Actor actor, BusinessId businessId) {
        Business business =
                access.require(actor, businessId, Permission.VIEW_BUSINESS).business();
        return configurationOf(business);
    }

    /**
     * Applied to the settings as they are when stored, so two changes at once both survive. Lines and numbers are
     * checked with the voice platform before the transaction (no connection waits on the platform); if the lines a
     * change of numbers was checked against changed meanwhile, it is refused as changed meanwhile.
     */
    @Override
    public VoiceConfiguration update(Actor actor, BusinessId businessId, Changes changes) {
        access.require(actor, businessId, Permission.MANAGE_SETTINGS);
        boolean linesChange = changes.numbers().isPresent() || changes.lineIds().isPresent();
        List<String> checkedAgainst = linesChange
                ? changes.lineIds().orElseGet(() -> settingsOf(businessId).lineIds())
                : List.of();
        // new lines without numbers bring their own, when there is a platform to ask
        Optional<List<PhoneNumber>> checkedNumbers = changes.numbers().isPresent()
                        || changes.lineIds().isPresent() && platform.knowsLines()
                ? Optional.of(verified(
                        checkedAgainst,
                        changes.numbers().map(VoiceSettingsInteractor::numbers).orElse(List.of()),
                        changes.numbers().isEmpty()))
                : Optional.empty();
        return transactions.inTransaction(() -> {
            businesses.lockForChange(businessId);
            Business business = businesses.findById(businessId).orElseThrow(() -> new NotFoundException("business"));
            VoiceSettings current = settingsOf(businessId);
            List<String> lineIds = changes.lineIds().orElse(current.lineIds());
            if (linesChange && !lineIds.equals(checkedAgainst)) {
                throw new DomainException(
                        ErrorCode.CONCURRENT_UPDATE,
                        null,
                        "the lines were changed meanwhile; read the settings again and retry",
                        Map.of());
            }
            VoiceSettings next = new VoiceSettings(
                    businessId,
                    checkedNumbers.orElse(current.numbers()),
                    lineIds,
                    changes.assistantId().orElse(current.assistantId()),
                    changes.greeting().orElse(current.greeting()),
                    changes.language()
                            .map(l -> l.filter(code -> !code.isBlank()).map(code -> Language.parse(code, "language")))
                            .orElse(current.language()),
                    changes.transferNumber()
                            .map(n -> n.filter(number -> !number.isBlank()).map(PhoneNumber::new))
                            .orElse(current.transferNumber()),
                    changes.description().orElse(current.description()),
                    changes.faq().orElse(current.faq()),
                    current.platform());
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
                            business.country(),
                            business.suspended()))
                    .orElse(business);
            settings.save(next);
            if (updated != business) {
                businesses.update(updated);
            }
            return new VoiceConfiguration(updated, next);
        });
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
    public Optional<VoiceConfiguration> byNumber(String platform, String number) {
        try {
            return settings.findByNumber(platform, new PhoneNumber(number)).flatMap(this::configurationOf);
        } catch (InvalidValueException notANumber) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<VoiceConfiguration> byLineId(String platform, String lineId) {
        return settings.findByLineId(platform, lineId.strip()).flatMap(this::configurationOf);
    }

    @Override
    public Optional<VoiceConfiguration> byCall(String callId) {
        if (callId.isBlank() || callId.length() > VoiceCall.MAX_ID_LENGTH) {
            return Optional.empty();
        }
        return calls.putThroughTo(callId).flatMap(this::configurationOf);
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

    /**
     * A business answers only on lines the platform says are ours, and a number only with its line: otherwise the
     * first business to type in another's number would take its callers. Without a platform to ask (development)
     * lines and numbers are taken as given. Lines given without numbers bring their own.
     */
    private List<PhoneNumber> verified(List<String> lineIds, List<PhoneNumber> numbers, boolean numbersFromLines) {
        if (!platform.knowsLines()) {
            return numbers;
        }
        List<PhoneNumber> onLines = new ArrayList<>();
        for (String lineId : lineIds) {
            VoicePlatformGateway.LineCheck line = platform.checkLine(lineId);
            if (!line.ours()) {
                throw new DomainException(
                        ErrorCode.LINE_NOT_VERIFIED, "lineIds", "the voice platform has no line " + lineId, Map.of());
            }
            line.number().filter(n -> !n.isBlank()).map(PhoneNumber::new).ifPresent(onLines::add);
        }
        if (numbersFromLines) {
            return onLines;
        }
        for (PhoneNumber number : numbers) {
            if (!onLines.contains(number)) {
                throw new DomainException(
                        ErrorCode.LINE_NOT_VERIFIED,
                        "numbers",
                        number + " is not the number of a line given",
                        Map.of());
            }
        }
        return numbers;
    }

    private static List<PhoneNumber> numbers(List<String> numbers) {
        return numbers.stream().map(PhoneNumber::new).toList();
    }
}
