package com.voiceappoint.adapter.http.web;

import com.voiceappoint.adapter.http.PhoneNumbers;
import com.voiceappoint.adapter.http.problem.InvalidRequestException;
import com.voiceappoint.adapter.http.problem.Messages;
import com.voiceappoint.application.error.BookingRefusedException;
import com.voiceappoint.application.error.ForbiddenException;
import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.AppointmentsQuery;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.CallLogUseCase;
import com.voiceappoint.application.port.in.ChangeAppointmentUseCase;
import com.voiceappoint.application.port.in.ClientsUseCase;
import com.voiceappoint.application.port.in.FindAvailableSlotsQuery;
import com.voiceappoint.application.port.in.ListServicesQuery;
import com.voiceappoint.application.port.in.Page;
import com.voiceappoint.application.port.in.PaymentsUseCase;
import com.voiceappoint.application.port.in.StaffUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.appointment.Cancellation;
import com.voiceappoint.domain.availability.Alternative;
import com.voiceappoint.domain.availability.AvailableSlot;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.client.Client;
import com.voiceappoint.domain.client.ClientId;
import com.voiceappoint.domain.payment.Payment;
import com.voiceappoint.domain.payment.PaymentId;
import com.voiceappoint.domain.payment.PaymentKind;
import com.voiceappoint.domain.payment.PaymentMethod;
import com.voiceappoint.domain.payment.PaymentStatus;
import com.voiceappoint.domain.payment.Refund;
import com.voiceappoint.domain.payment.RefundStatus;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.Money;
import com.voiceappoint.domain.voice.VoiceCall;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One appointment as a page (the calendar opens it in a drawer) with what the member may do to it, and booking a
 * free time of the calendar for a client found by name or phone, or a new one.
 */
public final class AppointmentPages implements PageGroup {
    private static final int CALLS_SEARCHED = 50;
    private static final int CLIENTS_FOUND = 10;
    /** A day of quarter-hour steps. */
    private static final int FREE_TIMES_SHOWN = 96;

    private static final String ID = "id";
    private static final String PAYMENT = "payment";
    /** Longest amount a refund's field takes: more than any payment, still short enough to read. */
    private static final int MAX_AMOUNT_LENGTH = 20;

    private final WebPages pages;
    private final Dashboards dashboards;
    private final AppointmentsQuery appointments;
    private final ChangeAppointmentUseCase changes;
    private final BookAppointmentUseCase booking;
    private final ClientsUseCase clients;
    private final ListServicesQuery services;
    private final StaffUseCase staff;
    private final CallLogUseCase calls;
    private final FindAvailableSlotsQuery slots;
    private final PaymentsUseCase payments;
    private final Clock clock;

    AppointmentPages(WebPages pages, Dashboards dashboards, UseCases useCases, Clock clock) {
        this.pages = pages;
        this.dashboards = dashboards;
        this.appointments = useCases.appointments();
        this.changes = useCases.changeAppointment();
        this.booking = useCases.bookAppointment();
        this.clients = useCases.clients();
        this.services = useCases.listServices();
        this.staff = useCases.staff();
        this.calls = useCases.callLog();
        this.slots = useCases.findAvailableSlots();
        this.payments = useCases.payments();
        this.clock = clock;
    }

    /** What the page offers the member to do, by role and by the appointment's state. */
    public record Actions(boolean cancel, boolean move, boolean close, boolean chooseProvider) {
        public boolean any() {
            return cancel || move || close;
        }
    }

    /**
     * The appointment's payments, for those who look after every appointment (the use cases refuse the others: the
     * section is not shown to them).
     *
     * @param deposit what the appointment's service asks in advance, when it asks anything
     * @param takeInPerson whether the deposit can be recorded as taken by hand: the appointment waits for it, or stands
     *     and nothing was paid for it
     */
    public record Payments(
            boolean shown, List<PaymentsUseCase.PaymentRecord> records, Optional<Money> deposit, boolean takeInPerson) {
        static final Payments HIDDEN = new Payments(false, List.of(), Optional.empty(), false);

        /** Whether part of the payment can still be given back from here: money taken through Stripe and kept. */
        public static boolean refundable(Payment payment) {
            return payment.status() == PaymentStatus.PAID
                    && payment.method() == PaymentMethod.STRIPE
                    && payment.refundable().amount().signum() > 0;
        }

        /** The name of a payment's refund field among the page's forms, for its value and its error. */
        public static String refundField(Payment payment) {
            return "refund-" + payment.id().value();
        }
    }

