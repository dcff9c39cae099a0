package com.voiceappoint.adapter.http.web;

import com.voiceappoint.application.port.in.BusinessHoursUseCase;
import com.voiceappoint.application.port.in.ListServicesQuery;
import com.voiceappoint.application.port.in.StaffUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.schedule.SpecialDay;
import com.voiceappoint.domain.schedule.TimeOff;
import com.voiceappoint.domain.schedule.WeeklyHours;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.TimeRange;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /dashboard/{slug}/staff}: the people who perform services, and each one's weeks, special days and time off.
 * Managers run everyone's schedule; a staff member runs their own, as the REST API lets them.
 */
final class StaffPages implements PageGroup {
    static final String SECTION = "staff";
    private static final Set<String> DONE = Set.of(
            "provider_added",
            "provider_saved",
            "hours_saved",
            "special_day_saved",
            "special_day_removed",
            "time_off_added",
            "time_off_removed");

    private final WebPages pages;
    private final Dashboards dashboards;
    private final StaffUseCase staff;
    private final BusinessHoursUseCase hours;
    private final ListServicesQuery services;
    private final Clock clock;

    StaffPages(WebPages pages, Dashboards dashboards, UseCases useCases, Clock clock) {
        this.pages = pages;
        this.dashboards = dashboards;
        this.staff = useCases.staff();
        this.hours = useCases.businessHours();
        this.services = useCases.listServices();
        this.clock = clock;
    }

    @Override
    public void addTo(WebPages pages) {
        String base = "/dashboard/{" + Dashboards.SLUG + "}/staff";
        pages.get(base, this::list);
        pages.post(base, this::add);
        pages.get(base + "/{id}", this::show);
        pages.post(base + "/{id}", this::update);
        pages.post(base + "/{id}/hours", this::saveHours);
        pages.post(base + "/{id}/special-days", this::saveSpecialDay);
        pages.post(base + "/{id}/special-days/{date}/remove", this::removeSpecialDay);
        pages.post(base + "/{id}/time-off", this::addTimeOff);
        pages.post(base + "/{id}/time-off/{timeOff}/remove", this::removeTimeOff);
    }

    private void list(Context ctx) {
        showList(ctx, dashboards.open(ctx, SECTION), FilledForm.none());
    }

    private void showList(Context ctx, Workplace w, FilledForm form) {
        if (form.hasErrors()) {
            ctx.status(422);
        }
        pages.render(
                ctx,
                "dashboard/staff.jte",
                Map.of(
                        "w",
                        w,
                        "form",
                        form,
                        "providers",
                        staff.list(w.member(), w.business().id()),
                        "done",
                        Guards.done(ctx, DONE)));
    }

    private void add(Context ctx) {
        Workplace w = dashboards.open(ctx, SECTION);
        Guards.require(w, Permission.MANAGE_SCHEDULE);
        FilledForm form = FilledForm.sent(ctx, "provider");
        var name = form.required("displayName", 150);
        if (!form.hasErrors()) {
            try {
                Provider added = staff.create(w.member(), w.business().id(), name.get(), Optional.empty());
                WebPages.redirect(ctx, w.at(SECTION + "/" + added.id().value()) + "?done=provider_added");
                return;
            } catch (InvalidValueException e) {
                form.reject(e, List.of("displayName"));
            }
        }
        showList(ctx, w, form);
    }

    private void show(Context ctx) {
        Workplace w = dashboards.open(ctx, SECTION);
        show(ctx, w, provider(ctx, w), FilledForm.none());
    }

    private void show(Context ctx, Workplace w, Provider provider, FilledForm form) {
        if (form.hasErrors()) {
            ctx.status(422);
        }
        ZoneId zone = w.business().zone();
        LocalDate today = HoursPages.today(clock, w);
        LocalDate last = today.plusDays(HoursPages.DAYS_AHEAD);
        List<SpecialDay> specialDays = hours
                .specialDays(w.member(), w.business().id(), today, last)
                .stream()
                .filter(day -> day.provider().equals(Optional.of(provider.id())))
                .toList();
        List<TimeOff> timeOff = staff.timeOff(
                w.member(),
                w.business().id(),
                TimeRange.startOfDay(today, zone),
                TimeRange.startOfDay(last, zone),
                Optional.of(provider.id()));
        List<Service> performed = services.list(w.member(), w.business().id(), false).stream()
                .filter(service -> service.isPerformedBy(provider.id()))
                .toList();
        var schedule = new ProviderSchedule(
                provider,
                performed,
                hours.get(w.member(), w.business().id()).weekly(),
                specialDays,
                timeOff,
                mayChangeSchedule(w, provider));
        pages.render(
                ctx,
                "dashboard/provider.jte",
                Map.of(
                        "w", w,
                        "f", BusinessFormats.of(w),
                        "form", form,
                        "schedule", schedule,
                        "done", Guards.done(ctx, DONE)));
    }

