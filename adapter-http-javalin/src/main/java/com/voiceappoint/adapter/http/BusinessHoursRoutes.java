package com.voiceappoint.adapter.http;

import com.voiceappoint.adapter.http.problem.InvalidRequestException;
import com.voiceappoint.application.port.in.BusinessHoursUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.WeeklyHours;
import io.javalin.http.Context;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A business's weekly opening hours: every day listed, a closed day as an empty list. */
final class BusinessHoursRoutes {
    private final UseCases app;
    private final Bodies bodies;

    BusinessHoursRoutes(UseCases app, Bodies bodies) {
        this.app = app;
        this.bodies = bodies;
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

    record HoursResponse(UUID business, String timezone, Map<String, List<Window>> hours) {}

    void get(Context ctx) {
        BusinessId business = new BusinessId(Params.pathUuid(ctx, "id"));
        ctx.json(view(business, app.businessHours().get(RequestContext.member(ctx), business)));
    }

    void put(Context ctx) {
        BusinessId business = new BusinessId(Params.pathUuid(ctx, "id"));
        HoursRequest request = bodies.read(ctx, HoursRequest.class);
        Map<DayOfWeek, List<OpeningWindow>> days = new EnumMap<>(DayOfWeek.class);
        request.hours().forEach((name, windows) -> {
            List<OpeningWindow> parsed = new ArrayList<>();
            for (Window w : windows) {
                parsed.add(OpeningWindow.of(w.opens(), w.closes()));
            }
            days.put(day(name), parsed);
        });
        ctx.json(view(
                business,
                app.businessHours().setWeeklyHours(RequestContext.member(ctx), business, WeeklyHours.of(days))));
    }

    private static DayOfWeek day(String name) {
        try {
            return DayOfWeek.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.field("hours." + name, "unknown_day", "request.unknown_day");
        }
    }

    private static HoursResponse view(BusinessId business, BusinessHoursUseCase.BusinessHours hours) {
        Map<String, List<Window>> days = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(
                    day.name().toLowerCase(Locale.ROOT),
                    hours.weekly().on(day).stream()
                            .map(w -> new Window(
                                    OpeningWindow.format(w.opens(), false), OpeningWindow.format(w.closes(), true)))
                            .toList());
        }
        return new HoursResponse(business.value(), hours.zone().getId(), days);
    }
}
