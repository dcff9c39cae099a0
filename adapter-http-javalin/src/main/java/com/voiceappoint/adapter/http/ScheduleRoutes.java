package com.voiceappoint.adapter.http;

import com.voiceappoint.adapter.http.problem.InvalidRequestException;
import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.BusinessHoursUseCase;
import com.voiceappoint.application.port.in.GetBusinessQuery;
import com.voiceappoint.application.port.in.StaffUseCase;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.schedule.SpecialDay;
import com.voiceappoint.domain.schedule.TimeOff;
import com.voiceappoint.domain.schedule.WeeklyHours;
import com.voiceappoint.domain.shared.TimeRange;
import io.javalin.http.Context;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * When a business is open and its staff work: weekly hours (the business's and each provider's), closures and
 * special days, and time off. Every day is listed in weekly hours, a closed day as an empty list.
 */
final class ScheduleRoutes {
    private final GetBusinessQuery businessQuery;
    private final BusinessHoursUseCase businessHours;
    private final StaffUseCase staff;
    private final Bodies bodies;
    private final Clock clock;

    ScheduleRoutes(
            GetBusinessQuery businessQuery,
            BusinessHoursUseCase businessHours,
            StaffUseCase staff,
            Bodies bodies,
            Clock clock) {
        this.businessQuery = businessQuery;
        this.businessHours = businessHours;
        this.staff = staff;
        this.bodies = bodies;
        this.clock = clock;
    }

    record Window(
            @NotBlank(message = "validation.required") @Size(max = 5, message = "validation.too_long")
            String opens,

            @NotBlank(message = "validation.required") @Size(max = 5, message = "validation.too_long")
            String closes) {}

    record HoursRequest(
            @NotNull(message = "validation.required") @Size(max = 7, message = "validation.too_many")
            Map<
                            String,
                            @NotNull(message = "validation.required") @Size(max = 12, message = "validation.too_many")
                                    List<
                                    @Valid @NotNull(message = "validation.required") Window>>
                    hours) {}

    /** A provider's hours; {@code hours} null means they work whenever the business is open. */
    record StaffHoursRequest(
            @Size(max = 7, message = "validation.too_many")
            Map<
                            String,
                            @NotNull(message = "validation.required") @Size(max = 12, message = "validation.too_many")
                                    List<
                                    @Valid @NotNull(message = "validation.required") Window>>
                    hours) {}

    record HoursResponse(UUID business, String timezone, Map<String, List<Window>> hours) {}

    record SpecialDayRequest(
            @Size(max = 12, message = "validation.too_many")
            List<@Valid @NotNull(message = "validation.required") Window> windows,

            @Size(max = 200, message = "validation.too_long")
            String reason) {}

    record SpecialDayView(LocalDate date, UUID provider, boolean closed, List<Window> windows, String reason) {
        static SpecialDayView of(SpecialDay d) {
            return new SpecialDayView(
                    d.date(),
                    d.provider().map(ProviderId::value).orElse(null),
                    d.isClosed(),
                    windowViews(d.windows()),
                    d.reason());
        }
    }

    record StaffRequest(
            @NotBlank(message = "validation.required") @Size(max = 150, message = "validation.too_long")
            String displayName,

            UUID userId) {}

    record StaffUpdateRequest(
            @Size(max = 150, message = "validation.too_long")
            String displayName,

            Boolean active) {}

    record StaffView(UUID id, UUID userId, String displayName, boolean active, Map<String, List<Window>> hours) {
        static StaffView of(Provider p) {
            return new StaffView(
                    p.id().value(),
                    p.userId().map(UserId::value).orElse(null),
                    p.displayName(),
                    p.active(),
                    p.workingHours().map(ScheduleRoutes::days).orElse(null));
        }
    }

    record TimeOffRequest(
            @NotBlank(message = "validation.required") @Size(max = 40, message = "validation.too_long")
            String from,

            @NotBlank(message = "validation.required") @Size(max = 40, message = "validation.too_long")
            String to,

            @Size(max = 200, message = "validation.too_long")
            String reason) {}

