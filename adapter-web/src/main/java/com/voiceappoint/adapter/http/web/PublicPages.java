package com.voiceappoint.adapter.http.web;

import com.voiceappoint.adapter.http.PhoneNumbers;
import com.voiceappoint.adapter.http.PublicRoutes;
import com.voiceappoint.adapter.http.problem.InvalidRequestException;
import com.voiceappoint.adapter.http.ratelimit.RateLimiter;
import com.voiceappoint.adapter.http.web.PublicViews.ClientForm;
import com.voiceappoint.adapter.http.web.PublicViews.DayCell;
import com.voiceappoint.adapter.http.web.PublicViews.DayHours;
import com.voiceappoint.adapter.http.web.PublicViews.MonthView;
import com.voiceappoint.adapter.http.web.PublicViews.ServiceGroup;
import com.voiceappoint.adapter.http.web.PublicViews.TimeForm;
import com.voiceappoint.adapter.http.web.PublicViews.TimeGroup;
import com.voiceappoint.application.error.BookingRefusedException;
import com.voiceappoint.application.error.OutcomeUnknownException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.BusinessLogoUseCase;
import com.voiceappoint.application.port.in.FindAvailableSlotsQuery;
import com.voiceappoint.application.port.in.PaymentDue;
import com.voiceappoint.application.port.in.PublicBookingUseCase;
import com.voiceappoint.application.port.in.PublicBookingUseCase.BusinessPage;
import com.voiceappoint.application.port.in.PublicBookingUseCase.ManagedAppointment;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.availability.AvailableSlot;
import com.voiceappoint.domain.availability.RefusalReason;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceCategory;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.schedule.SpecialDay;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.InvalidValueException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The pages a business's clients use without an account: the business at {@code /{slug}}, booking on it step by
 * step at {@code /{slug}/book}, and the appointment a manage link opens at {@code /manage/{token}}. Every step is a
 * plain form or link, so the whole booking works without JavaScript; the state of the steps before travels in the
 * query or the form. Bookings and manage links are rate-limited with the REST API's own limits, which they share.
 */