    private void update(Context ctx) {
        Workplace w = dashboards.open(ctx, SECTION);
        Guards.require(w, Permission.MANAGE_SCHEDULE);
        Provider provider = provider(ctx, w);
        FilledForm form = FilledForm.sent(ctx, "provider");
        var name = form.required("displayName", 150);
        if (!form.hasErrors()) {
            try {
                staff.update(
                        w.member(),
                        w.business().id(),
                        provider.id(),
                        name,
                        Optional.of(form.ticked("active", provider.active())));
            } catch (InvalidValueException e) {
                form.reject(e, List.of("displayName"));
            }
        }
        if (form.hasErrors()) {
            show(ctx, w, provider, form);
            return;
        }
        done(ctx, w, provider, "provider_saved");
    }

    /** Their own week, or none to work whenever the business is open ({@code follows=business}). */
    private void saveHours(Context ctx) {
        Workplace w = dashboards.open(ctx, SECTION);
        Provider provider = provider(ctx, w);
        requireSchedule(w, provider);
        FilledForm form = FilledForm.sent(ctx, "week");
        Optional<WeeklyHours> own;
        if ("business".equals(form.text("follows"))) {
            own = Optional.empty();
        } else {
            own = OpeningHoursForm.week(form);
            if (own.isEmpty()) {
                show(ctx, w, provider, form);
                return;
            }
        }
        staff.setWorkingHours(w.member(), w.business().id(), provider.id(), own);
        done(ctx, w, provider, "hours_saved");
    }

    private void saveSpecialDay(Context ctx) {
        Workplace w = dashboards.open(ctx, SECTION);
        Provider provider = provider(ctx, w);
        requireSchedule(w, provider);
        FilledForm form = FilledForm.sent(ctx, "special");
        try {
            OpeningHoursForm.specialDay(form, Optional.of(provider.id()))
                    .ifPresent(
                            day -> hours.saveSpecialDay(w.member(), w.business().id(), day));
        } catch (InvalidValueException e) {
            form.reject(e, HoursPages.SPECIAL_DAY_FIELDS);
        }
        if (form.hasErrors()) {
            show(ctx, w, provider, form);
            return;
        }
        done(ctx, w, provider, "special_day_saved");
    }

    private void removeSpecialDay(Context ctx) {
        Workplace w = dashboards.open(ctx, SECTION);
        Provider provider = provider(ctx, w);
        requireSchedule(w, provider);
        hours.removeSpecialDay(w.member(), w.business().id(), Optional.of(provider.id()), Guards.date(ctx, "date"));
        done(ctx, w, provider, "special_day_removed");
    }

    /** Time off from one moment to another on the business's clock; a time a DST change skips is not a time. */
    private void addTimeOff(Context ctx) {
        Workplace w = dashboards.open(ctx, SECTION);
        Provider provider = provider(ctx, w);
        requireSchedule(w, provider);
        FilledForm form = FilledForm.sent(ctx, "time-off");
        ZoneId zone = w.business().zone();
        Optional<Instant> from = form.dateTime("from").flatMap(at -> instant(form, "from", at, zone));
        Optional<Instant> to = form.dateTime("to").flatMap(at -> instant(form, "to", at, zone));
        var reason = form.optional("reason", 200);
        if (!form.hasErrors()) {
            try {
                staff.addTimeOff(w.member(), w.business().id(), provider.id(), from.get(), to.get(), reason.get());
            } catch (InvalidValueException e) {
                form.reject(e, List.of("to", "reason"));
            }
        }
        if (form.hasErrors()) {
            show(ctx, w, provider, form);
            return;
        }
        done(ctx, w, provider, "time_off_added");
    }

    private void removeTimeOff(Context ctx) {
        Workplace w = dashboards.open(ctx, SECTION);
        Provider provider = provider(ctx, w);
        requireSchedule(w, provider);
        staff.removeTimeOff(w.member(), w.business().id(), Guards.id(ctx, "timeOff"));
        done(ctx, w, provider, "time_off_removed");
    }

    private static Optional<Instant> instant(FilledForm form, String field, LocalDateTime local, ZoneId zone) {
        var zoned = local.atZone(zone);
        if (!zoned.toLocalDateTime().equals(local)) {
            form.reject(field, "setup.error.skipped_time");
            return Optional.empty();
        }
        return Optional.of(zoned.toInstant());
    }

    private void done(Context ctx, Workplace w, Provider provider, String done) {
        WebPages.redirect(ctx, w.at(SECTION + "/" + provider.id().value()) + "?done=" + done);
    }

    /** The provider in the path, among this business's: any other id is not found. */
    private Provider provider(Context ctx, Workplace w) {
        ProviderId id = new ProviderId(Guards.id(ctx, "id"));
        return staff.list(w.member(), w.business().id()).stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow(PageException::notFound);
    }

    /** As the use case decides: the schedule permission, or the member's own schedule with the own-schedule one. */
    static boolean mayChangeSchedule(Workplace w, Provider provider) {
        return w.can(Permission.MANAGE_SCHEDULE)
                || (w.can(Permission.MANAGE_OWN_SCHEDULE)
                        && provider.userId().equals(Optional.of(w.member().userId())));
    }

    private static void requireSchedule(Workplace w, Provider provider) {
        if (!mayChangeSchedule(w, provider)) {
            throw Guards.forbidden();
        }
    }
}
