package com.voiceappoint.adapter.http.web;

import com.voiceappoint.application.port.in.AnalyticsQuery;
import com.voiceappoint.domain.analytics.AppointmentStats;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Money;
import com.voiceappoint.domain.shared.TimeRange;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How a business is doing over the days its owner picks (the last 30 unless they pick others), as the REST overview
 * counts it: each figure as a table, which a script from {@code web/assets/charts.js} also draws as a chart.
 */
public final class AnalyticsPages implements PageGroup {
    static final int DEFAULT_DAYS = 30;
    static final int POPULAR = 5;
    private static final int MIN_YEAR = 2000;
    private static final int MAX_YEAR = 2999;

    private final WebPages pages;
    private final Dashboards dashboards;
    private final AnalyticsQuery analytics;
    private final Assets assets;
    private final Clock clock;

    AnalyticsPages(WebPages pages, Dashboards dashboards, AnalyticsQuery analytics, Assets assets, Clock clock) {
        this.pages = pages;
        this.dashboards = dashboards;
        this.analytics = analytics;
        this.assets = assets;
        this.clock = clock;
    }

    @Override
    public void addTo(WebPages pages) {
        pages.get("/dashboard/{slug}/analytics", this::overview);
    }

    /** A figure by label: a source's, a status's or a service's. */
    public record Row(String label, long count) {}

    /** One service's appointments and the revenue they earned. */
    public record Earning(String service, long appointments, Money revenue) {}

    /** What the page shows, when the period could be read. */
    public record Figures(
            AnalyticsQuery.Overview overview,
            List<Row> endedReasons,
            List<Row> bySource,
            List<Row> byStatus,
            List<Earning> revenue,
            Money total,
            List<Earning> popular) {}

    private void overview(Context ctx) {
        Workplace w = dashboards.open(ctx, "analytics");
        LocalDate today = LocalDate.now(clock.withZone(w.business().zone()));
        String to = Listings.text(ctx, "to").orElse(today.toString());
        String from = Listings.text(ctx, "from")
                .orElse(today.minusDays(DEFAULT_DAYS - 1L).toString());
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<LocalDate> first = day(from, "from", errors);
        Optional<LocalDate> last = day(to, "to", errors);
        Optional<Figures> figures = Optional.empty();
        if (errors.isEmpty() && last.get().isBefore(first.get())) {
            errors.put("to", "analytics.error.order");
        }
        if (errors.isEmpty()) {
            TimeRange days =
                    TimeRange.days(first.get(), last.get(), w.business().zone());
            try {
                figures = Optional.of(figures(
                        w.v(), analytics.overview(w.member(), w.business().id(), days.start(), days.end())));
            } catch (InvalidValueException tooLong) {
                errors.put("to", "analytics.error.too_long");
            }
        }
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("w", w);
        model.put("f", Formats.of(w));
        model.put("from", from);
        model.put("to", to);
        model.put("errors", errors);
        model.put("figures", figures);
        model.put("chartLibrary", assets.chartJs());
        pages.render(ctx, "analytics/overview.jte", model);
    }

    private static Optional<LocalDate> day(String typed, String field, Map<String, String> errors) {
        Optional<LocalDate> day = Dates.date(typed).filter(d -> d.getYear() >= MIN_YEAR && d.getYear() <= MAX_YEAR);
        if (day.isPresent()) {
            return day;
        }
        errors.put(field, "analytics.error.date");
        return Optional.empty();
    }

    private static Figures figures(Visit v, AnalyticsQuery.Overview overview) {
        AppointmentStats appointments = overview.appointments();
        List<Row> bySource = Arrays.stream(BookingSource.values())
                .map(s -> new Row(s.code(), appointments.bySource().getOrDefault(s, 0L)))
                .toList();
        List<Row> byStatus = Arrays.stream(AppointmentStatus.values())
                .map(s -> new Row(s.code(), appointments.byStatus().getOrDefault(s, 0L)))
                .filter(row -> row.count() > 0)
                .toList();
        List<Earning> revenue = appointments.byService().stream()
                .map(s -> earning(overview, s))
                .sorted(Comparator.comparing(Earning::service))
                .toList();
        // as the REST overview: only amounts in the business's own currency add up to its total
        Money total = appointments.byService().stream()
                .map(AppointmentStats.ServiceFigures::revenue)
                .filter(m -> m.currency().equals(overview.business().currency()))
                .reduce(Money.zero(overview.business().currency()), Money::plus);
        return new Figures(
                overview,
                new TreeMap<>(overview.calls().endedReasons())
                        .entrySet().stream()
                                .map(reason -> new Row(CallPages.reason(v, reason.getKey()), reason.getValue()))
                                .toList(),
                bySource,
                byStatus,
                revenue,
                total,
                appointments.popular(POPULAR).stream()
                        .map(s -> earning(overview, s))
                        .toList());
    }

    private static Earning earning(AnalyticsQuery.Overview overview, AppointmentStats.ServiceFigures figures) {
        Service service = overview.services().get(figures.service());
        return new Earning(service == null ? "" : service.name(), figures.appointments(), figures.revenue());
    }
}