    record TimeOffView(UUID id, UUID provider, OffsetDateTime from, OffsetDateTime to, String reason) {
        static TimeOffView of(TimeOff t, ZoneId zone) {
            return new TimeOffView(
                    t.id(),
                    t.provider().value(),
                    Views.at(t.period().start(), zone),
                    Views.at(t.period().end(), zone),
                    t.reason());
        }
    }

    void hours(Context ctx) {
        BusinessId business = BusinessRoutes.id(ctx);
        var hours = businessHours.get(RequestContext.member(ctx), business);
        ctx.json(new HoursResponse(business.value(), hours.zone().getId(), days(hours.weekly())));
    }

    void setHours(Context ctx) {
        BusinessId business = BusinessRoutes.id(ctx);
        HoursRequest request = bodies.read(ctx, HoursRequest.class);
        var hours = businessHours.setWeeklyHours(RequestContext.member(ctx), business, weekly(request.hours()));
        ctx.json(new HoursResponse(business.value(), hours.zone().getId(), days(hours.weekly())));
    }

    void specialDays(Context ctx) {
        BusinessId business = BusinessRoutes.id(ctx);
        Actor member = RequestContext.member(ctx);
        LocalDate from = Params.optionalDate(ctx, "from").orElseGet(() -> today(member, business));
        LocalDate to = Params.optionalDate(ctx, "to").orElse(from.plusDays(365));
        Pages.respond(
                ctx,
                businessHours.specialDays(member, business, from, to).stream()
                        .map(SpecialDayView::of)
                        .toList());
    }

    void saveSpecialDay(Context ctx) {
        saveSpecialDay(ctx, Optional.empty());
    }

    void saveStaffSpecialDay(Context ctx) {
        saveSpecialDay(ctx, Optional.of(providerId(ctx)));
    }

    private void saveSpecialDay(Context ctx, Optional<ProviderId> provider) {
        BusinessId business = BusinessRoutes.id(ctx);
        LocalDate date = Params.pathDate(ctx, "date");
        SpecialDayRequest request = bodies.read(ctx, SpecialDayRequest.class);
        List<OpeningWindow> windows = new ArrayList<>();
        for (Window w : Optional.ofNullable(request.windows()).orElse(List.of())) {
            windows.add(OpeningWindow.of(w.opens(), w.closes()));
        }
        SpecialDay saved = businessHours.saveSpecialDay(
                RequestContext.member(ctx), business, new SpecialDay(provider, date, windows, request.reason()));
        ctx.json(SpecialDayView.of(saved));
    }

    void removeSpecialDay(Context ctx) {
        businessHours.removeSpecialDay(
                RequestContext.member(ctx), BusinessRoutes.id(ctx), Optional.empty(), Params.pathDate(ctx, "date"));
        ctx.status(204);
    }

    void removeStaffSpecialDay(Context ctx) {
        businessHours.removeSpecialDay(
                RequestContext.member(ctx),
                BusinessRoutes.id(ctx),
                Optional.of(providerId(ctx)),
                Params.pathDate(ctx, "date"));
        ctx.status(204);
    }

    void staff(Context ctx) {
        Pages.respond(
                ctx,
                staff.list(RequestContext.member(ctx), BusinessRoutes.id(ctx)).stream()
                        .map(StaffView::of)
                        .toList());
    }

    void addStaff(Context ctx) {
        BusinessId business = BusinessRoutes.id(ctx);
        StaffRequest request = bodies.read(ctx, StaffRequest.class);
        Provider provider = staff.create(
                RequestContext.member(ctx),
                business,
                request.displayName(),
                Optional.ofNullable(request.userId()).map(UserId::new));
        ctx.status(201).json(StaffView.of(provider));
    }

    void updateStaff(Context ctx) {
        BusinessId business = BusinessRoutes.id(ctx);
        ProviderId provider = providerId(ctx);
        StaffUpdateRequest request = bodies.read(ctx, StaffUpdateRequest.class);
        ctx.json(StaffView.of(staff.update(
                RequestContext.member(ctx),
                business,
                provider,
                Optional.ofNullable(request.displayName()),
                Optional.ofNullable(request.active()))));
    }

