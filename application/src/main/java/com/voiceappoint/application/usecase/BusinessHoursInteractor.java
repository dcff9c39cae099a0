package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.BusinessHoursUseCase;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.ScheduleRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.OnboardingStatus;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.schedule.SpecialDay;
import com.voiceappoint.domain.schedule.WeeklyHours;
import com.voiceappoint.domain.shared.InvalidValueException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

public final class BusinessHoursInteractor implements BusinessHoursUseCase {
    static final int MAX_LISTED_DAYS = 400;

    private final BusinessAccess access;
    private final TransactionRunner transactions;
    private final BusinessRepository businesses;
    private final ScheduleRepository schedules;
    private final ScheduleRights rights;

    BusinessHoursInteractor(
            BusinessAccess access,
            TransactionRunner transactions,
            BusinessRepository businesses,
            ScheduleRepository schedules,
            ScheduleRights rights) {
        this.access = access;
        this.transactions = transactions;
        this.businesses = businesses;
        this.schedules = schedules;
        this.rights = rights;
    }

    @Override
    public BusinessHours get(Actor actor, BusinessId businessId) {
        Business business =
                access.require(actor, businessId, Permission.VIEW_BUSINESS).business();
        return new BusinessHours(business.zone(), schedules.weeklyHours(businessId));
    }

    @Override
    public BusinessHours setWeeklyHours(Actor actor, BusinessId businessId, WeeklyHours hours) {
        Business business =
                access.require(actor, businessId, Permission.MANAGE_SCHEDULE).business();
        transactions.inTransaction(() -> {
            schedules.replaceWeeklyHours(businessId, hours);
            EventJournal.of(transactions).hoursChanged(actor, businessId, Optional.empty());
            if (!hours.isClosedAllWeek()) {
                businesses.completeOnboardingStep(businessId, OnboardingStatus.Step.OPENING_HOURS);
            }
            return null;
        });
        return new BusinessHours(business.zone(), hours);
    }

    @Override
    public SpecialDay saveSpecialDay(Actor actor, BusinessId businessId, SpecialDay day) {
        rights.require(actor, businessId, day.provider());
        transactions.inTransaction(() -> {
            schedules.saveSpecialDay(businessId, day);
            EventJournal.of(transactions).hoursChanged(actor, businessId, day.provider());
            return null;
        });
        return day;
    }

    @Override
    public void removeSpecialDay(Actor actor, BusinessId businessId, Optional<ProviderId> provider, LocalDate date) {
        rights.require(actor, businessId, provider);
        boolean removed = transactions.inTransaction(() -> {
            boolean found = schedules.removeSpecialDay(businessId, provider, date);
            if (found) {
                EventJournal.of(transactions).hoursChanged(actor, businessId, provider);
            }
            return found;
        });
        if (!removed) {
            throw new NotFoundException("special_day");
        }
    }

    @Override
    public List<SpecialDay> specialDays(Actor actor, BusinessId businessId, LocalDate from, LocalDate to) {
        access.require(actor, businessId, Permission.VIEW_BUSINESS);
        InvalidValueException.check(!to.isBefore(from), "to", "the range ends before it starts");
        InvalidValueException.check(
                ChronoUnit.DAYS.between(from, to) < MAX_LISTED_DAYS, "to", "a range covers at most 400 days");
        return schedules.specialDays(businessId, from, to);
    }
}
