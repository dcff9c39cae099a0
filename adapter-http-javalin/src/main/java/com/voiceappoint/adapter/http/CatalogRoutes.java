package com.voiceappoint.adapter.http;

import com.voiceappoint.application.port.in.CreateServiceUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.schedule.ProviderId;
import io.javalin.http.Context;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The services a business sells. */
final class CatalogRoutes {
    private final UseCases app;
    private final Bodies bodies;

    CatalogRoutes(UseCases app, Bodies bodies) {
        this.app = app;
        this.bodies = bodies;
    }

    record CreateServiceRequest(
            @NotNull(message = "validation.required") UUID business,

            @NotBlank(message = "validation.required") @Size(max = 200, message = "validation.too_long")
            String name,

            @Size(max = 2000, message = "validation.too_long")
            String description,

            @NotNull(message = "validation.required") Integer durationMinutes,
            @NotNull(message = "validation.required") BigDecimal price,
            Integer bufferBeforeMinutes,
            Integer bufferAfterMinutes,
            Boolean voiceBookingEnabled,

            @Size(max = 100, message = "validation.too_many")
            List<@NotNull(message = "validation.required") UUID> providerIds,

            BigDecimal deposit) {}

    void list(Context ctx) {
        BusinessId business = new BusinessId(Params.requiredUuid(ctx, "business"));
        boolean includeInactive = Params.flag(ctx, "include_inactive");
        ctx.json(Map.of(
                "results",
                app.listServices().list(RequestContext.member(ctx), business, includeInactive).stream()
                        .map(Views.ServiceView::of)
                        .toList()));
    }

    void create(Context ctx) {
        CreateServiceRequest request = bodies.read(ctx, CreateServiceRequest.class);
        var service = app.createService()
                .create(new CreateServiceUseCase.Command(
                        RequestContext.member(ctx),
                        new BusinessId(request.business()),
                        request.name(),
                        request.description(),
                        request.durationMinutes(),
                        request.price(),
                        Optional.ofNullable(request.bufferBeforeMinutes()).orElse(0),
                        Optional.ofNullable(request.bufferAfterMinutes()).orElse(0),
                        Optional.ofNullable(request.voiceBookingEnabled()).orElse(true),
                        Optional.ofNullable(request.providerIds()).orElse(List.of()).stream()
                                .map(ProviderId::new)
                                .collect(Collectors.toSet()),
                        Optional.ofNullable(request.deposit())));
        ctx.status(201).json(Views.ServiceView.of(service));
    }
}
