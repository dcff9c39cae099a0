package com.voiceappoint.adapter.inmemory;

import com.voiceappoint.application.port.out.ScheduleRepository;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.schedule.SpecialDay;
import com.voiceappoint.domain.schedule.TimeOff;
import com.voiceappoint.domain.schedule.WeeklyHours;
import com.voiceappoint.domain.shared.TimeRange;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

final class InMemoryScheduleRepository implements ScheduleRepository {
    /** One special day per business, provider (or the business as a whole) and date. */
    private record DayKey(BusinessId businessId, Optional<ProviderId> provider, LocalDate date) {}

    private record TimeOffKey(BusinessId businessId, UUID id) {}

    private final Table<BusinessId, WeeklyHours> weekly;
    private final Table<DayKey, SpecialDay> specialDays;
    private final Table<TimeOffKey, TimeOff> timeOff;

    InMemoryScheduleRepository(InMemoryTransactionRunner transactions) {
        weekly = new Table<>(transactions);
        specialDays = new Table<>(transactions);
        timeOff = new Table<>(transactions);
    }

    @Override
    public WeeklyHours weeklyHours(BusinessId businessId) {
        return weekly.find(businessId).orElse(WeeklyHours.CLOSED);
    }

    @Override
    public void replaceWeeklyHours(BusinessId businessId, WeeklyHours hours) {
        weekly.put(businessId, hours);
    }

    @Override
    public List<SpecialDay> specialDays(BusinessId businessId, LocalDate from, LocalDate to) {
        return specialDays
                .entries()
                .filter(e -> e.getKey().businessId().equals(businessId))
                .map(e -> e.getValue())
                .filter(d -> !d.date().isBefore(from) && !d.date().isAfter(to))
                .sorted(Comparator.comparing(SpecialDay::date))
                .toList();
    }

    @Override
    public void saveSpecialDay(BusinessId businessId, SpecialDay day) {
        specialDays.put(new DayKey(businessId, day.provider(), day.date()), day);
    }

    @Override
    public boolean removeSpecialDay(BusinessId businessId, Optional<ProviderId> provider, LocalDate date) {
        return specialDays.remove(new DayKey(businessId, provider, date)).isPresent();
    }

    @Override
    public void addTimeOff(BusinessId businessId, TimeOff off) {
        timeOff.put(new TimeOffKey(businessId, off.id()), off);
    }

    @Override
    public List<TimeOff> timeOff(BusinessId businessId, TimeRange overlapping) {
        return timeOff.entries()
                .filter(e -> e.getKey().businessId().equals(businessId))
                .map(e -> e.getValue())
                .filter(t -> t.period().overlaps(overlapping))
                .toList();
    }

    @Override
    public Optional<TimeOff> findTimeOff(BusinessId businessId, UUID timeOffId) {
        return timeOff.find(new TimeOffKey(businessId, timeOffId));
    }

    @Override
    public boolean removeTimeOff(BusinessId businessId, UUID timeOffId) {
        return timeOff.remove(new TimeOffKey(businessId, timeOffId)).isPresent();
    }
}