final class PublicPages implements PageGroup {
    private static final Actor WEB = new Actor.Caller(BookingSource.WEB);
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]{8,100}");
    private static final int NOON = 12;
    private static final int EVENING = 18;

    private final WebPages pages;
    private final BusinessLogoUseCase logos;
    private final PublicBookingUseCase publicBooking;
    private final FindAvailableSlotsQuery slots;
    private final RateLimiter limiter;
    private final DepositPages deposits;
    private final Clock clock;

    PublicPages(
            WebPages pages,
            PublicBookingUseCase publicBooking,
            FindAvailableSlotsQuery slots,
            BusinessLogoUseCase logos,
            RateLimiter limiter,
            DepositPages deposits,
            Clock clock) {
        this.pages = pages;
        this.deposits = deposits;
        this.publicBooking = publicBooking;
        this.logos = logos;
        this.slots = slots;
        this.limiter = limiter;
        this.clock = clock;
    }

    /** Last of all the web app's routes: {@code /{slug}} must not answer for a page of the app. */
    @Override
    public void addTo(WebPages pages) {
        pages.get("/manage/{token}", this::manage);
        pages.get("/manage/{token}/appointment.ics", this::calendarFile);
        pages.post("/manage/{token}/cancel", this::cancel);
        pages.get("/manage/{token}/move", this::chooseNewTime);
        pages.post("/manage/{token}/move", this::move);
        pages.get("/{slug}", this::business);
        pages.get("/{slug}/book", this::book);
        pages.post("/{slug}/book", this::confirm);
    }

    // --- the business's page ---

    private void business(Context ctx) {
        Business business = business(ctx.pathParam("slug"));
        BusinessPage page = publicBooking.page(business.id());
        Visit v = pages.visit(ctx, Optional.of(business.language()));
        String slug = business.slug().value();
        pages.render(
                ctx,
                "publicsite/business.jte",
                Map.of(
                        "v", v,
                        "f", formats(v, business),
                        "page", page,
                        "week", week(page),
                        "groups", groups(page),
                        "logo", logos.published(slug).map(logo -> LogoPages.url(slug, logo))));
    }

    private List<DayHours> week(BusinessPage page) {
        LocalDate today = today(page.business());
        Map<LocalDate, SpecialDay> special =
                page.specialDays().stream().collect(Collectors.toMap(SpecialDay::date, d -> d, (a, b) -> a));
        List<DayHours> week = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate day = today.plusDays(i);
            SpecialDay exception = special.get(day);
            week.add(
                    exception == null
                            ? new DayHours(day, i == 0, page.weeklyHours().on(day.getDayOfWeek()), Optional.empty())
                            : new DayHours(day, i == 0, exception.windows(), Optional.of(exception.reason())));
        }
        return week;
    }

    private static List<ServiceGroup> groups(BusinessPage page) {
        List<ServiceGroup> groups = new ArrayList<>();
        for (ServiceCategory category : page.categories()) {
            List<Service> in = page.services().stream()
                    .filter(s -> s.categoryId().equals(Optional.of(category.id())))
                    .toList();
            if (!in.isEmpty()) {
                groups.add(new ServiceGroup(Optional.of(category.name()), in));
            }
        }
        List<Service> rest = page.services().stream()
                .filter(s -> s.categoryId()
                        .map(id -> page.categories().stream().noneMatch(c -> c.id().equals(id)))
                        .orElse(true))
                .toList();
        if (!rest.isEmpty()) {
            groups.add(new ServiceGroup(Optional.empty(), rest));
        }
        return groups;
    }

    // --- booking, step by step ---

    private void book(Context ctx) {
        Business business = business(ctx.pathParam("slug"));
        BusinessPage page = publicBooking.page(business.id());
        Visit v = pages.visit(ctx, Optional.of(business.language()));
        Optional<Service> service = optionalParam(ctx.queryParam("service")).map(id -> service(page, id));
        if (service.isEmpty()) {
            pages.render(
                    ctx,
                    "publicsite/book_service.jte",
                    Map.of("v", v, "f", formats(v, business), "page", page, "groups", groups(page)));
            return;
        }
        Optional<Provider> provider = optionalParam(ctx.queryParam("provider")).map(id -> provider(page, id));
        Optional<Instant> start = optionalParam(ctx.queryParam("start")).map(PublicPages::instant);
        if (start.isPresent()) {
            details(
                    ctx,
                    v,
                    page,
                    service.get(),
                    provider,
                    List.of(start.get()),
                    ClientForm.empty(newKey()),
                    Optional.empty());
            return;
        }
        Map<String, String> steps = new LinkedHashMap<>();
        steps.put("service", service.get().id().value().toString());
        provider.ifPresent(p -> steps.put("provider", p.id().value().toString()));
        String base = "/" + business.slug().value() + "/book";
        Optional<LocalDate> day = optionalParam(ctx.queryParam("day")).map(PublicPages::date);
        if (day.isPresent()) {
            FindAvailableSlotsQuery.Slots found = slots.find(new FindAvailableSlotsQuery.Query(
                    WEB, business.id(), service.get().id(), day.get(), day.get(), provider.map(Provider::id)));
            Map<String, String> back = new LinkedHashMap<>(steps);
            back.put("month", YearMonth.from(day.get()).toString());
            pages.render(
                    ctx,
                    "publicsite/book_time.jte",
                    model(
                            "v",
                            v,
                            "f",
                            formats(v, business),
                            "business",
                            business,
                            "service",
                            service.get(),
                            "provider",
                            provider,
                            "day",
                            day.get(),
                            "groups",
                            timeGroups(found.slots(), business.zone()),
                            "form",
                            new TimeForm("get", base, steps),
                            "back",
                            base + query(back),
                            "next",
                            found.nextAvailable().map(slot -> dayLink(base, steps, slot, business))));
            return;
        }
        Optional<YearMonth> asked = optionalParam(ctx.queryParam("month")).map(PublicPages::month);
        MonthView month = month(business, service.get(), provider.map(Provider::id), asked, base, steps);
        pages.render(
                ctx,
                "publicsite/book_day.jte",
                model(
                        "v", v,
                        "f", formats(v, business),
                        "page", page,
                        "service", service.get(),
                        "provider", provider,
                        "month", month));
    }

    private void confirm(Context ctx) {
        limiter.require(PublicRoutes.BOOKINGS_PER_IP, ctx.ip());
        Business business = business(ctx.pathParam("slug"));
        BusinessPage page = publicBooking.page(business.id());
        Visit v = pages.visit(ctx, Optional.of(business.language()));
        Service service = service(page, required(ctx.formParam("service")));
        Optional<Provider> provider = optionalParam(ctx.formParam("provider")).map(id -> provider(page, id));
        Instant start = instant(required(ctx.formParam("start")));
        String key = required(ctx.formParam("key"));
        if (!KEY.matcher(key).matches()) {
            throw badRequest();
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String name = field(ctx, "name");
        String phone = field(ctx, "phone");
        String email = field(ctx, "email");
        BookAppointmentUseCase.ClientDetails client = client(business, name, phone, email, errors);
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            details(
                    ctx,
                    v,
                    page,
                    service,
                    provider,
                    List.of(start),
                    new ClientForm(name, phone, email, key, errors),
                    Optional.empty());
            return;
        }
        limiter.require(
                PublicRoutes.BOOKINGS_PER_CONTACT,
                business.id() + "|"
                        + client.phone().or(client::email).orElse("").toLowerCase(Locale.ROOT));
        PublicBookingUseCase.Booked booked;
        try {
            booked = publicBooking.book(BookAppointmentUseCase.Command.builder(
                            WEB, business.id(), service.id(), start, client, BookingSource.WEB)
                    .provider(provider.map(Provider::id))
                    .idempotencyKey(Optional.of(key))
                    .build());
        } catch (BookingRefusedException refused) {
            ctx.status(HttpStatus.CONFLICT);
            List<Instant> alternatives = refused.alternatives().stream()
                    .map(a -> a.start())
                    .distinct()
                    .sorted()
                    .toList();
            details(
                    ctx,
                    v,
                    page,
                    service,
                    provider,
                    alternatives,
                    new ClientForm(name, phone, email, newKey(), Map.of()),
                    Optional.of(refusal(refused)),
                    Optional.empty(),
                    refused.reason() == RefusalReason.SLOT_TAKEN ? Optional.empty() : Optional.of(why(refused)));
            return;
        } catch (InvalidValueException invalid) {
            Optional<String> at = clientField(invalid.field());
            if (at.isEmpty()) {
                throw invalid;
            }
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            details(
                    ctx,
                    v,
                    page,
                    service,
                    provider,
                    List.of(start),
                    new ClientForm(name, phone, email, key, Map.of(at.get(), "public.error." + at.get())),
                    Optional.empty());
            return;
        } catch (OutcomeUnknownException unknown) {
            // it may have been booked: the same form again, under the same key, books it at most once
            ctx.header("Retry-After", Long.toString(ErrorPages.RETRY_AFTER_SECONDS));
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
            details(
                    ctx,
                    v,
                    page,
                    service,
                    provider,
                    List.of(start),
                    new ClientForm(name, phone, email, key, Map.of()),
                    Optional.empty(),
                    Optional.of("public.book.outcome_unknown"),
                    Optional.empty());
            return;
        } catch (DomainException refused) {
            if (refused.code() == ErrorCode.BUSINESS_SUSPENDED) {
                throw refused;
            }
            // Back and a corrected resubmit sends the key of the first attempt with other details: this is a new
            // booking, so it gets a key of its own
            boolean newBooking = refused.code() == ErrorCode.IDEMPOTENCY_KEY_REUSED;
            ctx.status(HttpStatus.CONFLICT);
            details(
                    ctx,
                    v,
                    page,
                    service,
                    provider,
                    List.of(start),
                    new ClientForm(name, phone, email, newBooking ? newKey() : key, Map.of()),
                    Optional.empty(),
                    newBooking ? Optional.of("public.book.new_key") : Optional.empty(),
                    newBooking ? Optional.empty() : Optional.of(why(refused)));
            return;
        }
        if (booked.payment().isPresent()) {
            // the time is kept until its deposit is paid: straight on to pay it, on Stripe's page when it could be
            // opened, else on the deposit's own, which tries again
            PaymentDue due = booked.payment().get();
            booked.manageToken()
                    .ifPresent(token -> deposits.rememberManageLink(
                            ctx, business, due.payment().id(), token));
            WebPages.redirect(
                    ctx,
                    due.checkout()
                            .map(URI::toString)
                            .orElseGet(() ->
                                    DepositPages.path(business, due.payment().id())));
            return;
        }
        if (booked.manageToken().isPresent()) {
            WebPages.redirect(ctx, "/manage/" + booked.manageToken().get() + "?booked");
            return;
        }
        // booked, but its link could not be kept: the client is told so, never that the booking failed
        ManagedAppointment made =
                new ManagedAppointment(business, booked.result().details(), booked.manageCode());
        appointmentPage(ctx, v, made, page, Optional.empty(), Optional.of("booked"), Optional.empty());
    }

    /** The last step: who the appointment is for; {@code starts} are the times to pick from after a refusal. */
    private void details(
            Context ctx,
            Visit v,
            BusinessPage page,
            Service service,
            Optional<Provider> provider,
            List<Instant> starts,
            ClientForm form,
            Optional<String> refused) {
        details(ctx, v, page, service, provider, starts, form, refused, Optional.empty(), Optional.empty());
    }

    /**
     * As above, with a {@code notice} on how the last sending went and {@code why} the time or service could not be
     * booked (message keys). The step holds its form's idempotency key, so no cache may keep it for Back to reuse.
     */
    private void details(
            Context ctx,
            Visit v,
            BusinessPage page,
            Service service,
            Optional<Provider> provider,
            List<Instant> starts,
            ClientForm form,
            Optional<String> refused,
            Optional<String> notice,
            Optional<String> why) {
        ctx.header("Cache-Control", "no-store");
        Business business = page.business();
        Map<String, String> back = new LinkedHashMap<>();
        back.put("service", service.id().value().toString());
        provider.ifPresent(p -> back.put("provider", p.id().value().toString()));
        if (!starts.isEmpty()) {
            back.put("day", LocalDate.ofInstant(starts.get(0), business.zone()).toString());
        }
        pages.render(
                ctx,
                "publicsite/book_details.jte",
                model(
                        "v", v,
                        "f", formats(v, business),
                        "business", business,
                        "service", service,
                        "provider", provider,
                        "starts", starts,
                        "form", form,
                        "refused", refused,
                        "notice", notice,
                        "why", why,
                        "deposit", PublicViews.deposit(page, service),
                        "back", "/" + business.slug().value() + "/book" + query(back)));
    }

    /** The client as REST reads them: a name, and a phone number or an e-mail address, each checked as there. */
    private static BookAppointmentUseCase.ClientDetails client(
            Business business, String name, String phone, String email, Map<String, String> errors) {
        if (name.isBlank()) {
            errors.put("name", "public.error.name_required");
        } else if (name.length() > 150) {
            errors.put("name", "public.error.too_long");
        }
        Optional<String> e164 = Optional.empty();
        if (phone.length() > 32) {
            errors.put("phone", "public.error.too_long");
        } else {
            try {
                e164 = PhoneNumbers.e164("phone", phone, business);
            } catch (InvalidRequestException notANumber) {
                errors.put("phone", "public.error.phone");
            }
        }
        if (email.length() > 254) {
            errors.put("email", "public.error.too_long");
        } else if (!email.isBlank()) {
            try {
                new EmailAddress(email);
            } catch (InvalidValueException notAnAddress) {
                errors.put("email", "public.error.email");
            }
        }
        if (phone.isBlank() && email.isBlank()) {
            errors.put("phone", "public.error.contact_required");
            errors.put("email", "public.error.contact_required");
        }
        return new BookAppointmentUseCase.ClientDetails(
                name, e164, email.isBlank() ? Optional.empty() : Optional.of(email));
    }

    private static Optional<String> clientField(String domainField) {
        if (domainField == null) {
            return Optional.empty();
        }
        switch (domainField) {
            case "clientName":
                return Optional.of("name");
            case "clientPhone":
            case "phone":
                return Optional.of("phone");
            case "email":
            case "clientEmail":
                return Optional.of("email");
            default:
                return Optional.empty();
        }
    }

    // --- the manage link ---

    private void manage(Context ctx) {
        ManagedAppointment managed = managed(ctx);
        Visit v = pages.visit(ctx, Optional.of(managed.business().language()));
        Optional<String> notice = ctx.queryParamMap().keySet().stream()
                .filter(k -> k.equals("booked") || k.equals("moved") || k.equals("cancelled"))
                .findFirst();
        appointmentPage(
                ctx,
                v,
                managed,
                publicBooking.page(managed.business().id()),
                Optional.of(ctx.pathParam("token")),
                notice,
                Optional.empty());
    }

    private void cancel(Context ctx) {
        ManagedAppointment managed = managed(ctx);
        String token = ctx.pathParam("token");
        String reason = field(ctx, "reason");
        if (reason.length() > 500) {
            reason = reason.substring(0, 500);
        }
        try {
            publicBooking.cancel(token, reason);
        } catch (DomainException refused) {
            changeRefused(ctx, managed, refused);
            return;
        }
        WebPages.redirect(ctx, "/manage/" + token + "?cancelled");
    }

    private void chooseNewTime(Context ctx) {
        ManagedAppointment managed = managed(ctx);
        String token = ctx.pathParam("token");
        if (!changeable(managed)) {
            WebPages.redirect(ctx, "/manage/" + token);
            return;
        }
        Business business = managed.business();
        Visit v = pages.visit(ctx, Optional.of(business.language()));
        Appointment appointment = managed.details().appointment();
        String base = "/manage/" + token + "/move";
        Optional<LocalDate> day = optionalParam(ctx.queryParam("day")).map(PublicPages::date);
        if (day.isPresent()) {
            FindAvailableSlotsQuery.Slots found = slots.find(new FindAvailableSlotsQuery.Query(
                    WEB,
                    business.id(),
                    appointment.serviceId(),
                    day.get(),
                    day.get(),
                    Optional.of(appointment.providerId())));
            moveTimes(
                    ctx,
                    v,
                    managed,
                    timeGroups(found.slots(), business.zone()),
                    day.get(),
                    Optional.empty(),
                    found.nextAvailable());
            return;
        }
        Optional<YearMonth> asked = optionalParam(ctx.queryParam("month")).map(PublicPages::month);
        MonthView month = month(
                business,
                serviceOf(managed),
                Optional.of(appointment.providerId()),
                asked,
                base,
                new LinkedHashMap<>());
        pages.render(
                ctx,
                "publicsite/move_day.jte",
                model("v", v, "f", formats(v, business), "m", managed, "month", month, "token", token));
    }

    private void move(Context ctx) {
        ManagedAppointment managed = managed(ctx);
        String token = ctx.pathParam("token");
        Instant start = instant(required(ctx.formParam("start")));
        try {
            publicBooking.reschedule(token, start);
        } catch (BookingRefusedException refused) {
            Business business = managed.business();
            Visit v = pages.visit(ctx, Optional.of(business.language()));
            ctx.status(HttpStatus.CONFLICT);
            List<Instant> alternatives = refused.alternatives().stream()
                    .filter(a ->
                            a.provider().equals(managed.details().appointment().providerId()))
                    .map(a -> a.start())
                    .distinct()
                    .sorted()
                    .toList();
            moveTimes(
                    ctx,
                    v,
                    managed,
                    alternatives.isEmpty() ? List.of() : List.of(new TimeGroup("alternatives", alternatives)),
                    LocalDate.ofInstant(start, business.zone()),
                    Optional.of(refusal(refused)),
                    Optional.empty());
            return;
        } catch (DomainException refused) {
            changeRefused(ctx, managed, refused);
            return;
        }
        WebPages.redirect(ctx, "/manage/" + token + "?moved");
    }

    private void moveTimes(
            Context ctx,
            Visit v,
            ManagedAppointment managed,
            List<TimeGroup> groups,
            LocalDate day,
            Optional<String> refused,
            Optional<AvailableSlot> next) {
        Business business = managed.business();
        String token = ctx.pathParam("token");
        String base = "/manage/" + token + "/move";
        pages.render(
                ctx,
                "publicsite/move_time.jte",
                model(
                        "v",
                        v,
                        "f",
                        formats(v, business),
                        "m",
                        managed,
                        "day",
                        day,
                        "groups",
                        groups,
                        "refused",
                        refused,
                        "form",
                        new TimeForm("post", base, Map.of()),
                        "back",
                        base + "?month=" + YearMonth.from(day),
                        "next",
                        next.map(slot -> dayLink(base, Map.of(), slot, business)),
                        "token",
                        token));
    }

    /** The refusals the booking page words; any other is said in general terms. */
    private static final Set<ErrorCode> WORDED = EnumSet.of(
            ErrorCode.BUSINESS_CLOSED,
            ErrorCode.NOBODY_WORKING,
            ErrorCode.PROVIDER_NOT_WORKING,
            ErrorCode.OUTSIDE_HOURS,
            ErrorCode.IN_THE_PAST,
            ErrorCode.TOO_SOON,
            ErrorCode.TOO_FAR_IN_ADVANCE,
            ErrorCode.PROVIDER_NOT_ELIGIBLE,
            ErrorCode.SERVICE_INACTIVE);

    /** Why the business does not take this booking, in a sentence for the client (a message key). */
    private static String why(DomainException refused) {
        return "public.book.why."
                + (WORDED.contains(refused.code()) ? refused.code().name() : "OTHER");
    }

    /** Why a chosen time was refused, as the page says it: someone took it, or it cannot be booked at all. */
    private static String refusal(BookingRefusedException refused) {
        if (refused.alternatives().isEmpty()) {
            return "public.book.refused_no_alternatives";
        }
        return refused.reason() == RefusalReason.SLOT_TAKEN ? "public.book.taken" : "public.book.unavailable";
    }

    /** A change the policy or the appointment's state refuses: said on the appointment's page, not as an error. */
    private void changeRefused(Context ctx, ManagedAppointment managed, DomainException refused) {
        String why = refused.code() == ErrorCode.CANCELLATION_TOO_LATE
                ? "public.manage.too_late"
                : "public.manage.not_changeable";
        ctx.status(HttpStatus.CONFLICT);
        Visit v = pages.visit(ctx, Optional.of(managed.business().language()));
        appointmentPage(
                ctx,
                v,
                publicBooking.appointment(ctx.pathParam("token")),
                publicBooking.page(managed.business().id()),
                Optional.of(ctx.pathParam("token")),
                Optional.empty(),
                Optional.of(why));
    }

    private void appointmentPage(
            Context ctx,
            Visit v,
            ManagedAppointment managed,
            BusinessPage page,
            Optional<String> token,
            Optional<String> notice,
            Optional<String> problem) {
        pages.render(
                ctx,
                "publicsite/appointment.jte",
                model(
                        "v", v,
                        "f", formats(v, managed.business()),
                        "m", managed,
                        "page", page,
                        "token", token,
                        "notice", notice,
                        "problem", problem,
                        "changeable", changeable(managed),
                        "deposit", token.flatMap(publicBooking::paymentDue)));
    }

    private void calendarFile(Context ctx) {
        ManagedAppointment managed = managed(ctx);
        Texts texts =
                pages.visit(ctx, Optional.of(managed.business().language())).texts();
        ctx.header("Content-Disposition", "attachment; filename=\"appointment.ics\"")
                .contentType("text/calendar; charset=utf-8")
                .result(AppointmentCalendar.of(
                        managed, publicBooking.page(managed.business().id()).address(), texts, clock.instant()));
    }

    /** Opens the token's appointment, after the headers that keep its page out of caches and search engines. */
    private ManagedAppointment managed(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Robots-Tag", "noindex");
        limiter.require(PublicRoutes.MANAGE_PER_IP, ctx.ip());
        return publicBooking.appointment(ctx.pathParam("token"));
    }

    private boolean changeable(ManagedAppointment managed) {
        return managed.details().appointment().status().blocksTime()
                && !clock.instant().isAfter(managed.changeableUntil());
    }

    private Service serviceOf(ManagedAppointment managed) {
        ServiceId id = managed.details().appointment().serviceId();
        return publicBooking.page(managed.business().id()).services().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow(PageException::notFound);
    }

    // --- the day picker ---

    private MonthView month(
            Business business,
            Service service,
            Optional<ProviderId> provider,
            Optional<YearMonth> asked,
            String base,
            Map<String, String> steps) {
        LocalDate today = today(business);
        YearMonth first = YearMonth.from(today);
        YearMonth last =
                YearMonth.from(today.plusDays(business.policy().maximumAdvance().toDays()));
        YearMonth month =
                asked.filter(m -> !m.isBefore(first) && !m.isAfter(last)).orElse(first);
        LocalDate from = month.equals(first) ? today : month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        Map<LocalDate, Boolean> room = new HashMap<>();
        FindAvailableSlotsQuery.Slots found =
                slots.find(new FindAvailableSlotsQuery.Query(WEB, business.id(), service.id(), from, to, provider));
        for (AvailableSlot slot : found.slots()) {
            room.put(LocalDate.ofInstant(slot.start(), business.zone()), true);
        }
        List<List<Optional<DayCell>>> weeks = new ArrayList<>();
        List<Optional<DayCell>> week = new ArrayList<>();
        for (int blank = 1; blank < month.atDay(1).getDayOfWeek().getValue(); blank++) {
            week.add(Optional.empty());
        }
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            LocalDate date = month.atDay(d);
            Map<String, String> withDay = new LinkedHashMap<>(steps);
            withDay.put("day", date.toString());
            week.add(Optional.of(new DayCell(
                    date,
                    date.equals(today),
                    room.containsKey(date) ? Optional.of(base + query(withDay)) : Optional.empty())));
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            while (week.size() < 7) {
                week.add(Optional.empty());
            }
            weeks.add(week);
        }
        Function<YearMonth, String> link = m -> {
            Map<String, String> withMonth = new LinkedHashMap<>(steps);
            withMonth.put("month", m.toString());
            return base + query(withMonth);
        };
        return new MonthView(
                month,
                List.of(DayOfWeek.values()),
                weeks,
                month.isAfter(first) ? Optional.of(link.apply(month.minusMonths(1))) : Optional.empty(),
                month.isBefore(last) ? Optional.of(link.apply(month.plusMonths(1))) : Optional.empty(),
                !room.isEmpty());
    }

    private static List<TimeGroup> timeGroups(List<AvailableSlot> free, ZoneId zone) {
        Map<String, List<Instant>> parts = new LinkedHashMap<>();
        parts.put("morning", new ArrayList<>());
        parts.put("afternoon", new ArrayList<>());
        parts.put("evening", new ArrayList<>());
        for (AvailableSlot slot : free) {
            int hour = slot.start().atZone(zone).getHour();
            parts.get(hour < NOON ? "morning" : hour < EVENING ? "afternoon" : "evening")
                    .add(slot.start());
        }
        return parts.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(e -> new TimeGroup(e.getKey(), e.getValue()))
                .toList();
    }

    private static String dayLink(String base, Map<String, String> steps, AvailableSlot slot, Business business) {
        Map<String, String> withDay = new LinkedHashMap<>(steps);
        withDay.put("day", LocalDate.ofInstant(slot.start(), business.zone()).toString());
        return base + query(withDay);
    }

    // --- reading requests ---

    private Business business(String slug) {
        return publicBooking.business(slug);
    }

    private static Service service(BusinessPage page, String id) {
        UUID uuid = uuid(id);
        return page.services().stream()
                .filter(s -> s.id().value().equals(uuid))
                .findFirst()
                .orElseThrow(PageException::notFound);
    }

    private static Provider provider(BusinessPage page, String id) {
        UUID uuid = uuid(id);
        return page.providers().stream()
                .filter(p -> p.id().value().equals(uuid))
                .findFirst()
                .orElseThrow(PageException::notFound);
    }

    private LocalDate today(Business business) {
        return LocalDate.ofInstant(clock.instant(), business.zone());
    }

    private static PageFormats formats(Visit v, Business business) {
        return new PageFormats(v.texts(), business.zone());
    }

    private static Optional<String> optionalParam(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static String required(String value) {
        return optionalParam(value).orElseThrow(PublicPages::badRequest);
    }

    /** A form field as typed, trimmed; absent is empty. */
    private static String field(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).map(String::strip).orElse("");
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException garbled) {
            throw badRequest();
        }
    }

    private static Instant instant(String value) {
        return Dates.instant(value).orElseThrow(PublicPages::badRequest);
    }

    private static LocalDate date(String value) {
        return Dates.date(value).orElseThrow(PublicPages::badRequest);
    }

    private static YearMonth month(String value) {
        return Dates.month(value).orElseThrow(PublicPages::badRequest);
    }

    private static PageException badRequest() {
        return new PageException(HttpStatus.BAD_REQUEST, "error.bad_request");
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    static String query(Map<String, String> parameters) {
        return parameters.isEmpty()
                ? ""
                : "?"
                        + parameters.entrySet().stream()
                                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                                .collect(Collectors.joining("&"));
    }

    /** Map.of stops at ten pairs; pages pass more. */
    private static Map<String, Object> model(Object... pairs) {
        Map<String, Object> model = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            model.put((String) pairs[i], pairs[i + 1]);
        }
        return model;
    }
}
