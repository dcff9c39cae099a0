package com.voiceappoint.adapter.http.web;

import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.SpecialDay;
import com.voiceappoint.domain.schedule.TimeOff;
import com.voiceappoint.domain.schedule.WeeklyHours;
import java.util.List;

/** One provider's page: what they perform, their schedule, and whether this member may change it. */
public record ProviderSchedule(
        Provider provider,
        List<Service> services,
        WeeklyHours businessWeek,
        List<SpecialDay> specialDays,
        List<TimeOff> timeOff,
        boolean editable) {}
