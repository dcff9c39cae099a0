package com.voiceappoint.application.usecase;

import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.AnalyticsQuery;
import com.voiceappoint.application.port.in.AnalyticsQuery.Takings;
import com.voiceappoint.application.port.out.AnalyticsRepository;
import com.voiceappoint.application.port.out.PaymentRepository;
import com.voiceappoint.application.port.out.ServiceRepository;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Money;
import com.voiceappoint.domain.shared.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Collectors;

public final class AnalyticsInteractor implements AnalyticsQuery {
    /** Enough for a year over year view; more is a report, not a dashboard. */
    static final Duration MAX_PERIOD = Duration.ofDays(400);

    private final BusinessAccess access;
    private final AnalyticsRepository analytics;
    private final ServiceRepository services;
    private final PaymentRepository payments;

    AnalyticsInteractor(
            BusinessAccess access,
            AnalyticsRepository analytics,
            ServiceRepository services,
            PaymentRepository payments) {
        this.access = access;
        this.analytics = analytics;
        this.services = services;
        this.payments = payments;
    }

    @Override
    public Overview overview(Actor actor, BusinessId businessId, Instant from, Instant to) {
        Business business =
                access.require(actor, businessId, Permission.VIEW_BUSINESS).business();
        InvalidValueException.check(to.isAfter(from), "to", "the period ends before it starts");
        InvalidValueException.check(
                Duration.between(from, to).compareTo(MAX_PERIOD) <= 0, "to", "a period covers at most 400 days");
        TimeRange period = new TimeRange(from, to);
        return new Overview(
                business,
                analytics.calls(businessId, period),
                analytics.appointments(businessId, period),
                services.findByBusiness(businessId, true).stream()
                        .collect(Collectors.toMap(Service::id, Function.identity())),
                takings(business, period));
    }

    /** In the business's currency: a payment in another (made before a change of currency) is not added to it. */
    private Takings takings(Business business, TimeRange period) {
        Money none = Money.zero(business.currency());
        return payments.totals(business.id(), period).stream()
                .filter(t -> t.paid().currency().equals(business.currency()))
                .findFirst()
                .map(t -> new Takings(t.paid(), t.refunded(), t.pending()))
                .orElse(new Takings(none, none, none));
    }
}