    /** A form shown again: what was typed, and the message of what was wrong, by field ({@code ""} for the form). */
    public record Form(Map<String, String> values, Map<String, String> errors, List<Alternative> alternatives) {
        static Form empty() {
            return new Form(Map.of(), Map.of(), List.of());
        }

        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        public Optional<String> error(String field) {
            return Optional.ofNullable(errors.get(field));
        }

        /** The id of the field's error message, for its {@code aria-describedby}; null when it has none. */
        public String describedBy(String field) {
            return errors.containsKey(field) ? field + "-error" : null;
        }
    }

    @Override
    public void addTo(WebPages pages) {
        String slug = "/dashboard/{" + Dashboards.SLUG + "}";
        String one = slug + "/appointments/{" + ID + "}";
        pages.get(slug + "/calendar/book", this::bookingForm);
        pages.post(slug + "/calendar/book", this::book);
        pages.get(one, this::show);
        pages.post(one + "/cancel", ctx -> change(ctx, "cancel"));
        pages.post(one + "/complete", ctx -> change(ctx, "complete"));
        pages.post(one + "/no-show", ctx -> change(ctx, "no_show"));
        pages.post(one + "/reschedule", ctx -> change(ctx, "reschedule"));
        pages.post(one + "/payments/{" + PAYMENT + "}/refund", this::refund);
        pages.post(one + "/deposit-in-person", this::depositInPerson);
    }

    /** What the page's forms did, each with its words ({@code calendar.done.*}). */
    private static final Set<String> DONE = Set.of(
            "booked",
            "cancel",
            "complete",
            "no_show",
            "reschedule",
            "refund",
            "refund_pending",
            "refund_failed",
            "deposit_in_person");

    private void show(Context ctx) {
        Workplace w = dashboards.open(ctx, "calendar");
        AppointmentDetails details = find(ctx, w);
        render(ctx, w, details, Form.empty(), Guards.doneOf(ctx, DONE).orElse(null));
    }

    private void change(Context ctx, String action) {
        Workplace w = dashboards.open(ctx, "calendar");
        AppointmentDetails details = find(ctx, w);
        AppointmentId id = details.appointment().id();
        Map<String, String> values = new HashMap<>();
        try {
            switch (action) {
                case "cancel" -> {
                    String reason = Optional.ofNullable(ctx.formParam("reason"))
                            .orElse("")
                            .strip();
                    values.put("reason", reason);
                    if (reason.length() > Cancellation.MAX_REASON_LENGTH) {
                        refuse(ctx, w, details, values, "reason", w.v().plain("calendar.error.reason_long"));
                        return;
                    }
                    changes.cancel(w.member(), id, reason);
                }
                case "complete" -> changes.complete(w.member(), id);
                case "no_show" -> changes.markNoShow(w.member(), id);
                default -> {
                    String date = param(ctx, "date");
                    String time = param(ctx, "time");
                    String provider = param(ctx, "provider");
                    values.putAll(Map.of("date", date, "time", time, "provider", provider));
                    Optional<LocalDateTime> local = localStart(date, time);
                    if (local.isEmpty()) {
                        refuse(ctx, w, details, values, "date", w.v().plain("calendar.error.when"));
                        return;
                    }
                    if (skipped(local.get(), w)) {
                        refuse(ctx, w, details, values, "date", w.v().plain("calendar.error.skipped_time"));
                        return;
                    }
                    Instant start = local.get()
                            .atZone(w.business().zone())
                            .withEarlierOffsetAtOverlap()
                            .toInstant();
                    Optional<ProviderId> to = provider.isEmpty() ? Optional.empty() : Optional.of(providerId(provider));
                    changes.reschedule(w.member(), id, start, to);
                }
            }
        } catch (ForbiddenException | NotFoundException e) {
            throw e;
        } catch (BookingRefusedException e) {
            Form form = new Form(values, Map.of("", refusal(w, e)), e.alternatives());
            ctx.status(HttpStatus.CONFLICT);
            render(ctx, w, details, form, null);
            return;
        } catch (DomainException e) {
            refuse(ctx, w, appointments.get(w.member(), id), values, "", refusal(w, e));
            return;
        }
        WebPages.redirect(ctx, w.at("appointments/" + id.value()) + "?done=" + action);
    }

