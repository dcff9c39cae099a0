package com.voiceappoint.application.fakes;

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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

public final class InMemoryScheduleRepository implements ScheduleRepository {
    private final Map<BusinessId, WeeklyHours> weekly = new ConcurrentHashMap<>();
    private final Map<BusinessId, List<SpecialDay>> specialDays = new ConcurrentHashMap<>();
    private final Map<BusinessId, List<TimeOff>> timeOff = new ConcurrentHashMap<>();

    @Override
    public WeeklyHours weeklyHours(BusinessId businessId) {
        return weekly.getOrDefault(businessId, WeeklyHours.CLOSED);
    }

    @Override
    public void replaceWeeklyHours(BusinessId businessId, WeeklyHours hours) {
        weekly.put(businessId, hours);
    }

    @Override
    public List<SpecialDay> specialDays(BusinessId businessId, LocalDate from, LocalDate to) {
        return days(businessId).stream()
                .filter(d -> !d.date().isBefore(from) && !d.date().isAfter(to))
                .sorted(Comparator.comparing(SpecialDay::date))
                .toList();
    }

    @Override
    public synchronized void saveSpecialDay(BusinessId businessId, SpecialDay day) {
        removeSpecialDay(businessId, day.provider(), day.date());
        days(businessId).add(day);
    }

    @Override
    public synchronized boolean removeSpecialDay(BusinessId businessId, Optional<ProviderId> provider, LocalDate date) {
        return days(businessId)
                .removeIf(d -> d.provider().equals(provider) && d.date().equals(date));
    }

    @Override
    public void addTimeOff(BusinessId businessId, TimeOff off) {
        timeOff.computeIfAbsent(businessId, b -> new CopyOnWriteArrayList<>()).add(off);
    }

    @Override
    public List<TimeOff> timeOff(BusinessId businessId, TimeRange overlapping) {
        return timeOff.getOrDefault(businessId, List.of()).stream()
                .filter(t -> t.period().overlaps(overlapping))
                .toList();
    }

    @Override
    public Optional<TimeOff> findTimeOff(BusinessId businessId, UUID timeOffId) {
        return timeOff.getOrDefault(businessId, List.of()).stream()
                .filter(t -> t.id().equals(timeOffId))
                .findFirst();
    }

    @Override
    public boolean removeTimeOff(BusinessId businessId, UUID timeOffId) {
        return timeOff.getOrDefault(businessId, new CopyOnWriteArrayList<>()).removeIf(t -> t.id().equals(timeOffId));
    }

    private List<SpecialDay> days(BusinessId businessId) {
        return specialDays.computeIfAbsent(businessId, b -> new CopyOnWriteArrayList<>());
    }
}
