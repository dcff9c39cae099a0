package com.voiceappoint.adapter.http;

import com.voiceappoint.adapter.http.ratelimit.Limit;
import com.voiceappoint.adapter.http.ratelimit.RateLimiter;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.FindAvailableSlotsQuery;
import com.voiceappoint.application.port.in.PublicBookingUseCase;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.catalog.ServiceCategoryId;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.schedule.ProviderId;
import io.javalin.http.Context;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * No account needed: a business's page by its slug, its free times, booking on it, and the manage link a booking
 * returns. Bookings are rate-limited per address and per contact; a manage token is the only credential for its
 * appointment, so token routes are rate-limited too, and an unknown token is a plain 404.
 */
public final class PublicRoutes {
    public static final Limit BOOKINGS_PER_IP = new Limit("public-booking-ip", 20, Duration.ofHours(1));
    public static final Limit BOOKINGS_PER_CONTACT = new Limit("public-booking-contact", 5, Duration.ofHours(1));
    public static final Limit MANAGE_PER_IP = new Limit("public-manage-ip", 60, Duration.ofMinutes(1));
    private static final Actor WEB = new Actor.Caller(BookingSource.WEB);

    private final FindAvailableSlotsQuery findAvailableSlots;
    private final PublicBookingUseCase publicBooking;
    private final Bodies bodies;
    private final RateLimiter limiter;

    PublicRoutes(
            FindAvailableSlotsQuery findAvailableSlots,
            PublicBookingUseCase publicBooking,
            Bodies bodies,
            RateLimiter limiter) {
        this.findAvailableSlots = findAvailableSlots;
        this.publicBooking = publicBooking;
        this.bodies = bodies;
        this.limiter = limiter;
    }

    record PublicBookingRequest(
            @NotNull(message = "validation.required") UUID service,

            @NotBlank(message = "validation.required") @Size(max = 40, message = "validation.too_long")
            String start,

            UUID provider,
            @NotNull(message = "validation.required") @Valid AppointmentRoutes.ClientBody client,

            @Size(max = 1000, message = "validation.too_long")
            String notes) {}

    record RescheduleRequest(
            @NotBlank(message = "validation.required") @Size(max = 40, message = "validation.too_long")
            String start) {}

    record Offering(
            UUID id,
            UUID category,
            String name,
            String description,
            long durationMinutes,
            String price,
            String currency,
            String deposit) {}

    record PublicPage(
            String slug,
            String name,
            String businessType,
            String language,
            String timezone,
            String currency,
            Views.PolicyView policy,
            List<Views.Named> categories,
            List<Offering> services,
            List<Views.Named> staff,
            Map<String, List<ScheduleRoutes.Window>> hours,
            List<ScheduleRoutes.SpecialDayView> specialDays) {}

    record PublicBusiness(String slug, String name, String timezone) {}

    /**
     * What the client sees of their appointment; the manage token only in the answer that created it, the manage code
     * there and on the page the token opens.
     */
    record PublicAppointment(
            UUID id,
            PublicBusiness business,
            Views.Named service,
            Views.Named provider,
            OffsetDateTime start,
            OffsetDateTime end,
            String status,
            String price,
            String currency,
            Views.CancellationView cancellation,
            OffsetDateTime changeableUntil,
            String manageToken,
            String manageCode) {
        static PublicAppointment of(
                Business business, AppointmentDetails d, Instant changeableUntil, String token, String code) {
            Appointment a = d.appointment();
            ZoneId zone = business.zone();
            return new PublicAppointment(
                    a.id().value(),
                    new PublicBusiness(business.slug().value(), business.name(), zone.getId()),
                    new Views.Named(a.serviceId().value(), d.serviceName()),
                    new Views.Named(a.providerId().value(), d.providerName()),
                    Views.at(a.start(), zone),
                    Views.at(a.end(), zone),
                    a.status().code(),
                    Views.amount(a.price()),
                    a.price().currency().getCurrencyCode(),
                    a.cancellation()
                            .map(c -> new Views.CancellationView(c.by().code(), c.reason(), Views.at(c.at(), zone)))
                            .orElse(null),
                    Views.at(changeableUntil, zone),
                    token,
                    code);
        }

        static PublicAppointment of(PublicBookingUseCase.ManagedAppointment m) {
            return of(
                    m.business(),
                    m.details(),
                    m.changeableUntil(),
                    null,
                    m.manageCode().orElse(null));
        }
    }