    private void refuse(
            Context ctx,
            Workplace w,
            AppointmentDetails details,
            Map<String, String> values,
            String field,
            String message) {
        ctx.status(field.isEmpty() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST);
        render(ctx, w, details, new Form(values, Map.of(field, message), List.of()), null);
    }

    private void render(Context ctx, Workplace w, AppointmentDetails details, Form form, String done) {
        Diary diary = Diary.of(w, staff);
        Appointment a = details.appointment();
        boolean mine = diary.mayChange(details);
        Actions actions = new Actions(
                mine && Diary.cancellable(a.status()),
                mine && Diary.movable(a.status()),
                mine && Diary.closable(details, clock.instant()),
                mine && diary.mayChangeProvider());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("w", w);
        model.put("f", Formats.of(w));
        model.put("b", BusinessFormats.of(w));
        model.put("a", details);
        model.put("actions", actions);
        model.put("staff", diary.activeStaff());
        model.put("form", form);
        model.put("done", Optional.ofNullable(done));
        model.put("call", callOf(w, details));
        model.put("payments", paymentsOf(w, details));
        LocalDate on = freeOn(ctx, details);
        model.put("freeOn", on);
        model.put("free", actions.move() ? freeTimes(w, details, on) : List.of());
        pages.render(ctx, "dashboard/appointment.jte", model);
    }

    private Payments paymentsOf(Workplace w, AppointmentDetails details) {
        if (!w.can(Permission.MANAGE_APPOINTMENTS)) {
            return Payments.HIDDEN;
        }
        Appointment a = details.appointment();
        List<PaymentsUseCase.PaymentRecord> records =
                payments.payments(w.member(), w.business().id(), Optional.of(a.id()), 1);
        Optional<Money> deposit = services.list(w.member(), w.business().id(), true).stream()
                .filter(service -> service.id().equals(a.serviceId()))
                .findFirst()
                .flatMap(Service::deposit)
                .filter(amount -> amount.amount().signum() > 0);
        boolean takeInPerson = deposit.isPresent()
                && (a.status() == AppointmentStatus.PENDING_PAYMENT
                        || a.status() == AppointmentStatus.CONFIRMED && !depositPaid(records));
        return new Payments(!records.isEmpty() || takeInPerson, records, deposit, takeInPerson);
    }

    private static boolean depositPaid(List<PaymentsUseCase.PaymentRecord> records) {
        return records.stream()
                .map(PaymentsUseCase.PaymentRecord::payment)
                .anyMatch(p -> p.kind() == PaymentKind.DEPOSIT && p.status() == PaymentStatus.PAID);
    }

    /** Gives back part or all of what is left of one of the appointment's payments, through Stripe. */
    private void refund(Context ctx) {
        Workplace w = dashboards.open(ctx, "calendar");
        Guards.require(w, Permission.MANAGE_APPOINTMENTS);
        AppointmentDetails details = find(ctx, w);
        PaymentId id = new PaymentId(Guards.id(ctx, PAYMENT));
        Payment payment =
                payments
                        .payments(
                                w.member(),
                                w.business().id(),
                                Optional.of(details.appointment().id()),
                                1)
                        .stream()
                        .map(PaymentsUseCase.PaymentRecord::payment)
                        .filter(p -> p.id().equals(id))
                        .findFirst()
                        .orElseThrow(PageException::notFound);
        String field = Payments.refundField(payment);
        String typed = param(ctx, "amount");
        Map<String, String> values = Map.of(field, typed);
        Optional<BigDecimal> amount = Optional.empty();
        if (!typed.isEmpty()) {
            amount = amount(typed, payment.amount().currency().getDefaultFractionDigits());
            if (amount.isEmpty()) {
                refuse(ctx, w, details, values, field, w.v().plain("calendar.payments.error.amount"));
                return;
            }
        }
        PaymentsUseCase.PaymentRecord refunded;
        try {
            refunded = payments.refund(w.member(), w.business().id(), id, amount);
        } catch (DomainException e) {
            SettingsForm.rethrowUnlessAboutTheForm(e);
            String message = e.code() == ErrorCode.NOT_REFUNDABLE && "amount".equals(e.field())
                    ? w.v().plain(
                                    "calendar.payments.error.too_much",
                                    Formats.of(w).money(payment.refundable()))
                    : refusal(w, e);
            refuse(ctx, w, appointments.get(w.member(), details.appointment().id()), values, field, message);
            return;
        }
        // Stripe's answer, as the request that asked got it: a refund whose answer did not come is asked again later
        String done = refunded.refunds().stream()
                .max(Comparator.comparing(Refund::createdAt))
                .map(r -> r.status() == RefundStatus.SUCCEEDED
                        ? "refund"
                        : r.status() == RefundStatus.FAILED ? "refund_failed" : "refund_pending")
                .orElse("refund_pending");
        WebPages.redirect(ctx, w.at("appointments/" + details.appointment().id().value()) + "?done=" + done);
    }

