package com.voiceappoint.adapter.http.web;

import com.voiceappoint.application.error.DuplicateKeyException;
import com.voiceappoint.application.port.in.CreateServiceUseCase;
import com.voiceappoint.application.port.in.ListServicesQuery;
import com.voiceappoint.application.port.in.ManageServicesUseCase;
import com.voiceappoint.application.port.in.ServiceCategoriesUseCase;
import com.voiceappoint.application.port.in.StaffUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceCategory;
import com.voiceappoint.domain.catalog.ServiceCategoryId;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.shared.InvalidValueException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /dashboard/{slug}/services}: the catalogue and its categories, changed by those who may change it (the REST
 * API's catalogue rules, through the same use cases). A form sent with mistakes comes back with the member's input
 * and the mistakes beside their fields, and nothing stored.
 */
final class ServicePages implements PageGroup {
    static final String SECTION = "services";
    private static final Set<String> DONE = Set.of(
            "service_created",
            "service_saved",
            "service_deleted",
            "service_deactivated",
            "category_created",
            "category_saved",
            "category_deleted");
    /** The fields of a service's form, named as the domain names them, so its refusals land beside them. */
    private static final List<String> SERVICE_FIELDS = List.of(
            "name",
            "description",
            "durationMinutes",
            "price",
            "bufferBeforeMinutes",
            "bufferAfterMinutes",
            "category",
            "providers");

    private final WebPages pages;
    private final Dashboards dashboards;
    private final CreateServiceUseCase createService;
    private final ListServicesQuery listServices;
    private final ManageServicesUseCase services;
    private final ServiceCategoriesUseCase categories;
    private final StaffUseCase staff;

    ServicePages(WebPages pages, Dashboards dashboards, UseCases useCases) {
        this.pages = pages;
        this.dashboards = dashboards;
        this.createService = useCases.createService();
        this.listServices = useCases.listServices();
        this.services = useCases.services();
        this.categories = useCases.categories();
        this.staff = useCases.staff();
    }

    @Override
    public void addTo(WebPages pages) {
        String base = "/dashboard/{" + Dashboards.SLUG + "}/services";
        pages.get(base, this::list);
        pages.post(base, this::create);
        // before base/{id}: routes match in the order they are added
        pages.post(base + "/categories", this::createCategory);
        pages.post(base + "/categories/{id}", this::renameCategory);
        pages.post(base + "/categories/{id}/move", this::moveCategory);
        pages.post(base + "/categories/{id}/remove", this::removeCategory);
        pages.get(base + "/{id}", this::edit);
        pages.post(base + "/{id}", this::update);
        pages.post(base + "/{id}/remove", this::remove);
    }

    private Catalogue catalogue(Workplace w) {
        return new Catalogue(
                listServices.list(w.member(), w.business().id(), true),
                categories.list(w.member(), w.business().id()),
                staff.list(w.member(), w.business().id()));
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
                "dashboard/services.jte",
                Map.of(
                        "w", w,
                        "f", BusinessFormats.of(w),
                        "form", form,
                        "catalogue", catalogue(w),
                        "done", Guards.done(ctx, DONE)));
    }

    private void showService(Context ctx, Workplace w, Service service, FilledForm form) {
        if (form.hasErrors()) {
            ctx.status(422);
        }
        pages.render(
                ctx,
                "dashboard/service.jte",
                Map.of(
                        "w", w,
                        "f", BusinessFormats.of(w),
                        "form", form,
                        "service", service,
                        "catalogue", catalogue(w)));
    }

    private void create(Context ctx) {
        Workplace w = dashboards.open(ctx, SECTION);
        Guards.require(w, Permission.MANAGE_CATALOG);
        FilledForm form = FilledForm.sent(ctx, "service");
        Catalogue catalogue = catalogue(w);
        var name = form.required("name", Service.MAX_NAME_LENGTH);
        var description = form.optional("description", Service.MAX_DESCRIPTION_LENGTH);
        var duration = form.number("durationMinutes", Optional.empty());
        var price = form.amount("price");
        var before = form.number("bufferBeforeMinutes", Optional.of(0));
        var after = form.number("bufferAfterMinutes", Optional.of(0));
        var category = category(form, catalogue);
        var providers = providers(form, catalogue);
        if (form.hasErrors()) {
            showList(ctx, w, form);
            return;
        }
        try {
            createService.create(CreateServiceUseCase.Command.builder(
                            w.member(), w.business().id(), name.get(), duration.get(), price.get())
                    .description(description.get())
                    .bufferBeforeMinutes(before.get())
                    .bufferAfterMinutes(after.get())
                    .voiceBookingEnabled(form.ticked("voiceBookingEnabled", true))
                    .category(category.get())
                    .providers(providers.get())
                    .build());
        } catch (DuplicateKeyException e) {
            form.reject("name", "setup.error.duplicate_service");
        } catch (InvalidValueException e) {
            form.reject(e, SERVICE_FIELDS);
        }
        if (form.hasErrors()) {
            showList(ctx, w, form);
            return;
        }
        WebPages.redirect(ctx, w.at(SECTION) + "?done=service_created");
    }

    private void edit(Context ctx) {
        Workplace w = dashboards.open(ctx, SECTION);
        showService(ctx, w, service(ctx, w), FilledForm.none());
    }

    private void update(Context ctx) {
        Workplace w = dashboards.open(ctx, SECTION);
        Guards.require(w, Permission.MANAGE_CATALOG);
        Service service = service(ctx, w);
        FilledForm form = FilledForm.sent(ctx, "service");
        Catalogue catalogue = catalogue(w);
        var name = form.required("name", Service.MAX_NAME_LENGTH);
        var description = form.optional("description", Service.MAX_DESCRIPTION_LENGTH);
        var duration = form.number("durationMinutes", Optional.empty());
        var price = form.amount("price");
        var before = form.number("bufferBeforeMinutes", Optional.of(0));
        var after = form.number("bufferAfterMinutes", Optional.of(0));
        var category = category(form, catalogue);
        var providers = providers(form, catalogue);
        if (form.hasErrors()) {
            showService(ctx, w, service, form);
            return;
        }
        try {
            services.update(
                    w.member(),
                    service.id(),
                    new ManageServicesUseCase.Changes(
                            name,
                            description,
                            duration,
                            price,
                            before,
                            after,
                            Optional.of(form.ticked("voiceBookingEnabled", true)),
                            Optional.of(form.ticked("active", true)),
                            Optional.of(category.get()),
                            Optional.of(providers.get()),
                            Optional.<BigDecimal>empty()));
        } catch (DuplicateKeyException e) {
            form.reject("name", "setup.error.duplicate_service");
        } catch (InvalidValueException e) {
            form.reject(e, SERVICE_FIELDS);
        }
        if (form.hasErrors()) {
            showService(ctx, w, service, form);
            return;
        }
        WebPages.redirect(ctx, w.at(SECTION) + "?done=service_saved");
    }

    private void remove(Context ctx) {
        Workplace w = dashboards.open(ctx, SECTION);
        Guards.require(w, Permission.MANAGE_CATALOG);
        var removal = services.remove(w.member(), service(ctx, w).id());
        WebPages.redirect(
                ctx,
                w.at(SECTION) + "?done="
                        + (removal == ManageServicesUseCase.Removal.DELETED
                                ? "service_deleted"
                                : "service_deactivated"));
    }

    private void createCategory(Context ctx) {
        Workplace w = dashboards.open(ctx, SECTION);
        Guards.require(w, Permission.MANAGE_CATALOG);
        FilledForm form = FilledForm.sent(ctx, "category");
        var name = form.required("name", 100);
        if (!form.hasErrors()) {
            try {
                categories.create(w.member(), w.business().id(), name.get(), Optional.empty());
            } catch (DuplicateKeyException e) {
                form.reject("name", "setup.error.duplicate_category");
            } catch (InvalidValueException e) {
                form.reject(e, List.of("name"));
            }
        }
        if (form.hasErrors()) {
            showList(ctx, w, form);
            return;
        }
        WebPages.redirect(ctx, w.at(SECTION) + "?done=category_created#categories");
    }

    private void renameCategory(Context ctx) {
        Workplace w = dashboards.open(ctx, SECTION);
        Guards.require(w, Permission.MANAGE_CATALOG);
        ServiceCategory category = category(ctx, w);
        FilledForm form = FilledForm.sent(ctx, "category-" + category.id().value());
        var name = form.required("name", 100);
        if (!form.hasErrors()) {
            try {
                categories.update(w.member(), category.id(), name, Optional.empty());
            } catch (DuplicateKeyException e) {
                form.reject("name", "setup.error.duplicate_category");
            } catch (InvalidValueException e) {
                form.reject(e, List.of("name"));
            }
        }
        if (form.hasErrors()) {
            showList(ctx, w, form);
            return;
        }
        WebPages.redirect(ctx, w.at(SECTION) + "?done=category_saved#categories");
    }

    /**
     * Moves a category one place up or down: the list is numbered again from 0, so categories added with the same
     * position through the REST API get an order of their own too.
     */
    private void moveCategory(Context ctx) {
        Workplace w = dashboards.open(ctx, SECTION);
        Guards.require(w, Permission.MANAGE_CATALOG);
        ServiceCategory moved = category(ctx, w);
        String direction = ctx.formParam("direction");
        if (!"up".equals(direction) && !"down".equals(direction)) {
            throw new PageException(HttpStatus.BAD_REQUEST, "error.bad_request");
        }
        List<ServiceCategory> order =
                new ArrayList<>(categories.list(w.member(), w.business().id()));
        int from = order.indexOf(moved);
        int to = from + ("up".equals(direction) ? -1 : 1);
        if (from >= 0 && to >= 0 && to < order.size()) {
            order.add(to, order.remove(from));
            for (int position = 0; position < order.size(); position++) {
                ServiceCategory category = order.get(position);
                if (category.position() != position) {
                    categories.update(w.member(), category.id(), Optional.empty(), Optional.of(position));
                }
            }
        }
        WebPages.redirect(ctx, w.at(SECTION) + "?done=category_saved#categories");
    }

    private void removeCategory(Context ctx) {
        Workplace w = dashboards.open(ctx, SECTION);
        Guards.require(w, Permission.MANAGE_CATALOG);
        categories.remove(w.member(), category(ctx, w).id());
        WebPages.redirect(ctx, w.at(SECTION) + "?done=category_deleted#categories");
    }

    /** The service in the path, among this business's own: any other id is not found, even another of the member's. */
    private Service service(Context ctx, Workplace w) {
        ServiceId id = new ServiceId(Guards.id(ctx, "id"));
        return listServices.list(w.member(), w.business().id(), true).stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow(PageException::notFound);
    }

    private ServiceCategory category(Context ctx, Workplace w) {
        ServiceCategoryId id = new ServiceCategoryId(Guards.id(ctx, "id"));
        return categories.list(w.member(), w.business().id()).stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow(PageException::notFound);
    }

    /** The category chosen, one of this business's, or none. */
    private static Optional<Optional<ServiceCategoryId>> category(FilledForm form, Catalogue catalogue) {
        Optional<UUID> chosen = form.id("category");
        if (form.error("category") != null) {
            return Optional.empty();
        }
        if (chosen.isEmpty()) {
            return Optional.of(Optional.empty());
        }
        Optional<ServiceCategoryId> id = catalogue.categories().stream()
                .map(ServiceCategory::id)
                .filter(c -> c.value().equals(chosen.get()))
                .findFirst();
        if (id.isEmpty()) {
            form.reject("category", "setup.error.choice");
            return Optional.empty();
        }
        return Optional.of(id);
    }

    /** The providers ticked, all of this business; none ticked means everyone performs the service. */
    private static Optional<Set<ProviderId>> providers(FilledForm form, Catalogue catalogue) {
        Map<String, ProviderId> known = new HashMap<>();
        catalogue.providers().forEach(p -> known.put(p.id().value().toString(), p.id()));
        Set<ProviderId> ticked = new HashSet<>();
        for (String value : form.all("providers")) {
            ProviderId provider = known.get(value);
            if (provider == null) {
                form.reject("providers", "setup.error.choice");
                return Optional.empty();
            }
            ticked.add(provider);
        }
        return Optional.of(ticked);
    }
}
