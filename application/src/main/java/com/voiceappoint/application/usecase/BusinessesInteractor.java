package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.BusinessSettingsUseCase;
import com.voiceappoint.application.port.in.GetProfileQuery;
import com.voiceappoint.application.port.in.ManageBusinessesUseCase;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.ServiceRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.application.port.out.UserRepository;
import com.voiceappoint.application.port.out.VoiceSettingsRepository;
import com.voiceappoint.domain.account.User;
import com.voiceappoint.domain.business.BookingPolicy;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.BusinessType;
import com.voiceappoint.domain.business.DashboardConfig;
import com.voiceappoint.domain.business.OnboardingStatus;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.shared.CountryCode;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.shared.Money;
import com.voiceappoint.domain.shared.Zones;
import com.voiceappoint.domain.voice.VoiceSettings;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A member's businesses, and each business's dashboard configuration and onboarding. */
public final class BusinessesInteractor implements ManageBusinessesUseCase, BusinessSettingsUseCase {
    private final BusinessAccess access;
    private final BusinessFounding founding;
    private final BusinessRepository businesses;
    private final UserRepository users;
    private final ServiceRepository services;
    private final GetProfileQuery profiles;
    private final Clock clock;

    private final VoiceSettingsRepository voiceSettings;
    private final TransactionRunner transactions;

    BusinessesInteractor(
            BusinessAccess access,
            BusinessFounding founding,
            BusinessRepository businesses,
            UserRepository users,
            ServiceRepository services,
            VoiceSettingsRepository voiceSettings,
            TransactionRunner transactions,
            GetProfileQuery profiles,
            Clock clock) {
        this.access = access;
        this.founding = founding;
        this.businesses = businesses;
        this.users = users;
        this.services = services;
        this.voiceSettings = voiceSettings;
        this.transactions = transactions;
        this.profiles = profiles;
        this.clock = clock;
    }

    @Override
    public List<GetProfileQuery.BusinessMembership> mine(Actor.Member member) {
        return profiles.profile(member.userId()).memberships();
    }

    @Override
    public Business create(Actor.Member member, NewBusiness business) {
        User founder = users.findById(member.userId()).orElseThrow(() -> new NotFoundException("user"));
        BusinessFounding.Draft draft = BusinessFounding.Draft.parse(
                business.name(),
                business.businessType(),
                business.language() == null ? founder.language().code() : business.language(),
                business.timezone(),
                business.currency(),
                business.country());
        return founding.inTransactionRetryingSlugRaces(() -> founding.found(founder, draft));
    }

    /** Applied to the business as it is when stored, after any catalogue change running at the same moment. */
    @Override
    public Business update(Actor actor, BusinessId businessId, Changes changes) {
        access.require(actor, businessId, Permission.MANAGE_SETTINGS);
        return transactions.inTransaction(() -> {
            businesses.lockForChange(businessId);
            Business current = businesses.findById(businessId).orElseThrow(() -> new NotFoundException("business"));
            Business updated = changed(current, changes);
            businesses.update(updated);
            return updated;
        });
    }

    private Business changed(Business current, Changes changes) {
        BusinessId businessId = current.id();
        Currency currency = changes.currency().map(Money::currency).orElse(current.currency());
        if (!currency.equals(current.currency())
                && !services.findByBusiness(businessId, true).isEmpty()) {
            throw new DomainException(
                    ErrorCode.CURRENCY_IN_USE,
                    "currency",
                    "the currency cannot change once services are priced in it",
                    Map.of());
        }
        BookingPolicy policy = current.policy();
        return new Business(
                current.id(),
                current.slug(),
                changes.name().map(Business::requireName).orElse(current.name()),
                changes.businessType().map(BusinessType::parse).orElse(current.type()),
                changes.language().map(l -> Language.parse(l, "language")).orElse(current.language()),
                changes.timezone().map(z -> Zones.parse(z, "timezone")).orElse(current.zone()),
                currency,
                changes.allowVoiceBooking().orElse(current.allowVoiceBooking()),
                new BookingPolicy(
                        changes.slotStepMinutes()
                                .map(m -> minutes(m, "slotStepMinutes"))
                                .orElse(policy.slotStep()),
                        changes.minimumNoticeMinutes()
                                .map(m -> minutes(m, "minimumNoticeMinutes"))
                                .orElse(policy.minimumNotice()),
                        changes.maximumAdvanceDays()
                                .map(d -> days(d, "maximumAdvanceDays"))
                                .orElse(policy.maximumAdvance()),
                        changes.cancellationCutoffMinutes()
                                .map(m -> minutes(m, "cancellationCutoffMinutes"))
                                .orElse(policy.cancellationCutoff()),
                        changes.holdMinutes()
                                .map(m -> minutes(m, "holdMinutes"))
                                .orElse(policy.holdDuration())),
                changes.country().isPresent()
                        ? changes.country().filter(c -> !c.isBlank()).map(CountryCode::new)
                        : current.country(),
                current.suspended());
    }

