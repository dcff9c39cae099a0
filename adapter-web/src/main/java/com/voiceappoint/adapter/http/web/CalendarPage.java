package com.voiceappoint.adapter.http.web;

import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.AppointmentsQuery;
import com.voiceappoint.application.port.in.BusinessSettingsUseCase;
import com.voiceappoint.application.port.in.StaffUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.CalendarFilter;
import com.voiceappoint.domain.business.DashboardConfig;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.shared.TimeRange;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code /dashboard/{slug}/calendar?view=day|week&date=}: the diary as a table, a column per staff member (per day in
 * the week view), with links to the previous, next and current period, and updated live by the page's script.
 */
public final class CalendarPage implements PageGroup {
    private static final Set<AppointmentStatus> NOT_DRAWN =
            Set.of(AppointmentStatus.CANCELLED, AppointmentStatus.EXPIRED);

    private final WebPages pages;
    private final Dashboards dashboards;
    private final AppointmentsQuery appointments;
    private final StaffUseCase staff;
    private final BusinessSettingsUseCase settings;
    private final Clock clock;

    CalendarPage(WebPages pages, Dashboards dashboards, UseCases useCases, Clock clock) {
        this.pages = pages;
        this.dashboards = dashboards;
        this.appointments = useCases.appointments();
        this.staff = useCases.staff();
        this.settings = useCases.settings();
        this.clock = clock;
    }

    /** What the page shows: a day or a week from {@code first}, and its neighbours' links. */
    public record Period(
            String view,
            LocalDate first,
            List<LocalDate> days,
            String previous,
            String next,
            String today,
            Locale locale) {
        public boolean isWeek() {
            return view.equals("week");
        }

        /** A day's heading in the week: "lun 23", "Mon 23". */
        public String heading(LocalDate day) {
            return DateTimeFormatter.ofPattern("EEE d", locale).format(day);
        }
    }

    /** The page that books this staff member at this time. */
    public static String bookHref(Workplace w, Provider provider, Instant start) {
        return w.at("calendar/book") + "?provider=" + provider.id().value() + "&start=" + start;
    }

    @Override
    public void addTo(WebPages pages) {
        pages.get("/dashboard/{" + Dashboards.SLUG + "}/calendar", this::show);
    }

    private void show(Context ctx) {
        Workplace w = dashboards.open(ctx, "calendar");
        Formats f = Formats.of(w);
        BusinessFormats b = BusinessFormats.of(w);
        DashboardConfig config = settings.dashboard(w.member(), w.business().id());
        Instant now = clock.instant();
        Period period = period(ctx, w, config, LocalDate.ofInstant(now, b.zone()));
        Diary diary = Diary.of(w, staff);

        List<LocalDate> days = period.days();
        List<AppointmentDetails> shown = appointments
                .all(
                        w.member(),
                        CalendarFilter.period(
                                w.business().id(), TimeRange.days(days.get(0), days.get(days.size() - 1), b.zone())))
                .stream()
                .filter(a -> config.showCancelled()
                        || !NOT_DRAWN.contains(a.appointment().status()))
                .toList();
        // staff no longer active keep a column while they have appointments in view
        List<Provider> columns = new ArrayList<>(diary.activeStaff());
        diary.staff().stream()
                .filter(p -> !p.active())
                .filter(p -> shown.stream()
                        .anyMatch(a -> a.appointment().providerId().equals(p.id())))
                .forEach(columns::add);
        CalendarGrid grid = CalendarGrid.of(
                days, columns, shown, b.zone(), (provider, start) -> start.isAfter(now) && diary.mayBookFor(provider));
        pages.render(
                ctx,
                "dashboard/calendar.jte",
                Map.of("w", w, "f", f, "b", b, "period", period, "grid", grid, "now", now));
    }

    /** The view and day asked for (a bad value is the default, not an error: these come from links). */
    private static Period period(Context ctx, Workplace w, DashboardConfig config, LocalDate today) {
        String asked = ctx.queryParam("view");
        String view = "day".equals(asked) || "week".equals(asked)
                ? asked
                : config.defaultView() == DashboardConfig.CalendarView.DAY ? "day" : "week";
        LocalDate date = today;
        String given = ctx.queryParam("date");
        if (given != null) {
            date = Dates.date(given)
                    .orElseThrow(() -> new PageException(io.javalin.http.HttpStatus.BAD_REQUEST, "error.bad_request"));
        }
        String base = w.at("calendar") + "?view=" + view + "&date=";
        if (view.equals("week")) {
            LocalDate first = date.with(TemporalAdjusters.previousOrSame(config.firstDayOfWeek()));
            List<LocalDate> days =
                    Stream.iterate(first, d -> d.plusDays(1)).limit(7).toList();
            return new Period(
                    view,
                    first,
                    days,
                    base + first.minusWeeks(1),
                    base + first.plusWeeks(1),
                    base + today,
                    w.v().language().locale());
        }
        return new Period(
                view,
                date,
                List.of(date),
                base + date.minusDays(1),
                base + date.plusDays(1),
                base + today,
                w.v().language().locale());
    }
}
