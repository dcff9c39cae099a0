package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.analytics.AppointmentStats;
import com.voiceappoint.domain.analytics.CallStats;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.shared.Money;
import java.time.Instant;
import java.util.Map;

/** How a business is doing over a period: its calls, how they convert, its appointments and revenue. */
public interface AnalyticsQuery {

    Overview overview(Actor actor, BusinessId businessId, Instant from, Instant to);

    /**
     * With the business's services by id, inactive ones included, to name them, and what clients paid in advance over
     * the period.
     */
    record Overview(
            Business business,
            CallStats calls,
            AppointmentStats appointments,
            Map<ServiceId, Service> services,
            Takings takings) {}

    /**
     * Deposits and fees asked in the period, in the business's currency: what clients paid, what went back to them,
     * and what is still awaited.
     */
    record Takings(Money paid, Money refunded, Money pending) {}
}
