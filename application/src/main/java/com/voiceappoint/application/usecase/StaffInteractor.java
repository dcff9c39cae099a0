package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.StaffUseCase;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.MembershipRepository;
import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.application.port.out.ScheduleRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.OnboardingStatus;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.schedule.TimeOff;
import com.voiceappoint.domain.schedule.WeeklyHours;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

public final class StaffInteractor implements StaffUseCase {
    private static final Duration MAX_LISTED_PERIOD = Duration.ofDays(400);

    private final BusinessAccess access;
    private final TransactionRunner transactions;
    private final ScheduleRights rights;
    private final ProviderRepository providers;
    private final MembershipRepository memberships;
    private final ScheduleRepository schedules;
    private final BusinessRepository businesses;

    StaffInteractor(
            BusinessAccess access,
            TransactionRunner transactions,
            ScheduleRights rights,
            ProviderRepository providers,
            MembershipRepository memberships,
            ScheduleRepository schedules,
            BusinessRepository businesses) {
        this.access = access;
        this.transactions = transactions;
        this.rights = rights;
        this.providers = providers;
        this.memberships = memberships;
        this.schedules = schedules;
        this.businesses = businesses;
    }

    @Override
    public List<Provider> list(Actor actor, BusinessId businessId) {
        access.require(actor, businessId, Permission.VIEW_BUSINESS);
        return providers.findByBusiness(businessId);
    }

    /**
     * The provider, the member check and the onboarding step commit together: the answer never reports a failure
     * for a provider that was added, and two requests adding the same member cannot both pass the check.
     */
    @Override
    public Provider create(Actor actor, BusinessId businessId, String displayName, Optional<UserId> member) {
        access.require(actor, businessId, Permission.MANAGE_SCHEDULE);
        Provider provider = new Provider(ProviderId.random(), businessId, member, displayName, Optional.empty(), true);
        return transactions.inTransaction(() -> {
            businesses.lockForChange(businessId);
            member.ifPresent(user -> {
                memberships.find(businessId, user).orElseThrow(() -> new NotFoundException("member"));
                if (providers.findByUser(businessId, user).isPresent()) {
                    throw new DomainException(
                            ErrorCode.ALREADY_PROVIDER, "userId", "this member already takes appointments", Map.of());
                }
            });
            providers.add(provider);
            if (providers.findByBusiness(businessId).size() > 1) {
                businesses.completeOnboardingStep(businessId, OnboardingStatus.Step.STAFF);
            }
            return provider;
        });
    }

    @Override
    public Provider update(
            Actor actor,
            BusinessId businessId,
            ProviderId providerId,
            Optional<String> displayName,
            Optional<Boolean> active) {
        access.require(actor, businessId, Permission.MANAGE_SCHEDULE);
        return changed(
                businessId,
                providerId,
                current -> new Provider(
                        current.id(),
                        businessId,
                        current.userId(),
                        displayName.orElse(current.displayName()),
                        current.workingHours(),
                        active.orElse(current.active())));
    }

    @Override
    public Provider setWorkingHours(
            Actor actor, BusinessId businessId, ProviderId providerId, Optional<WeeklyHours> hours) {
        rights.require(actor, businessId, Optional.of(providerId));
        return transactions.inTransaction(() -> {
            EventJournal.of(transactions).hoursChanged(actor, businessId, Optional.of(providerId));
            return changed(
                    businessId,
                    providerId,
                    current -> new Provider(
                            current.id(),
                            businessId,
                            current.userId(),
                            current.displayName(),
                            hours,
                            current.active()));
        });
    }

    /**
     * Stores the change made to the provider as it is now: a rename and new hours saved at the same moment both
     * survive, neither writes back what the other replaced.
     */
    private Provider changed(BusinessId businessId, ProviderId providerId, UnaryOperator<Provider> change) {
        return transactions.inTransaction(() -> {
            businesses.lockForChange(businessId);
            Provider updated = change.apply(find(businessId, providerId));
            providers.update(updated);
            return updated;
        });
    }

    @Override
    public TimeOff addTimeOff(
            Actor actor, BusinessId businessId, ProviderId providerId, Instant from, Instant to, String reason) {
        rights.require(actor, businessId, Optional.of(providerId));
        InvalidValueException.check(to.isAfter(from), "to", "time off ends after it starts");
        TimeOff timeOff = new TimeOff(UUID.randomUUID(), providerId, new TimeRange(from, to), reason);
        transactions.inTransaction(() -> {
            schedules.addTimeOff(businessId, timeOff);
            EventJournal.of(transactions).hoursChanged(actor, businessId, Optional.of(providerId));
            return null;
        });
        return timeOff;
    }

    @Override
    public List<TimeOff> timeOff(
            Actor actor, BusinessId businessId, Instant from, Instant to, Optional<ProviderId> provider) {
        access.require(actor, businessId, Permission.VIEW_BUSINESS);
        InvalidValueException.check(to.isAfter(from), "to", "the period ends before it starts");
        InvalidValueException.check(
                Duration.between(from, to).compareTo(MAX_LISTED_PERIOD) <= 0, "to", "a period covers at most 400 days");
        return schedules.timeOff(businessId, new TimeRange(from, to)).stream()
                .filter(t -> provider.map(t.provider()::equals).orElse(true))
                .toList();
    }

    @Override
    public void removeTimeOff(Actor actor, BusinessId businessId, UUID timeOffId) {
        access.require(actor, businessId, Permission.MANAGE_OWN_SCHEDULE);
        TimeOff timeOff =
                schedules.findTimeOff(businessId, timeOffId).orElseThrow(() -> new NotFoundException("time_off"));
        rights.require(actor, businessId, Optional.of(timeOff.provider()));
        transactions.inTransaction(() -> {
            if (schedules.removeTimeOff(businessId, timeOffId)) {
                EventJournal.of(transactions).hoursChanged(actor, businessId, Optional.of(timeOff.provider()));
            }
            return null;
        });
    }

    private Provider find(BusinessId businessId, ProviderId providerId) {
        return providers.findById(businessId, providerId).orElseThrow(() -> new NotFoundException("provider"));
    }
}
