package com.voiceappoint.adapter.http;

import com.voiceappoint.application.port.in.BusinessSettingsUseCase;
import com.voiceappoint.application.port.in.GetBusinessQuery;
import com.voiceappoint.application.port.in.ManageBusinessesUseCase;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.DashboardConfig;
import com.voiceappoint.domain.business.OnboardingStatus;
import io.javalin.http.Context;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A member's businesses, their settings, their dashboard configuration and their onboarding. */
final class BusinessRoutes {
    private final GetBusinessQuery businessQuery;
    private final ManageBusinessesUseCase businesses;
    private final BusinessSettingsUseCase settings;
    private final Bodies bodies;

    BusinessRoutes(
            GetBusinessQuery businessQuery,
            ManageBusinessesUseCase businesses,
            BusinessSettingsUseCase settings,
            Bodies bodies) {
        this.businessQuery = businessQuery;
        this.businesses = businesses;
        this.settings = settings;
        this.bodies = bodies;
    }

    record CreateBusinessRequest(
            @NotBlank(message = "validation.required") @Size(max = 200, message = "validation.too_long")
            String name,

            @NotBlank(message = "validation.required") @Size(max = 40, message = "validation.too_long")
            String businessType,

            @Size(max = 10, message = "validation.too_long") String language,

            @NotBlank(message = "validation.required") @Size(max = 64, message = "validation.too_long")
            String timezone,

            @NotBlank(message = "validation.required") @Size(max = 3, message = "validation.too_long")
            String currency,

            @Size(max = 2, message = "validation.too_long") String country) {}

    /** Fields left out (or null) keep their value. */
    record UpdateBusinessRequest(
            @Size(max = 200, message = "validation.too_long")
            String name,

            @Size(max = 40, message = "validation.too_long") String businessType,
            @Size(max = 10, message = "validation.too_long") String language,
            @Size(max = 64, message = "validation.too_long") String timezone,
            @Size(max = 3, message = "validation.too_long") String currency,
            @Size(max = 2, message = "validation.too_long") String country,
            Boolean allowVoiceBooking,
            Integer slotStepMinutes,
            Integer minimumNoticeMinutes,
            Integer maximumAdvanceDays,
            Integer cancellationCutoffMinutes,
            Integer holdMinutes) {}

    record DashboardRequest(
            @Size(max = 10, message = "validation.too_long") String defaultView,
            Integer firstDayOfWeek,
            Boolean showCancelled) {}

    record DashboardView(UUID business, String defaultView, int firstDayOfWeek, boolean showCancelled) {
        static DashboardView of(DashboardConfig c) {
            return new DashboardView(
                    c.businessId().value(),
                    c.defaultView().code(),
                    c.firstDayOfWeek().getValue(),
                    c.showCancelled());
        }
    }

    record OnboardingRequest(
            @NotNull(message = "validation.required") @Size(max = 20, message = "validation.too_many")
            Map<String, @NotNull(message = "validation.required") Boolean> steps) {}

    record OnboardingView(UUID business, List<String> completed, List<String> remaining, boolean complete) {
        static OnboardingView of(OnboardingStatus s) {
            return new OnboardingView(
                    s.businessId().value(),
                    s.completed().stream()
                            .map(OnboardingStatus.Step::code)
                            .sorted()
                            .toList(),
                    Arrays.stream(OnboardingStatus.Step.values())
                            .filter(step -> !s.completed().contains(step))
                            .map(OnboardingStatus.Step::code)
                            .toList(),
                    s.isComplete());
        }
    }

    record MineView(Views.BusinessView business, String role) {}

    void list(Context ctx) {
        Pages.respond(
                ctx,
                businesses.mine(RequestContext.member(ctx)).stream()
                        .map(m -> new MineView(
                                Views.BusinessView.of(m.business()), m.role().code()))
                        .toList());
    }

    void create(Context ctx) {
        CreateBusinessRequest r = bodies.read(ctx, CreateBusinessRequest.class);
        var business = businesses.create(
                RequestContext.member(ctx),
                new ManageBusinessesUseCase.NewBusiness(
                        r.name(), r.businessType(), r.language(), r.timezone(), r.currency(), r.country()));
        ctx.status(201).json(Views.BusinessView.of(business));
    }

    void get(Context ctx) {
        ctx.json(Views.BusinessView.of(businessQuery.get(RequestContext.member(ctx), id(ctx))));
    }

    void update(Context ctx) {
        BusinessId id = id(ctx);
        UpdateBusinessRequest r = bodies.read(ctx, UpdateBusinessRequest.class);
        var business = businesses.update(
                RequestContext.member(ctx),
                id,
                new ManageBusinessesUseCase.Changes(
                        Optional.ofNullable(r.name()),
                        Optional.ofNullable(r.businessType()),
                        Optional.ofNullable(r.language()),
                        Optional.ofNullable(r.timezone()),
                        Optional.ofNullable(r.currency()),
                        Optional.ofNullable(r.country()),
                        Optional.ofNullable(r.allowVoiceBooking()),
                        Optional.ofNullable(r.slotStepMinutes()),
                        Optional.ofNullable(r.minimumNoticeMinutes()),
                        Optional.ofNullable(r.maximumAdvanceDays()),
                        Optional.ofNullable(r.cancellationCutoffMinutes()),
                        Optional.ofNullable(r.holdMinutes())));
        ctx.json(Views.BusinessView.of(business));
    }

    void delete(Context ctx) {
        businesses.delete(RequestContext.member(ctx), id(ctx));
        ctx.status(204);
    }

    void dashboard(Context ctx) {
        ctx.json(DashboardView.of(settings.dashboard(RequestContext.member(ctx), id(ctx))));
    }

    void updateDashboard(Context ctx) {
        BusinessId id = id(ctx);
        DashboardRequest r = bodies.read(ctx, DashboardRequest.class);
        ctx.json(DashboardView.of(settings.updateDashboard(
                RequestContext.member(ctx),
                id,
                Optional.ofNullable(r.defaultView()),
                Optional.ofNullable(r.firstDayOfWeek()),
                Optional.ofNullable(r.showCancelled()))));
    }

    void onboarding(Context ctx) {
        ctx.json(OnboardingView.of(settings.onboarding(RequestContext.member(ctx), id(ctx))));
    }

    void updateOnboarding(Context ctx) {
        BusinessId id = id(ctx);
        OnboardingRequest r = bodies.read(ctx, OnboardingRequest.class);
        ctx.json(OnboardingView.of(settings.updateOnboarding(RequestContext.member(ctx), id, r.steps())));
    }

    static BusinessId id(Context ctx) {
        return new BusinessId(Params.pathUuid(ctx, "id"));
    }
}