    /** An amount as a member types it, in either way of writing decimals, of at most the currency's decimals. */
    private static Optional<BigDecimal> amount(String typed, int decimals) {
        // "12,50", "12.50" and "12,50 €" as a member copies it from the page are one amount
        String plain = typed.replaceAll("[\\s\\u00a0\\u202f\\p{Sc}]", "").replace(',', '.');
        if (plain.length() > MAX_AMOUNT_LENGTH || !plain.matches("\\d+(\\.\\d+)?")) {
            return Optional.empty();
        }
        BigDecimal amount = new BigDecimal(plain);
        if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > Math.max(decimals, 0)) {
            return Optional.empty();
        }
        return Optional.of(amount);
    }

    /** Records the deposit as taken by hand: an appointment waiting for it is confirmed. */
    private void depositInPerson(Context ctx) {
        Workplace w = dashboards.open(ctx, "calendar");
        Guards.require(w, Permission.MANAGE_APPOINTMENTS);
        AppointmentDetails details = find(ctx, w);
        AppointmentId id = details.appointment().id();
        // a second press of the button (a form sent twice) must not record the deposit twice
        if (depositPaid(payments.payments(w.member(), w.business().id(), Optional.of(id), 1))) {
            refuse(ctx, w, details, Map.of(), "", w.v().plain("calendar.payments.error.already_paid"));
            return;
        }
        try {
            payments.takeInPerson(w.member(), w.business().id(), id);
        } catch (DomainException e) {
            SettingsForm.rethrowUnlessAboutTheForm(e);
            String message = e.code() == ErrorCode.INVALID_VALUE
                    ? w.v().plain("calendar.payments.error.no_deposit")
                    : refusal(w, e);
            refuse(ctx, w, appointments.get(w.member(), id), Map.of(), "", message);
            return;
        }
        WebPages.redirect(ctx, w.at("appointments/" + id.value()) + "?done=deposit_in_person");
    }

    /** The day whose free times the page offers for a move: the one asked for, else the appointment's own. */
    private static LocalDate freeOn(Context ctx, AppointmentDetails details) {
        return Dates.date(ctx.queryParam("on"))
                .orElseGet(() -> LocalDate.ofInstant(details.appointment().start(), details.zone()));
    }

    /** Where the appointment could go that day, with its own staff member: the times to click instead of typing. */
    private List<Instant> freeTimes(Workplace w, AppointmentDetails details, LocalDate on) {
        Appointment a = details.appointment();
        Instant now = clock.instant();
        try {
            return slots
                    .find(new FindAvailableSlotsQuery.Query(
                            w.member(), w.business().id(), a.serviceId(), on, on, Optional.of(a.providerId())))
                    .slots()
                    .stream()
                    .map(AvailableSlot::start)
                    .filter(start -> start.isAfter(now))
                    .limit(FREE_TIMES_SHOWN)
                    .toList();
        } catch (DomainException serviceGoneOrDayOutOfReach) {
            // a service since removed, a day beyond the bookable range: no times to offer, the form still works
            return List.of();
        }
    }

    /**
     * The call that made a phone booking, for its transcript: among the business's latest calls, one from the client's
     * number that made this appointment. Transcripts are for those who look after clients, as in the REST API.
     */
    private Optional<String> callOf(Workplace w, AppointmentDetails details) {
        Appointment a = details.appointment();
        Optional<String> phone = details.client().phone().map(Object::toString);
        if (a.source() != BookingSource.VOICE || phone.isEmpty() || !w.can(Permission.MANAGE_CLIENTS)) {
            return Optional.empty();
        }
        return calls.calls(w.member(), w.business().id(), Page.Request.first(CALLS_SEARCHED)).items().stream()
                .filter(call -> call.customerNumber().equals(phone))
                .map(VoiceCall::callId)
                .filter(callId -> calls.transcript(w.member(), callId).appointments().stream()
                        .anyMatch(made -> made.appointment().id().equals(a.id())))
                .findFirst();
    }

    private void bookingForm(Context ctx) {
        Workplace w = dashboards.open(ctx, "calendar");
        Diary diary = Diary.of(w, staff);
        Slot slot = slot(ctx, w, diary);
        Map<String, String> values = new HashMap<>();
        values.put("key", UUID.randomUUID().toString());
        Optional.ofNullable(ctx.queryParam("service")).ifPresent(s -> values.put("service", s));
        renderBooking(ctx, w, slot, new Form(values, Map.of(), List.of()));
    }

    private void book(Context ctx) {
        Workplace w = dashboards.open(ctx, "calendar");
        Diary diary = Diary.of(w, staff);
        Slot slot = slot(ctx, w, diary);
        Map<String, String> values = new HashMap<>();
        for (String field : List.of("service", "client", "name", "phone", "email", "notes", "key", "q")) {
            values.put(field, param(ctx, field));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<ServiceId> service = uuid(values.get("service")).map(ServiceId::new);
        if (service.isEmpty()) {
            errors.put("service", w.v().plain("calendar.error.service"));
        }
        if (values.get("notes").length() > Appointment.MAX_NOTES_LENGTH) {
            errors.put("notes", w.v().plain("calendar.error.notes_long"));
        }
        BookAppointmentUseCase.ClientDetails client = clientDetails(w, values, errors);
        if (values.get("key").isEmpty() || values.get("key").length() > 100) {
            throw new PageException(HttpStatus.BAD_REQUEST, "error.bad_request");
        }
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            renderBooking(ctx, w, slot, new Form(values, errors, List.of()));
            return;
        }
        try {
            BookAppointmentUseCase.Result result = booking.book(BookAppointmentUseCase.Command.builder(
                            w.member(), w.business().id(), service.get(), slot.start(), client, BookingSource.DASHBOARD)
                    .provider(Optional.of(slot.provider().id()))
                    .notes(values.get("notes"))
                    .idempotencyKey(Optional.of("web-" + values.get("key")))
                    .build());
            WebPages.redirect(
                    ctx, w.at("appointments/" + result.appointment().id().value()) + "?done=booked");
        } catch (BookingRefusedException e) {
            ctx.status(HttpStatus.CONFLICT);
            renderBooking(ctx, w, slot, new Form(values, Map.of("", refusal(w, e)), e.alternatives()));
        } catch (ForbiddenException | NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            renderBooking(ctx, w, slot, new Form(values, Map.of("", refusal(w, e)), List.of()));
        }
    }

    /** A client chosen from the search, or a new one by name and phone or e-mail. */
    private BookAppointmentUseCase.ClientDetails clientDetails(
            Workplace w, Map<String, String> values, Map<String, String> errors) {
        Optional<UUID> chosen = uuid(values.get("client"));
        if (chosen.isPresent()) {
            Client client = clients.get(w.member(), new ClientId(chosen.get())).client();
            if (!client.businessId().equals(w.business().id())) {
                throw PageException.notFound();
            }
            return new BookAppointmentUseCase.ClientDetails(
                    client.name(),
                    client.phone().map(Object::toString),
                    client.email().map(Object::toString));
        }
        String name = values.get("name");
        if (name.isEmpty()) {
            errors.put("name", w.v().plain("calendar.error.name"));
        } else if (name.length() > Client.MAX_NAME_LENGTH) {
            errors.put("name", w.v().plain("calendar.error.name_long"));
        }
        Optional<String> phone = Optional.empty();
        try {
            phone = PhoneNumbers.e164("phone", values.get("phone"), w.business());
        } catch (InvalidRequestException e) {
            errors.put("phone", w.v().plain("calendar.error.phone"));
        }
        Optional<String> email = Optional.of(values.get("email")).filter(s -> !s.isEmpty());
        if (email.isPresent() && (email.get().length() > 254 || !email.get().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            errors.put("email", w.v().plain("calendar.error.email"));
        }
        if (phone.isEmpty() && email.isEmpty() && !errors.containsKey("phone") && !errors.containsKey("email")) {
            errors.put("phone", w.v().plain("calendar.error.contact"));
        }
        return new BookAppointmentUseCase.ClientDetails(name, phone, email);
    }

    private void renderBooking(Context ctx, Workplace w, Slot slot, Form form) {
        String q = Optional.ofNullable(ctx.queryParam("q"))
                .or(() -> Optional.ofNullable(form.values().get("q")))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> s.length() > 100 ? s.substring(0, 100) : s)
                .orElse("");
        List<Client> found = q.isEmpty()
                ? List.of()
                : clients.search(
                                w.member(),
                                w.business().id(),
                                Optional.of(PhoneNumbers.searchable(q, w.business())),
                                Page.Request.first(CLIENTS_FOUND))
                        .items();
        List<Service> offered = services.list(w.member(), w.business().id(), false).stream()
                .filter(Service::active)
                .filter(s -> s.providers().isEmpty()
                        || s.providers().contains(slot.provider().id()))
                .toList();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("w", w);
        model.put("f", Formats.of(w));
        model.put("b", BusinessFormats.of(w));
        model.put("slot", slot);
        model.put("q", q);
        model.put("found", found);
        model.put("services", offered);
        model.put("form", form);
        pages.render(ctx, "dashboard/book.jte", model);
    }

    /** The free time clicked: a staff member the member may book for, and a start. */
    public record Slot(Provider provider, Instant start) {}

    private static Slot slot(Context ctx, Workplace w, Diary diary) {
        String providerParam = Optional.ofNullable(ctx.queryParam("provider")).orElse(ctx.formParam("provider"));
        String startParam = Optional.ofNullable(ctx.queryParam("start")).orElse(ctx.formParam("start"));
        Provider provider = uuid(providerParam)
                .flatMap(id -> diary.provider(new ProviderId(id)))
                .orElseThrow(PageException::notFound);
        if (!diary.mayBookFor(provider)) {
            throw new PageException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
        return new Slot(
                provider,
                Dates.instant(startParam)
                        .orElseThrow(() -> new PageException(HttpStatus.BAD_REQUEST, "error.bad_request")));
    }

    /** The appointment in the path, found among the business's own only. */
    private AppointmentDetails find(Context ctx, Workplace w) {
        AppointmentId id = uuid(ctx.pathParam(ID)).map(AppointmentId::new).orElseThrow(PageException::notFound);
        AppointmentDetails details = appointments.get(w.member(), id);
        if (!details.appointment().businessId().equals(w.business().id())) {
            throw PageException.notFound();
        }
        return details;
    }

    /** The refusal in the member's words, as the REST API words its problems. */
    private static String refusal(Workplace w, DomainException e) {
        return Messages.find(w.v().language(), "problem." + e.code().name() + ".detail")
                .orElseGet(() -> w.v().plain("calendar.error.refused"));
    }

    /**
     * A date and a time of the business's zone, as its clocks show it. A time the clocks skip (02:30 the night summer
     * time starts) is no moment at all, so it is refused, as the REST API refuses it, rather than moved; a time they
     * show twice (02:30 the night summer time ends) is its first passing, the earlier instant.
     */
    private static Optional<LocalDateTime> localStart(String date, String time) {
        return Dates.date(date).flatMap(day -> Dates.time(time).map(day::atTime));
    }

    private static boolean skipped(LocalDateTime local, Workplace w) {
        return w.business().zone().getRules().getValidOffsets(local).isEmpty();
    }

    private static ProviderId providerId(String value) {
        return uuid(value)
                .map(ProviderId::new)
                .orElseThrow(() -> new PageException(HttpStatus.BAD_REQUEST, "error.bad_request"));
    }

    private static String param(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("").strip();
    }

    private static Optional<UUID> uuid(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
