package com.voiceappoint.adapter.http;

import com.voiceappoint.adapter.http.problem.InvalidRequestException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.AnalyticsQuery;
import com.voiceappoint.application.port.in.GetBusinessQuery;
import com.voiceappoint.domain.analytics.AppointmentStats;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.shared.Money;
import com.voiceappoint.domain.shared.TimeRange;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** How a business is doing: calls and how they convert, appointments by source and status, revenue by service. */
final class AnalyticsRoutes {
    static final int DEFAULT_DAYS = 30;
    static final int POPULAR = 5;

    private final GetBusinessQuery businessQuery;
    private final AnalyticsQuery analytics;
    private final Clock clock;

    AnalyticsRoutes(GetBusinessQuery businessQuery, AnalyticsQuery analytics, Clock clock) {
        this.businessQuery = businessQuery;
        this.analytics = analytics;
        this.clock = clock;
    }

    record CallFigures(
            long total,
            Long averageDurationSeconds,
            Map<String, Long> endedReasons,
            long converted,
            Double conversionRate) {}

    record AppointmentFigures(Map<String, Long> bySource, Map<String, Long> byStatus, Double noShowRate) {}

    record ServiceRevenue(Views.Named service, long appointments, String revenue) {}

    /** @param deposits what clients paid in advance, and what of it went back or is still awaited */
    record Revenue(String total, String currency, List<ServiceRevenue> byService, Takings deposits) {}

    record Takings(String paid, String refunded, String pending) {}

    record Popular(Views.Named service, long appointments) {}

    record OverviewView(
            UUID business,
            String timezone,
            LocalDate from,
            LocalDate to,
            CallFigures calls,
            AppointmentFigures appointments,
            Revenue revenue,
            List<Popular> popularServices) {}

    void overview(Context ctx) {
        Actor.Member member = RequestContext.member(ctx);
        Business business = businessQuery.get(member, new BusinessId(Params.requiredUuid(ctx, "business")));
        ZoneId zone = business.zone();
        LocalDate to = Params.optionalDate(ctx, "to").orElseGet(() -> LocalDate.now(clock.withZone(zone)));
        LocalDate from = Params.optionalDate(ctx, "from").orElse(to.minusDays(DEFAULT_DAYS - 1L));
        if (to.isBefore(from)) {
            throw InvalidRequestException.field("to", "invalid", "request.period");
        }
        TimeRange days = TimeRange.days(from, to, zone);
        AnalyticsQuery.Overview overview = analytics.overview(member, business.id(), days.start(), days.end());
        var calls = overview.calls();
        var appointments = overview.appointments();
        Money total = appointments.byService().stream()
                .map(AppointmentStats.ServiceFigures::revenue)
                .filter(m -> m.currency().equals(business.currency()))
                .reduce(Money.zero(business.currency()), Money::plus);
        ctx.json(new OverviewView(
                business.id().value(),
                zone.getId(),
                from,
                to,
                new CallFigures(
                        calls.calls(),
                        calls.averageDuration().map(Duration::toSeconds).orElse(null),
                        new TreeMap<>(calls.endedReasons()),
                        calls.converted(),
                        calls.conversionRate().orElse(null)),
                new AppointmentFigures(
                        codes(appointments.bySource()),
                        codes(appointments.byStatus()),
                        appointments.noShowRate().orElse(null)),
                new Revenue(
                        Views.amount(total),
                        business.currency().getCurrencyCode(),
                        appointments.byService().stream()
                                .map(f -> new ServiceRevenue(
                                        named(overview, f), f.appointments(), Views.amount(f.revenue())))
                                .toList(),
                        new Takings(
                                Views.amount(overview.takings().paid()),
                                Views.amount(overview.takings().refunded()),
                                Views.amount(overview.takings().pending()))),
                appointments.popular(POPULAR).stream()
                        .map(f -> new Popular(named(overview, f), f.appointments()))
                        .toList()));
    }

    private static Views.Named named(AnalyticsQuery.Overview overview, AppointmentStats.ServiceFigures figures) {
        Service service = overview.services().get(figures.service());
        return new Views.Named(figures.service().value(), service == null ? "" : service.name());
    }

    private static Map<String, Long> codes(Map<? extends Enum<?>, Long> counts) {
        Map<String, Long> byCode = new TreeMap<>();
        counts.forEach((key, n) -> byCode.put(key.name().toLowerCase(Locale.ROOT), n));
        return byCode;
    }
}
