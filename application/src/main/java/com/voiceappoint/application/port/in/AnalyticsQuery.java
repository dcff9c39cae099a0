package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.analytics.AppointmentStats;
import com.voiceappoint.domain.analytics.CallStats;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceId;
import java.time.Instant;
import java.util.Map;

/** How a business is doing over a period: its calls, how they convert, its appointments and revenue. */
public interface AnalyticsQuery {

    Overview overview(Actor actor, BusinessId businessId, Instant from, Instant to);

    /** With the business's services by id, inactive ones included, to name them. */
    record Overview(
            Business business, CallStats calls, AppointmentStats appointments, Map<ServiceId, Service> services) {}
}
