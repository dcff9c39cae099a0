package com.voiceappoint.adapter.http.web;

import com.voiceappoint.application.port.in.BusinessHoursUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.schedule.SpecialDay;
import com.voiceappoint.domain.shared.InvalidValueException;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /dashboard/{slug}/hours}: when the business is open each week, and the dates it closes or opens otherwise.
 * The week is written whole through the use case, as the REST API's PUT does, so two saves never mix their days.
 */
final class HoursPages implements PageGroup {
    static final String SECTION = "hours";
    /** How far ahead special days are listed: a year, well inside what the use case lists at once. */
    static final int DAYS_AHEAD = 366;

    private static final Set<String> DONE = Set.of("hours_saved", "special_day_saved", "special_day_removed");
    static final List<String> SPECIAL_DAY_FIELDS = List.of("date", "windows", "reason");

    private final WebPages pages;
    private final Dashboards dashboards;
    private final BusinessHoursUseCase hours;
    private final Clock clock;

    HoursPages(WebPages pages, Dashboards dashboards, UseCases useCases, Clock clock) {
        this.pages = pages;
        this.dashboards = dashboards;
        this.hours = useCases.businessHours();
        this.clock = clock;
    }

    @Override
    public void addTo(WebPages pages) {
        String base = "/dashboard/{" + Dashboards.SLUG + "}/hours";
        pages.get(base, this::show);
        pages.post(base, this::saveWeek);
        pages.post(base + "/special-days", this::saveSpecialDay);
        pages.post(base + "/special-days/{date}/remove", this::removeSpecialDay);
    }

    private void show(Context ctx) {
        show(ctx, dashboards.open(ctx, SECTION), FilledForm.none());
    }

    private void show(Context ctx, Workplace w, FilledForm form) {
        if (form.hasErrors()) {
            ctx.status(422);
        }
        LocalDate today = today(clock, w);
        List<SpecialDay> specialDays =
                hours.specialDays(w.member(), w.business().id(), today, today.plusDays(DAYS_AHEAD)).stream()
                        .filter(day -> day.provider().isEmpty())
                        .toList();
        pages.render(
                ctx,
                "dashboard/hours.jte",
                Map.of(
                        "w",
                        w,
                        "f",
                        BusinessFormats.of(w),
                        "form",
                        form,
                        "weekly",
                        hours.get(w.member(), w.business().id()).weekly(),
                        "specialDays",
                        specialDays,
                        "done",
                        Guards.done(ctx, DONE)));
    }

    private void saveWeek(Context ctx) {
        Workplace w = dashboards.open(ctx, SECTION);
        Guards.require(w, Permission.MANAGE_SCHEDULE);
        FilledForm form = FilledForm.sent(ctx, "week");
        var week = OpeningHoursForm.week(form);
        if (week.isEmpty()) {
            show(ctx, w, form);
            return;
        }
        hours.setWeeklyHours(w.member(), w.business().id(), week.get());
        WebPages.redirect(ctx, w.at(SECTION) + "?done=hours_saved");
    }

    private void saveSpecialDay(Context ctx) {
        Workplace w = dashboards.open(ctx, SECTION);
        Guards.require(w, Permission.MANAGE_SCHEDULE);
        FilledForm form = FilledForm.sent(ctx, "special");
        try {
            OpeningHoursForm.specialDay(form, Optional.empty())
                    .ifPresent(
                            day -> hours.saveSpecialDay(w.member(), w.business().id(), day));
        } catch (InvalidValueException e) {
            form.reject(e, SPECIAL_DAY_FIELDS);
        }
        if (form.hasErrors()) {
            show(ctx, w, form);
            return;
        }
        WebPages.redirect(ctx, w.at(SECTION) + "?done=special_day_saved#special-days");
    }

    private void removeSpecialDay(Context ctx) {
        Workplace w = dashboards.open(ctx, SECTION);
        Guards.require(w, Permission.MANAGE_SCHEDULE);
        hours.removeSpecialDay(w.member(), w.business().id(), Optional.empty(), Guards.date(ctx, "date"));
        WebPages.redirect(ctx, w.at(SECTION) + "?done=special_day_removed#special-days");
    }

    /** Today on the business's clock. */
    static LocalDate today(Clock clock, Workplace w) {
        return LocalDate.now(clock.withZone(w.business().zone()));
    }
}