    void staffHours(Context ctx) {
        BusinessId business = BusinessRoutes.id(ctx);
        ProviderId provider = providerId(ctx);
        Provider found = staff.list(RequestContext.member(ctx), business).stream()
                .filter(p -> p.id().equals(provider))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("provider"));
        ctx.json(StaffView.of(found));
    }

    void setStaffHours(Context ctx) {
        BusinessId business = BusinessRoutes.id(ctx);
        ProviderId provider = providerId(ctx);
        StaffHoursRequest request = bodies.read(ctx, StaffHoursRequest.class);
        Provider updated = staff.setWorkingHours(
                RequestContext.member(ctx),
                business,
                provider,
                Optional.ofNullable(request.hours()).map(ScheduleRoutes::weekly));
        ctx.json(StaffView.of(updated));
    }

    void timeOff(Context ctx) {
        BusinessId business = BusinessRoutes.id(ctx);
        Actor member = RequestContext.member(ctx);
        Business found = businessQuery.get(member, business);
        ZoneId zone = found.zone();
        LocalDate from = Params.optionalDate(ctx, "from").orElseGet(() -> today(member, business));
        LocalDate to = Params.optionalDate(ctx, "to").orElse(from.plusDays(90));
        Optional<ProviderId> provider = Params.optionalUuid(ctx, "provider").map(ProviderId::new);
        Pages.respond(
                ctx,
                staff
                        .timeOff(
                                member,
                                business,
                                TimeRange.startOfDay(from, zone),
                                // not TimeRange.days: a period that ends before it starts is the use case's to refuse
                                TimeRange.startOfDay(to.plusDays(1), zone),
                                provider)
                        .stream()
                        .map(t -> TimeOffView.of(t, zone))
                        .toList());
    }

    void addTimeOff(Context ctx) {
        BusinessId business = BusinessRoutes.id(ctx);
        ProviderId provider = providerId(ctx);
        Actor member = RequestContext.member(ctx);
        ZoneId zone = businessQuery.get(member, business).zone();
        TimeOffRequest request = bodies.read(ctx, TimeOffRequest.class);
        TimeOff added = staff.addTimeOff(
                member,
                business,
                provider,
                Params.instant("from", request.from(), zone),
                Params.instant("to", request.to(), zone),
                request.reason());
        ctx.status(201).json(TimeOffView.of(added, zone));
    }

    void removeTimeOff(Context ctx) {
        staff.removeTimeOff(RequestContext.member(ctx), BusinessRoutes.id(ctx), Params.pathUuid(ctx, "time_off"));
        ctx.status(204);
    }

    private LocalDate today(Actor actor, BusinessId business) {
        return LocalDate.now(clock.withZone(businessQuery.get(actor, business).zone()));
    }

    private static ProviderId providerId(Context ctx) {
        return new ProviderId(Params.pathUuid(ctx, "provider"));
    }

    static WeeklyHours weekly(Map<String, List<Window>> hours) {
        Map<DayOfWeek, List<OpeningWindow>> days = new EnumMap<>(DayOfWeek.class);
        hours.forEach((name, windows) -> {
            List<OpeningWindow> parsed = new ArrayList<>();
            for (Window w : windows) {
                parsed.add(OpeningWindow.of(w.opens(), w.closes()));
            }
            days.put(day(name), parsed);
        });
        return WeeklyHours.of(days);
    }

    private static DayOfWeek day(String name) {
        try {
            return DayOfWeek.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.field("hours." + name, "unknown_day", "request.unknown_day");
        }
    }

    static Map<String, List<Window>> days(WeeklyHours weekly) {
        Map<String, List<Window>> days = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day.name().toLowerCase(Locale.ROOT), windowViews(weekly.on(day)));
        }
        return days;
    }

    private static List<Window> windowViews(List<OpeningWindow> windows) {
        return windows.stream()
                .map(w -> new Window(OpeningWindow.format(w.opens(), false), OpeningWindow.format(w.closes(), true)))
                .toList();
    }
}
