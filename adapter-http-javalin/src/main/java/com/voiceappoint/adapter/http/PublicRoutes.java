package com.voiceappoint.adapter.http;

import com.voiceappoint.adapter.http.ratelimit.Limit;
import com.voiceappoint.adapter.http.ratelimit.RateLimiter;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.FindAvailableSlotsQuery;
import com.voiceappoint.application.port.in.PaymentDue;
import com.voiceappoint.application.port.in.PublicBookingUseCase;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.catalog.ServiceCategoryId;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.payment.Payment;
import com.voiceappoint.domain.payment.PaymentId;
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
 * No account needed: a business's page by its slug, its free times, booking on it, the manage link a booking
 * returns, and the page of a deposit to pay. Bookings are rate-limited per address and per contact; a manage token is
 * the only credential for its appointment, so token routes are rate-limited too, and an unknown token is a plain 404.
 * A deposit's page is found by the payment's id, which its link carries: it shows what is owed for which time, never
 * who owes it, and is rate-limited like the manage link.
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
            String manageCode,
            PublicPayment payment) {
        static PublicAppointment of(
                Business business, AppointmentDetails d, Instant changeableUntil, String token, String code) {
            return of(business, d, changeableUntil, token, code, null);
        }

        static PublicAppointment of(
                Business business,
                AppointmentDetails d,
                Instant changeableUntil,
                String token,
                String code,
                PublicPayment payment) {
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
                    code,
                    payment);
        }

        static PublicAppointment of(PublicBookingUseCase.ManagedAppointment m) {
            return of(m, Optional.empty());
        }

        /** With the deposit it still owes to be kept, when it owes one. */
        static PublicAppointment of(PublicBookingUseCase.ManagedAppointment m, Optional<PaymentDue> owed) {
            return of(
                    m.business(),
                    m.details(),
                    m.changeableUntil(),
                    null,
                    m.manageCode().orElse(null),
                    owed.map(due -> PublicPayment.of(due, m.business().zone())).orElse(null));
        }
    }

    /**
     * A deposit the client must pay to keep their time, by {@code pay_by}, on Stripe's page; {@code checkout_url} is
     * left out when Stripe could not be reached just then (the deposit's own page opens one later).
     */
    record PublicPayment(UUID id, String amount, String currency, OffsetDateTime payBy, String checkoutUrl) {
        static PublicPayment of(PaymentDue due, ZoneId zone) {
            Payment p = due.payment();
            return new PublicPayment(
                    p.id().value(),
                    Views.amount(p.amount()),
                    p.amount().currency().getCurrencyCode(),
                    p.payBy().map(payBy -> Views.at(payBy, zone)).orElse(null),
                    due.checkout().map(Object::toString).orElse(null));
        }
    }

    /** A deposit's page: what it is for and where it stands; where to pay it only while it can be paid. */
    record DepositView(
            UUID id,
            PublicBusiness business,
            Views.Named service,
            OffsetDateTime start,
            OffsetDateTime end,
            String kind,
            String status,
            String amount,
            String refunded,
            String currency,
            OffsetDateTime payBy,
            String checkoutUrl) {
        static DepositView of(PublicBookingUseCase.DepositPage page) {
            Business business = page.business();
            Appointment a = page.details().appointment();
            Payment p = page.due().payment();
            ZoneId zone = business.zone();
            return new DepositView(
                    p.id().value(),
                    new PublicBusiness(business.slug().value(), business.name(), zone.getId()),
                    new Views.Named(a.serviceId().value(), page.details().serviceName()),
                    Views.at(a.start(), zone),
                    Views.at(a.end(), zone),
                    p.kind().code(),
                    p.status().code(),
                    Views.amount(p.amount()),
                    Views.amount(p.refunded()),
                    p.amount().currency().getCurrencyCode(),
                    p.payBy().map(payBy -> Views.at(payBy, zone)).orElse(null),
                    p.isOpen() ? page.due().checkout().map(Object::toString).orElse(null) : null);
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
                booked.manageCode().orElse(null),
                booked.payment()
                        .map(due -> PublicPayment.of(due, business.zone()))
                        .orElse(null)));
    }

    void deposit(Context ctx) {
        limiter.require(MANAGE_PER_IP, ctx.ip());
        Business business = business(ctx);
        PaymentId payment = new PaymentId(Params.pathUuid(ctx, "payment"));
        ctx.json(DepositView.of(publicBooking.deposit(business.id(), payment)));
    }

    void appointment(Context ctx) {
        limiter.require(MANAGE_PER_IP, ctx.ip());
        String token = token(ctx);
        ctx.json(PublicAppointment.of(publicBooking.appointment(token), publicBooking.paymentDue(token)));
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
