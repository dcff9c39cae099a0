package com.voiceappoint.adapter.http;

import com.voiceappoint.adapter.http.problem.InvalidRequestException;
import com.voiceappoint.adapter.http.problem.Messages;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.AppointmentsQuery;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.ChangeAppointmentUseCase;
import com.voiceappoint.application.port.in.FindAvailableSlotsQuery;
import com.voiceappoint.application.port.in.GetBusinessQuery;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.appointment.CalendarFilter;
import com.voiceappoint.domain.availability.AvailableSlot;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.client.ClientId;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.shared.TimeRange;
import io.javalin.http.Context;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Free slots, booking, the calendar, and what happens to an appointment afterwards. */
final class AppointmentRoutes {
    private static final int DEFAULT_LISTED_DAYS = 7;

    private final GetBusinessQuery businessQuery;
    private final FindAvailableSlotsQuery findAvailableSlots;
    private final BookAppointmentUseCase bookAppointment;
    private final AppointmentsQuery appointments;
    private final ChangeAppointmentUseCase changeAppointment;
    private final Bodies bodies;
    private final Clock clock;

    AppointmentRoutes(
            GetBusinessQuery businessQuery,
            FindAvailableSlotsQuery findAvailableSlots,
            BookAppointmentUseCase bookAppointment,
            AppointmentsQuery appointments,
            ChangeAppointmentUseCase changeAppointment,
            Bodies bodies,
            Clock clock) {
        this.businessQuery = businessQuery;
        this.findAvailableSlots = findAvailableSlots;
        this.bookAppointment = bookAppointment;
        this.appointments = appointments;
        this.changeAppointment = changeAppointment;
        this.bodies = bodies;
        this.clock = clock;
    }

    record ClientBody(
            @NotBlank(message = "validation.required") @Size(max = 150, message = "validation.too_long")
            String name,

            @Size(max = 32, message = "validation.too_long") String phone,

            @Size(max = 254, message = "validation.too_long")
            String email) {
        /** The phone read as the business's country dials it. */
        BookAppointmentUseCase.ClientDetails details(Business business) {
            return new BookAppointmentUseCase.ClientDetails(
                    name, PhoneNumbers.e164("client.phone", phone, business), Optional.ofNullable(email));
        }
    }

    record BookAppointmentRequest(
            @NotNull(message = "validation.required") UUID business,
            @NotNull(message = "validation.required") UUID service,

            @NotBlank(message = "validation.required") @Size(max = 40, message = "validation.too_long")
            String start,

            UUID provider,
            @NotNull(message = "validation.required") @Valid ClientBody client,

            @Size(max = 1000, message = "validation.too_long")
            String notes,

            @Size(max = 20, message = "validation.too_long") String source) {}

    record RescheduleRequest(
            @NotBlank(message = "validation.required") @Size(max = 40, message = "validation.too_long")
            String start,

            UUID provider) {}

    record CancelRequest(
            @Size(max = 500, message = "validation.too_long")
            String reason) {}

    record SlotView(OffsetDateTime start, OffsetDateTime end, List<Views.Named> providers) {}

    /** Why a range has no free time, in the caller's words, and the first free time after it, if one is near. */
    record NoneBecause(String code, String message) {}

    record AvailabilityResponse(
            UUID business,
            Views.Named service,
            String timezone,
            LocalDate from,
            LocalDate to,
            List<SlotView> slots,
            NoneBecause noneBecause,
            SlotView nextAvailable) {}

    void availability(Context ctx) {
        answerAvailability(
                ctx,
                findAvailableSlots,
                RequestContext.member(ctx),
                new BusinessId(Params.requiredUuid(ctx, "business")));
    }

    /** Free slots for {@code ?service=&date=} (or {@code from}/{@code to}) and an optional {@code provider}. */
    static void answerAvailability(Context ctx, FindAvailableSlotsQuery query, Actor actor, BusinessId business) {
        ServiceId service = new ServiceId(Params.requiredUuid(ctx, "service"));
        Optional<LocalDate> date = Params.optionalDate(ctx, "date");
        LocalDate from = date.or(() -> Params.optionalDate(ctx, "from"))
                .orElseThrow(() -> InvalidRequestException.field("date", "required", "validation.required"));
        LocalDate to = date.or(() -> Params.optionalDate(ctx, "to")).orElse(from);
        Optional<ProviderId> provider = Params.optionalUuid(ctx, "provider").map(ProviderId::new);

        FindAvailableSlotsQuery.Slots found =
                query.find(new FindAvailableSlotsQuery.Query(actor, business, service, from, to, provider));
        Language language = RequestContext.language(ctx, found.business().language());
        ctx.json(new AvailabilityResponse(
                business.value(),
                new Views.Named(found.service().id().value(), found.service().name()),
                found.zone().getId(),
                from,
                to,
                found.slots().stream().map(slot -> slotView(slot, found)).toList(),
                found.noneBecause()
                        .map(why -> new NoneBecause(
                                why.name().toLowerCase(Locale.ROOT),
                                Messages.get(language, "availability.none." + why.name())))
                        .orElse(null),
                found.nextAvailable().map(slot -> slotView(slot, found)).orElse(null)));
    }

