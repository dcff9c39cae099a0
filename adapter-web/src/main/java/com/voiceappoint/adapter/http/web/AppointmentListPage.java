package com.voiceappoint.adapter.http.web;

import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.AppointmentsQuery;
import com.voiceappoint.application.port.in.ClientsUseCase;
import com.voiceappoint.application.port.in.ListServicesQuery;
import com.voiceappoint.application.port.in.Page;
import com.voiceappoint.application.port.in.StaffUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.appointment.CalendarFilter;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.client.Client;
import com.voiceappoint.domain.client.ClientId;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.TimeRange;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code /dashboard/{slug}/appointments}: the appointments the REST API's filters select (days, status, staff member,
 * source, client) and the service, a page at a time.
 */
public final class AppointmentListPage implements PageGroup {
    private static final int PAGE_SIZE = 25;
    private static final int DEFAULT_DAYS = 7;
    private static final long MAX_DAYS = 366;
    /** How many pages of the use case a service filter may read to fill one page. */
    private static final int MAX_READS = 10;

    private final WebPages pages;
    private final Dashboards dashboards;
    private final AppointmentsQuery appointments;
    private final StaffUseCase staff;
    private final ListServicesQuery services;
    private final ClientsUseCase clients;
    private final Clock clock;

    AppointmentListPage(WebPages pages, Dashboards dashboards, UseCases useCases, Clock clock) {
        this.pages = pages;
        this.dashboards = dashboards;
        this.appointments = useCases.appointments();
        this.staff = useCases.staff();
        this.services = useCases.listServices();
        this.clients = useCases.clients();
        this.clock = clock;
    }

    /** The filters as chosen, each as its form field's value ({@code ""} for any). */
    public record Filters(
            LocalDate from,
            LocalDate to,
            String status,
            String provider,
            String service,
            String source,
            String client) {
        /** This list's query string, without the page's cursor. */
        public String query() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("from", from.toString());
            fields.put("to", to.toString());
            fields.put("status", status);
            fields.put("provider", provider);
            fields.put("service", service);
            fields.put("source", source);
            fields.put("client", client);
            return fields.entrySet().stream()
                    .filter(e -> !e.getValue().isEmpty())
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }
    }

    @Override
    public void addTo(WebPages pages) {
        pages.get("/dashboard/{" + Dashboards.SLUG + "}/appointments", this::show);
    }

    private void show(Context ctx) {
        Workplace w = dashboards.open(ctx, "appointments");
        BusinessFormats b = BusinessFormats.of(w);
        LocalDate today = LocalDate.ofInstant(clock.instant(), b.zone());
        LocalDate from = date(ctx, "from").orElse(today);
        LocalDate to = date(ctx, "to").orElse(from.plusDays(DEFAULT_DAYS - 1));
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new PageException(HttpStatus.BAD_REQUEST, "error.bad_request");
        }
        Filters filters = new Filters(
                from,
                to,
                text(ctx, "status"),
                text(ctx, "provider"),
                text(ctx, "service"),
                text(ctx, "source"),
                text(ctx, "client"));
        CalendarFilter filter;
        try {
            filter = new CalendarFilter(
                    w.business().id(),
                    TimeRange.days(from, to, b.zone()),
                    filters.status().isEmpty() ? Set.of() : Set.of(AppointmentStatus.parse(filters.status())),
                    uuid(filters.provider()).map(ProviderId::new),
                    uuid(filters.client()).map(ClientId::new),
                    filters.source().isEmpty() ? Optional.empty() : Optional.of(BookingSource.parse(filters.source())));
        } catch (DomainException e) {
            throw new PageException(HttpStatus.BAD_REQUEST, "error.bad_request");
        }
        Optional<ServiceId> service = uuid(filters.service()).map(ServiceId::new);

        // the use case filters by all but the service: its pages are read on until one of ours is full
        List<AppointmentDetails> shown = new ArrayList<>();
        Optional<String> after = Optional.ofNullable(ctx.queryParam("after")).filter(s -> !s.isBlank());
        Optional<String> next;
        int reads = 0;
        do {
            Page<AppointmentDetails> page;
            try {
                page = appointments.list(w.member(), filter, new Page.Request(PAGE_SIZE, after));
            } catch (DomainException e) {
                // a cursor that is not one of ours
                throw new PageException(HttpStatus.BAD_REQUEST, "error.bad_request");
            }
            page.items().stream()
                    .filter(a ->
                            service.map(a.appointment().serviceId()::equals).orElse(true))
                    .forEach(shown::add);
            next = page.next();
            after = next;
            reads++;
        } while (service.isPresent() && shown.size() < PAGE_SIZE && next.isPresent() && reads < MAX_READS);

        Optional<Client> client =
                filter.client().map(id -> clients.get(w.member(), id).client());
        if (client.isPresent() && !client.get().businessId().equals(w.business().id())) {
            throw PageException.notFound();
        }
        List<Service> catalogue = services.list(w.member(), w.business().id(), true);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("w", w);
        model.put("f", Formats.of(w));
        model.put("b", b);
        model.put("filters", filters);
        model.put("appointments", shown);
        model.put("staff", Diary.of(w, staff).staff());
        model.put("services", catalogue);
        model.put("client", client);
        model.put(
                "next",
                next.map(cursor -> w.at("appointments") + "?" + filters.query() + "&after="
                        + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
        model.put("first", ctx.queryParam("after") != null);
        pages.render(ctx, "dashboard/appointments.jte", model);
    }

    private static Optional<LocalDate> date(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Dates.date(value.strip())
                .orElseThrow(() -> new PageException(HttpStatus.BAD_REQUEST, "error.bad_request")));
    }

    private static String text(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).orElse("").strip();
    }

    /** An id from a select or a link: a garbled one is a bad request, not an empty filter. */
    private static Optional<UUID> uuid(String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            throw new PageException(HttpStatus.BAD_REQUEST, "error.bad_request");
        }
    }
}
