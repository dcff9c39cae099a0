package com.voiceappoint.adapter.http;

import com.voiceappoint.adapter.http.problem.InvalidRequestException;
import com.voiceappoint.application.port.in.CreateServiceUseCase;
import com.voiceappoint.application.port.in.ListServicesQuery;
import com.voiceappoint.application.port.in.ManageServicesUseCase;
import com.voiceappoint.application.port.in.ServiceCategoriesUseCase;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.ServiceCategory;
import com.voiceappoint.domain.catalog.ServiceCategoryId;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.schedule.ProviderId;
import io.javalin.http.Context;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The services a business sells, and the categories grouping them. */
final class CatalogRoutes {
    private final CreateServiceUseCase createService;
    private final ListServicesQuery listServices;
    private final ManageServicesUseCase services;
    private final ServiceCategoriesUseCase categories;
    private final Bodies bodies;

    CatalogRoutes(
            CreateServiceUseCase createService,
            ListServicesQuery listServices,
            ManageServicesUseCase services,
            ServiceCategoriesUseCase categories,
            Bodies bodies) {
        this.createService = createService;
        this.listServices = listServices;
        this.services = services;
        this.categories = categories;
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
            UUID category,

            @Size(max = 100, message = "validation.too_many")
            List<@NotNull(message = "validation.required") UUID> providerIds,

            BigDecimal deposit) {}

    /** Fields left out (or null) keep their value; {@code category} "" removes the category. */
    record UpdateServiceRequest(
            @Size(max = 200, message = "validation.too_long")
            String name,

            @Size(max = 2000, message = "validation.too_long")
            String description,

            Integer durationMinutes,
            BigDecimal price,
            Integer bufferBeforeMinutes,
            Integer bufferAfterMinutes,
            Boolean voiceBookingEnabled,
            Boolean active,
            @Size(max = 36, message = "validation.too_long") String category,

            @Size(max = 100, message = "validation.too_many")
            List<@NotNull(message = "validation.required") UUID> providerIds,

            BigDecimal deposit) {}

    record CategoryRequest(
            @Size(max = 100, message = "validation.too_long")
            String name,

            Integer position) {}

    record CreateCategoryRequest(
            @NotNull(message = "validation.required") UUID business,

            @NotBlank(message = "validation.required") @Size(max = 100, message = "validation.too_long")
            String name,

            Integer position) {}

    record CategoryView(UUID id, UUID business, String name, int position) {
        static CategoryView of(ServiceCategory c) {
            return new CategoryView(c.id().value(), c.businessId().value(), c.name(), c.position());
        }
    }

    void list(Context ctx) {
        BusinessId business = new BusinessId(Params.requiredUuid(ctx, "business"));
        boolean includeInactive = Params.flag(ctx, "include_inactive");
        Pages.respond(
                ctx,
                listServices.list(RequestContext.member(ctx), business, includeInactive).stream()
                        .map(Views.ServiceView::of)
                        .toList());
    }

    void create(Context ctx) {
        CreateServiceRequest request = bodies.read(ctx, CreateServiceRequest.class);
        var service = createService.create(CreateServiceUseCase.Command.builder(
                        RequestContext.member(ctx),
                        new BusinessId(request.business()),
                        request.name(),
                        request.durationMinutes(),
                        request.price())
                .description(request.description())
                .bufferBeforeMinutes(
                        Optional.ofNullable(request.bufferBeforeMinutes()).orElse(0))
                .bufferAfterMinutes(
                        Optional.ofNullable(request.bufferAfterMinutes()).orElse(0))
                .voiceBookingEnabled(
                        Optional.ofNullable(request.voiceBookingEnabled()).orElse(true))
                .category(Optional.ofNullable(request.category()).map(ServiceCategoryId::new))
                .providers(providers(request.providerIds()).orElse(Set.of()))
                .deposit(Optional.ofNullable(request.deposit()))
                .build());
        ctx.status(201).json(Views.ServiceView.of(service));
    }

    void get(Context ctx) {
        ctx.json(Views.ServiceView.of(services.get(RequestContext.member(ctx), serviceId(ctx))));
    }

    void update(Context ctx) {
        ServiceId id = serviceId(ctx);
        UpdateServiceRequest r = bodies.read(ctx, UpdateServiceRequest.class);
        var service = services.update(
                RequestContext.member(ctx),
                id,
                new ManageServicesUseCase.Changes(
                        Optional.ofNullable(r.name()),
                        Optional.ofNullable(r.description()),
                        Optional.ofNullable(r.durationMinutes()),
                        Optional.ofNullable(r.price()),
                        Optional.ofNullable(r.bufferBeforeMinutes()),
                        Optional.ofNullable(r.bufferAfterMinutes()),
                        Optional.ofNullable(r.voiceBookingEnabled()),
                        Optional.ofNullable(r.active()),
                        Optional.ofNullable(r.category()).map(CatalogRoutes::category),
                        providers(r.providerIds()),
                        Optional.ofNullable(r.deposit())));
        ctx.json(Views.ServiceView.of(service));
    }

    /** 204 when the service is gone; 200 with the deactivated service when its appointments keep it. */
    void delete(Context ctx) {
        ServiceId id = serviceId(ctx);
        var removal = services.remove(RequestContext.member(ctx), id);
        if (removal == ManageServicesUseCase.Removal.DELETED) {
            ctx.status(204);
        } else {
            ctx.json(Views.ServiceView.of(services.get(RequestContext.member(ctx), id)));
        }
    }

    void categories(Context ctx) {
        BusinessId business = new BusinessId(Params.requiredUuid(ctx, "business"));
        Pages.respond(
                ctx,
                categories.list(RequestContext.member(ctx), business).stream()
                        .map(CategoryView::of)
                        .toList());
    }

    void createCategory(Context ctx) {
        CreateCategoryRequest r = bodies.read(ctx, CreateCategoryRequest.class);
        var category = categories.create(
                RequestContext.member(ctx), new BusinessId(r.business()), r.name(), Optional.ofNullable(r.position()));
        ctx.status(201).json(CategoryView.of(category));
    }

    void updateCategory(Context ctx) {
        ServiceCategoryId id = new ServiceCategoryId(Params.pathUuid(ctx, "id"));
        CategoryRequest r = bodies.read(ctx, CategoryRequest.class);
        ctx.json(CategoryView.of(categories.update(
                RequestContext.member(ctx), id, Optional.ofNullable(r.name()), Optional.ofNullable(r.position()))));
    }

    void deleteCategory(Context ctx) {
        categories.remove(RequestContext.member(ctx), new ServiceCategoryId(Params.pathUuid(ctx, "id")));
        ctx.status(204);
    }

    private static ServiceId serviceId(Context ctx) {
        return new ServiceId(Params.pathUuid(ctx, "id"));
    }

    private static Optional<Set<ProviderId>> providers(List<UUID> ids) {
        return Optional.ofNullable(ids)
                .map(list -> list.stream().map(ProviderId::new).collect(Collectors.toSet()));
    }

    private static Optional<ServiceCategoryId> category(String value) {
        if (value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ServiceCategoryId(UUID.fromString(value)));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.field("category", "wrong_type", "request.id_expected");
        }
    }
}
