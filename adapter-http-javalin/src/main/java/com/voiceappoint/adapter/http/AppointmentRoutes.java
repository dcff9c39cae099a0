package com.voiceappoint.adapter.http;

import com.voiceappoint.adapter.http.problem.InvalidRequestException;
import com.voiceappoint.adapter.http.problem.Messages;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.AppointmentsQuery;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.ChangeAppointmentUseCase;
import com.voiceappoint.application.port.in.FindAvailableSlotsQuery;
import com.voiceappoint.application.port.in.GetBusinessQuery;
import com.voiceappoint.application.port.in.ManageServicesUseCase;
import com.voiceappoint.application.port.in.PaymentsUseCase;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.appointment.CalendarFilter;
import com.voiceappoint.domain.availability.AvailableSlot;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.client.ClientId;
import com.voiceappoint.domain.payment.Payment;
import com.voiceappoint.domain.payment.PaymentKind;
import com.voiceappoint.domain.payment.PaymentMethod;
import com.voiceappoint.domain.payment.PaymentStatus;
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
    private final ManageServicesUseCase services;
    private final PaymentsUseCase payments;
    private final Bodies bodies;
    private final Clock clock;

    AppointmentRoutes(
            GetBusinessQuery businessQuery,
            FindAvailableSlotsQuery findAvailableSlots,
            BookAppointmentUseCase bookAppointment,
            AppointmentsQuery appointments,
            ChangeAppointmentUseCase changeAppointment,
            ManageServicesUseCase services,
            PaymentsUseCase payments,
            Bodies bodies,
            Clock clock) {
        this.businessQuery = businessQuery;
        this.findAvailableSlots = findAvailableSlots;
        this.bookAppointment = bookAppointment;
        this.appointments = appointments;
        this.changeAppointment = changeAppointment;
        this.services = services;
        this.payments = payments;
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

    /** @param depositTakenInPerson the client paid the service's deposit at the desk: recorded with the booking */
    record BookAppointmentRequest(
            @NotNull(message = "validation.required") UUID business,
            @NotNull(message = "validation.required") UUID service,

            @NotBlank(message = "validation.required") @Size(max = 40, message = "validation.too_long")
            String start,

            UUID provider,
            @NotNull(message = "validation.required") @Valid ClientBody client,

            @Size(max = 1000, message = "validation.too_long")
            String notes,

            @Size(max = 20, message = "validation.too_long") String source,
            Boolean depositTakenInPerson) {}

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
        boolean depositTaken = Boolean.TRUE.equals(request.depositTakenInPerson());
        if (depositTaken) {
            requireDepositCanBeTaken(member, business.id(), new ServiceId(request.service()));
        }
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
        Views.AppointmentView booked = Views.AppointmentView.of(result.details());
        if (depositTaken) {
            booked = booked.with(Views.PaymentView.of(
                    depositTakenInPerson(member, business.id(), result.details()), business.zone()));
        }
        if (result.replayed()) {
            ctx.header("Idempotent-Replayed", "true").status(200);
        } else {
            ctx.status(201);
        }
        ctx.json(booked);
    }

    /**
     * Refuses, before anything is booked, a deposit said to be taken that cannot be recorded: one the service does not
     * ask for, or one the caller may not record (recording payments is for those who manage every appointment; staff
     * booking their own do not). Asking for an appointment's payments is the check: it needs that same right, and an
     * id nobody has answers nothing.
     */
    private void requireDepositCanBeTaken(Actor.Member member, BusinessId business, ServiceId serviceId) {
        payments.payments(member, business, Optional.of(new AppointmentId(new UUID(0, 0))), 1);
        boolean asksDeposit = services.get(member, serviceId)
                .deposit()
                .filter(deposit -> deposit.amount().signum() > 0)
                .isPresent();
        if (!asksDeposit) {
            throw InvalidRequestException.field("deposit_taken_in_person", "invalid", "field.deposit_taken_in_person");
        }
    }

    /**
     * The deposit taken by hand for a booking: the one recorded already when this is a repeat (the same key, or the
     * same client, service and start), so a retried booking records it once; else recorded now.
     */
    private PaymentsUseCase.PaymentRecord depositTakenInPerson(
            Actor.Member member, BusinessId business, AppointmentDetails booked) {
        AppointmentId id = booked.appointment().id();
        return payments.payments(member, business, Optional.of(id), 1).stream()
                .filter(record -> takenByHand(record.payment()))
                .findFirst()
                .orElseGet(() -> payments.takeInPerson(member, business, id));
    }

    private static boolean takenByHand(Payment payment) {
        return payment.kind() == PaymentKind.DEPOSIT
                && payment.method() == PaymentMethod.IN_PERSON
                && payment.status() == PaymentStatus.PAID;
    }

    /** The deposit a client paid at the desk for an appointment booked already. */
    void takeDepositInPerson(Context ctx) {
        Actor.Member member = RequestContext.member(ctx);
        AppointmentDetails details = appointments.get(member, appointmentId(ctx));
        PaymentsUseCase.PaymentRecord taken = payments.takeInPerson(
                member,
                details.appointment().businessId(),
                details.appointment().id());
        ctx.status(201).json(Views.PaymentView.of(taken, details.zone()));
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