    void page(Context ctx) {
        Business business = business(ctx);
        PublicBookingUseCase.BusinessPage page = publicBooking.page(business.id());
        ctx.json(new PublicPage(
                business.slug().value(),
                business.name(),
                business.type().code(),
                business.language().code(),
                business.zone().getId(),
                business.currency().getCurrencyCode(),
                Views.PolicyView.of(business.policy()),
                page.categories().stream()
                        .map(c -> new Views.Named(c.id().value(), c.name()))
                        .toList(),
                page.services().stream()
                        .map(s -> new Offering(
                                s.id().value(),
                                s.categoryId().map(ServiceCategoryId::value).orElse(null),
                                s.name(),
                                s.description(),
                                s.duration().toMinutes(),
                                Views.amount(s.price()),
                                s.price().currency().getCurrencyCode(),
                                s.deposit().map(Views::amount).orElse(null)))
                        .toList(),
                page.providers().stream()
                        .map(p -> new Views.Named(p.id().value(), p.displayName()))
                        .toList(),
                ScheduleRoutes.days(page.weeklyHours()),
                page.specialDays().stream()
                        .map(ScheduleRoutes.SpecialDayView::of)
                        .toList()));
    }

    void availability(Context ctx) {
        AppointmentRoutes.answerAvailability(
                ctx, findAvailableSlots, WEB, business(ctx).id());
    }

    void book(Context ctx) {
        limiter.require(BOOKINGS_PER_IP, ctx.ip());
        Business business = business(ctx);
        PublicBookingRequest request = bodies.read(ctx, PublicBookingRequest.class);
        BookAppointmentUseCase.ClientDetails client = request.client().details(business);
        limiter.require(
                BOOKINGS_PER_CONTACT,
                business.id() + "|"
                        + client.phone().or(client::email).orElse("").toLowerCase(Locale.ROOT));
        PublicBookingUseCase.Booked booked = publicBooking.book(BookAppointmentUseCase.Command.builder(
                        WEB,
                        business.id(),
                        new ServiceId(request.service()),
                        Params.instant("start", request.start(), business.zone()),
                        client,
                        BookingSource.WEB)
                .provider(Optional.ofNullable(request.provider()).map(ProviderId::new))
                .notes(request.notes())
                .idempotencyKey(Optional.ofNullable(ctx.header("Idempotency-Key")))
                .build());
        if (booked.result().replayed()) {
            ctx.header("Idempotent-Replayed", "true").status(200);
        } else {
            ctx.status(201);
        }
        AppointmentDetails details = booked.result().details();
        ctx.json(PublicAppointment.of(
                business,
                details,
                new PublicBookingUseCase.ManagedAppointment(business, details).changeableUntil(),
                booked.manageToken().orElse(null),
                booked.manageCode().orElse(null)));
    }

    void appointment(Context ctx) {
        limiter.require(MANAGE_PER_IP, ctx.ip());
        ctx.json(PublicAppointment.of(publicBooking.appointment(token(ctx))));
    }

    void cancel(Context ctx) {
        limiter.require(MANAGE_PER_IP, ctx.ip());
        String reason = bodies.readOptional(ctx, AppointmentRoutes.CancelRequest.class)
                .map(AppointmentRoutes.CancelRequest::reason)
                .orElse("");
        ctx.json(PublicAppointment.of(publicBooking.cancel(token(ctx), reason)));
    }

    void reschedule(Context ctx) {
        limiter.require(MANAGE_PER_IP, ctx.ip());
        String token = token(ctx);
        RescheduleRequest request = bodies.read(ctx, RescheduleRequest.class);
        ZoneId zone = publicBooking.appointment(token).business().zone();
        ctx.json(PublicAppointment.of(publicBooking.reschedule(token, Params.instant("start", request.start(), zone))));
    }

    private Business business(Context ctx) {
        Business business = publicBooking.business(ctx.pathParam("slug"));
        RequestContext.businessLanguage(ctx, business.language());
        return business;
    }

    private static String token(Context ctx) {
        return ctx.pathParam("token");
    }
}
