package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.analytics.AppointmentStats;
import com.voiceappoint.domain.analytics.CallStats;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.shared.TimeRange;

/** Figures over a business's calls and appointments, computed where the rows are. */
public interface AnalyticsRepository {

    /** Calls first heard of within the period. */
    CallStats calls(BusinessId businessId, TimeRange period);

    /** Appointments starting within the period. */
    AppointmentStats appointments(BusinessId businessId, TimeRange period);
}