    private static SlotView slotView(AvailableSlot slot, FindAvailableSlotsQuery.Slots found) {
        ZoneId zone = found.zone();
        return new SlotView(
                Views.at(slot.start(), zone),
                Views.at(slot.end(), zone),
                slot.providers().stream()
                        .map(id -> new Views.Named(
                                id.value(),
                                found.provider(id).map(Provider::displayName).orElse("")))
                        .toList());
    }

    void book(Context ctx) {
        Actor.Member member = RequestContext.member(ctx);
        BookAppointmentRequest request = bodies.read(ctx, BookAppointmentRequest.class);
        Business business = businessQuery.get(member, new BusinessId(request.business()));
        RequestContext.businessLanguage(ctx, business.language());
        Optional<String> idempotencyKey = Optional.ofNullable(ctx.header("Idempotency-Key"));
        var result = bookAppointment.book(BookAppointmentUseCase.Command.builder(
                        member,
                        business.id(),
                        new ServiceId(request.service()),
                        Params.instant("start", request.start(), business.zone()),
                        request.client().details(business),
                        source(request.source()))
                .provider(Optional.ofNullable(request.provider()).map(ProviderId::new))
                .notes(request.notes())
                .idempotencyKey(idempotencyKey)
                .build());
        if (result.replayed()) {
            ctx.header("Idempotent-Replayed", "true").status(200);
        } else {
            ctx.status(201);
        }
        ctx.json(Views.AppointmentView.of(result.details()));
    }

    void list(Context ctx) {
        Actor.Member member = RequestContext.member(ctx);
        Business business = businessQuery.get(member, new BusinessId(Params.requiredUuid(ctx, "business")));
        ZoneId zone = business.zone();
        LocalDate from = Params.optionalDate(ctx, "from").orElseGet(() -> LocalDate.now(clock.withZone(zone)));
        LocalDate to = Params.optionalDate(ctx, "to").orElse(from.plusDays(DEFAULT_LISTED_DAYS - 1));
        if (to.isBefore(from)) {
            throw InvalidRequestException.field("to", "invalid", "request.period");
        }
        var filter = new CalendarFilter(
                business.id(),
                TimeRange.days(from, to, zone),
                statuses(ctx.queryParam("status")),
                Params.optionalUuid(ctx, "provider").map(ProviderId::new),
                Params.optionalUuid(ctx, "client").map(ClientId::new),
                Optional.ofNullable(ctx.queryParam("source"))
                        .filter(v -> !v.isBlank())
                        .map(BookingSource::parse));
        Pages.respond(ctx, appointments.list(member, filter, Pages.request(ctx)), Views.AppointmentView::of);
    }

    void get(Context ctx) {
        ctx.json(Views.AppointmentView.of(appointments.get(RequestContext.member(ctx), appointmentId(ctx))));
    }

    void cancel(Context ctx) {
        String reason = bodies.readOptional(ctx, CancelRequest.class)
                .map(CancelRequest::reason)
                .orElse("");
        ctx.json(Views.AppointmentView.of(
                changeAppointment.cancel(RequestContext.member(ctx), appointmentId(ctx), reason)));
    }

    void reschedule(Context ctx) {
        Actor.Member member = RequestContext.member(ctx);
        AppointmentId id = appointmentId(ctx);
        RescheduleRequest request = bodies.read(ctx, RescheduleRequest.class);
        ZoneId zone = appointments.get(member, id).zone();
        ctx.json(Views.AppointmentView.of(changeAppointment.reschedule(
                member,
                id,
                Params.instant("start", request.start(), zone),
                Optional.ofNullable(request.provider()).map(ProviderId::new))));
    }

    void complete(Context ctx) {
        ctx.json(Views.AppointmentView.of(changeAppointment.complete(RequestContext.member(ctx), appointmentId(ctx))));
    }

    void markNoShow(Context ctx) {
        ctx.json(
                Views.AppointmentView.of(changeAppointment.markNoShow(RequestContext.member(ctx), appointmentId(ctx))));
    }

    private static AppointmentId appointmentId(Context ctx) {
        return new AppointmentId(Params.pathUuid(ctx, "id"));
    }

    /** {@code ?status=confirmed,completed}: any of them. */
    private static Set<AppointmentStatus> statuses(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(code -> !code.isEmpty())
                .map(AppointmentStatus::parse)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Staff and integrations say where a booking came from; clients' own channels are not theirs to claim. */
    private static BookingSource source(String value) {
        if (value == null) {
            return BookingSource.API;
        }
        BookingSource source = BookingSource.parse(value);
        if (source != BookingSource.DASHBOARD && source != BookingSource.API) {
            throw InvalidRequestException.field("source", "invalid", "request.source");
        }
        return source;
    }
}
