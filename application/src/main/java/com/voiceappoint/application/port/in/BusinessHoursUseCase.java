package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.schedule.SpecialDay;
import com.voiceappoint.domain.schedule.WeeklyHours;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** A business's weekly opening hours and its closures and special days. */
public interface BusinessHoursUseCase {

    BusinessHours get(Actor actor, BusinessId businessId);

    BusinessHours setWeeklyHours(Actor actor, BusinessId businessId, WeeklyHours hours);

    /** Adds a closure or special hours for a date, replacing what that date (and provider) had. */
    SpecialDay saveSpecialDay(Actor actor, BusinessId businessId, SpecialDay day);

    void removeSpecialDay(Actor actor, BusinessId businessId, Optional<ProviderId> provider, LocalDate date);

    List<SpecialDay> specialDays(Actor actor, BusinessId businessId, LocalDate from, LocalDate to);

    record BusinessHours(ZoneId zone, WeeklyHours weekly) {}
}
