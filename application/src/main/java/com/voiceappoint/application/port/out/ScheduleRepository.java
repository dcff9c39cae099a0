package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.schedule.SpecialDay;
import com.voiceappoint.domain.schedule.TimeOff;
import com.voiceappoint.domain.schedule.WeeklyHours;
import com.voiceappoint.domain.shared.TimeRange;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Opening hours, special days and time off of one business and its providers. */
public interface ScheduleRepository {

    WeeklyHours weeklyHours(BusinessId businessId);

    void replaceWeeklyHours(BusinessId businessId, WeeklyHours hours);

    /** Business-wide and per-provider special days with {@code from <= date <= to}, by date. */
    List<SpecialDay> specialDays(BusinessId businessId, LocalDate from, LocalDate to);

    /** Inserts or replaces the special day of that date (and provider). */
    void saveSpecialDay(BusinessId businessId, SpecialDay day);

    boolean removeSpecialDay(BusinessId businessId, Optional<ProviderId> provider, LocalDate date);

    void addTimeOff(BusinessId businessId, TimeOff timeOff);

    List<TimeOff> timeOff(BusinessId businessId, TimeRange overlapping);

    Optional<TimeOff> findTimeOff(BusinessId businessId, UUID timeOffId);

    boolean removeTimeOff(BusinessId businessId, UUID timeOffId);
}