    @Override
    public void delete(Actor actor, BusinessId businessId) {
        access.require(actor, businessId, Permission.DELETE_BUSINESS);
        transactions.inTransaction(() -> {
            businesses.softDelete(businessId, clock.instant());
            // its numbers are free for whoever answers them next
            voiceSettings.save(VoiceSettings.none(businessId));
            return null;
        });
    }

    @Override
    public DashboardConfig dashboard(Actor actor, BusinessId businessId) {
        access.require(actor, businessId, Permission.VIEW_BUSINESS);
        return businesses.dashboardConfig(businessId).orElseGet(() -> DashboardConfig.defaultsFor(businessId));
    }

    @Override
    public DashboardConfig updateDashboard(
            Actor actor,
            BusinessId businessId,
            Optional<String> defaultView,
            Optional<Integer> firstDayOfWeek,
            Optional<Boolean> showCancelled) {
        access.require(actor, businessId, Permission.MANAGE_SETTINGS);
        return transactions.inTransaction(() -> {
            businesses.lockForChange(businessId);
            DashboardConfig current =
                    businesses.dashboardConfig(businessId).orElseGet(() -> DashboardConfig.defaultsFor(businessId));
            DashboardConfig updated = new DashboardConfig(
                    businessId,
                    defaultView.map(BusinessesInteractor::view).orElse(current.defaultView()),
                    firstDayOfWeek.map(BusinessesInteractor::weekday).orElse(current.firstDayOfWeek()),
                    showCancelled.orElse(current.showCancelled()));
            businesses.saveDashboardConfig(updated);
            return updated;
        });
    }

    @Override
    public OnboardingStatus onboarding(Actor actor, BusinessId businessId) {
        access.require(actor, businessId, Permission.VIEW_BUSINESS);
        return businesses.onboardingStatus(businessId).orElseGet(() -> new OnboardingStatus(businessId, Set.of()));
    }

    @Override
    public OnboardingStatus updateOnboarding(Actor actor, BusinessId businessId, Map<String, Boolean> steps) {
        access.require(actor, businessId, Permission.MANAGE_SETTINGS);
        Map<OnboardingStatus.Step, Boolean> marked = new EnumMap<>(OnboardingStatus.Step.class);
        steps.forEach((name, done) -> marked.put(step(name), Boolean.TRUE.equals(done)));
        // a step another request completes meanwhile (the first service saved, say) is kept
        return transactions.inTransaction(() -> {
            businesses.lockForChange(businessId);
            Set<OnboardingStatus.Step> completed = EnumSet.noneOf(OnboardingStatus.Step.class);
            businesses.onboardingStatus(businessId).ifPresent(status -> completed.addAll(status.completed()));
            marked.forEach((step, done) -> {
                if (done) {
                    completed.add(step);
                } else {
                    completed.remove(step);
                }
            });
            OnboardingStatus updated = new OnboardingStatus(businessId, completed);
            businesses.saveOnboardingStatus(updated);
            return updated;
        });
    }

    private static Duration minutes(int value, String field) {
        InvalidValueException.check(value >= 0, field, "must not be negative");
        return Duration.ofMinutes(value);
    }

    private static Duration days(int value, String field) {
        InvalidValueException.check(value >= 0, field, "must not be negative");
        return Duration.ofDays(value);
    }

    private static DashboardConfig.CalendarView view(String code) {
        try {
            return DashboardConfig.CalendarView.valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("defaultView", "a view is day, week or month");
        }
    }

    private static DayOfWeek weekday(int isoNumber) {
        try {
            return DayOfWeek.of(isoNumber);
        } catch (DateTimeException e) {
            throw new InvalidValueException("firstDayOfWeek", "a day of the week is 1 (Monday) to 7 (Sunday)");
        }
    }

    private static OnboardingStatus.Step step(String name) {
        try {
            return OnboardingStatus.Step.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("steps." + name, "unknown onboarding step");
        }
    }
}
