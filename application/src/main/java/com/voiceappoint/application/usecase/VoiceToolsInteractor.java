package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.BookingRefusedException;
import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.error.OutcomeUnknownException;
import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.AnswerToolCallUseCase;
import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.BusinessHoursUseCase;
import com.voiceappoint.application.port.in.CallerAppointmentsUseCase;
import com.voiceappoint.application.port.in.FindAvailableSlotsQuery;
import com.voiceappoint.application.port.in.ListServicesQuery;
import com.voiceappoint.application.port.in.RouteCallQuery;
import com.voiceappoint.application.port.in.StaffUseCase;
import com.voiceappoint.application.port.in.ToolArguments;
import com.voiceappoint.application.port.in.VoiceCaller;
import com.voiceappoint.application.port.out.AllowanceStore;
import com.voiceappoint.application.voice.CallerNumber;
import com.voiceappoint.application.voice.ClockGap;
import com.voiceappoint.application.voice.DayPart;
import com.voiceappoint.application.voice.SlotsByDay;
import com.voiceappoint.application.voice.Speech;
import com.voiceappoint.application.voice.WhenSaid;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.availability.Alternative;
import com.voiceappoint.domain.availability.AvailableSlot;
import com.voiceappoint.domain.availability.BookingCalendar;
import com.voiceappoint.domain.availability.NoSlotsReason;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceMatcher;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.schedule.ProviderMatcher;
import com.voiceappoint.domain.schedule.SpecialDay;
import com.voiceappoint.domain.schedule.WeeklyHours;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Language;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@link AnswerToolCallUseCase} over the application's own ports: the call routed, counted, and its tool answered in
 * the business's language ({@link Speech}).
 */
public final class VoiceToolsInteractor implements AnswerToolCallUseCase {
    private static final System.Logger LOG = System.getLogger(VoiceToolsInteractor.class.getName());

    /** How many free times are read out for a day. */
    static final int SLOTS_SPOKEN = 5;

    static final int ALTERNATIVES_SPOKEN = 3;
    static final int MAX_HOURS_DAYS = 14;
    /** The arguments a model may name the person asked for in ("con Marta": {"staff_name": "Marta"}). */
    private static final String[] STAFF_NAMES = {
        "staff_name", "staff", "provider_name", "provider", "professional", "stylist", "employee", "with"
    };

    private static final WhenSaid NOTHING_SAID = new WhenSaid(Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * Tool calls a business and a call may make in a minute, on any platform. The allowances keep the names they had
     * when Vapi was the only platform, so the counts kept under them carry on across an upgrade.
     */
    public static final AllowanceStore.Allowance TOOL_CALLS_PER_BUSINESS =
            AllowanceStore.Allowance.perMinute("vapi-business", 600);

    public static final AllowanceStore.Allowance TOOL_CALLS_PER_CALL =
            AllowanceStore.Allowance.perMinute("vapi-call", 60);
    /**
     * Manage codes a call may try, and tries at one number or appointment from any number of calls: a minute's, and a
     * day's, so that one of a million codes is not found by patience.
     */
    public static final AllowanceStore.Allowance CODE_TRIES_PER_CALL =
            new AllowanceStore.Allowance("vapi-code-call", 5, Duration.ofMinutes(1), true);

    public static final AllowanceStore.Allowance CODE_TRIES_PER_TARGET =
            new AllowanceStore.Allowance("vapi-code-target", 10, Duration.ofMinutes(1), true);
    public static final AllowanceStore.Allowance CODE_TRIES_PER_TARGET_A_DAY =
            new AllowanceStore.Allowance("vapi-code-target-day", 20, Duration.ofDays(1), true);
    /**
     * Code tries a business takes in a day, whatever the numbers and appointments tried: with a list of 10,000 client
     * numbers, the allowances per number alone would let 200,000 guesses a day through. 200 is far more than a
     * business's callers without a visible number need (codes are for SIP, web and withheld-number calls), and keeps
     * the odds of a guess opening any one of its appointments around 1 in 5,000 a day.
     */
    public static final AllowanceStore.Allowance CODE_TRIES_PER_BUSINESS_A_DAY =
            new AllowanceStore.Allowance("vapi-code-business-day", 200, Duration.ofDays(1), true);

    private static final Actor VOICE = new Actor.Caller(BookingSource.VOICE);

    private final RouteCallQuery routing;
    private final Ports app;
    private final AllowanceStore throttle;
    private final Language defaultLanguage;
    private final Clock clock;
    private final Map<String, Tool> tools = Map.of(
            SERVICES, this::services,
            AVAILABILITY, this::availability,
            BOOK, this::book,
            HOURS, this::hours,
            HOLD, this::hold,
            MINE, this::mine,
            CANCEL, this::cancel,
            RESCHEDULE, this::reschedule);

    /** @param defaultLanguage what a call for no business hears its refusal in */
    VoiceToolsInteractor(
            RouteCallQuery routing, Ports app, AllowanceStore throttle, Language defaultLanguage, Clock clock) {
        this.routing = routing;
        this.app = app;
        this.throttle = throttle;
        this.defaultLanguage = defaultLanguage;
        this.clock = clock;
    }

    /** The inbound ports the tools are answered with. */
    record Ports(
            ListServicesQuery listServices,
            StaffUseCase staff,
            BusinessHoursUseCase businessHours,
            FindAvailableSlotsQuery findAvailableSlots,
            CallerAppointmentsUseCase callerAppointments) {}

    /** A call routed to its business, and the words of its business's language. */
    private record Caller(VoiceCaller who, Speech speech) {
        Business business() {
            return who.voice().business();
        }

        Optional<PhoneNumber> number() {
            return who.number();
        }

        boolean numberProven() {
            return who.numberProven();
        }

        Optional<PhoneNumber> claimedNumber() {
            return who.claimedNumber();
        }

        boolean web() {
            return who.web();
        }

        Optional<String> callId() {
            return who.callId();
        }
    }

    @FunctionalInterface
    private interface Tool {
        Answer answer(ToolArguments arguments, Caller caller, String toolCallId);
    }

    @Override
    public Outcome answer(RouteCallQuery.Route route, ToolCall call) {
        Speech speech = new Speech(defaultLanguage, clock.getZone());
        try {
            RouteCallQuery.Decision decision = routing.decide(route, call.claims());
            speech = decision.voice().map(VoiceWords::speech).orElse(speech);
            if (!decision.routed()) {
                return new Outcome(error(VoiceWords.refusal(decision, speech)), How.UNAVAILABLE);
            }
            String business = decision.voice().orElseThrow().business().id().toString();
            if (!throttle.tryAcquire(TOOL_CALLS_PER_BUSINESS, business)
                    || !throttle.tryAcquire(
                            TOOL_CALLS_PER_CALL, route.call().callId().orElse(business))) {
                return new Outcome(error(speech.say("busy")), How.THROTTLED);
            }
            Answer answer = answer(call, new Caller(VoiceCaller.of(decision, route.call()), speech));
            return new Outcome(answer, answer.result().isPresent() ? How.ANSWERED : How.REFUSED);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "tool call " + call.id() + " (" + call.name() + ") failed", e);
            return new Outcome(error(speech.say("failure")), How.FAILED);
        }
    }

    private static Answer result(String text) {
        return new Answer(Optional.of(Speech.oneLine(text)), Optional.empty());
    }

    private static Answer error(String text) {
        return new Answer(Optional.empty(), Optional.of(Speech.oneLine(text)));
    }

    private Answer answer(ToolCall call, Caller caller) {
        Tool tool = tools.get(call.name());
        Speech speech = caller.speech();
        if (tool == null) {
            return error(speech.say("tool.unknown", call.name()));
        }
        if (caller.web() && call.name().equals(HOLD)) {
            return error(speech.say("web.refused"));
        }
        ToolArguments arguments = call.arguments();
        try {
            return tool.answer(arguments, caller, call.id());
        } catch (Spoken spoken) {
            return error(spoken.getMessage());
        } catch (Explained explained) {
            return result(explained.getMessage());
        } catch (InClockGap inGap) {
            return result(gap(inGap.gap, speech));
        } catch (BookingRefusedException refused) {
            return result(refusal(refused, speech, askedForSomeone(arguments)));
        } catch (NotFoundException notFound) {
            return error(speech.say(
                    switch (notFound.resource()) {
                        case "service" -> "service.unavailable";
                        case "provider" -> "staff.none";
                        default -> "appointment.unknown";
                    }));
        } catch (InvalidValueException invalid) {
            return error(speech.say("argument.invalid", argumentName(invalid.field())));
        } catch (DomainException refused) {
            return result(domainRefusal(refused, caller));
        } catch (OutcomeUnknownException unknown) {
            // the change may well be made: the caller must not hear that it failed, nor be led to make it twice
            return error(speech.say(
                    switch (call.name()) {
                        case CANCEL -> "outcome.unknown.cancel";
                        case RESCHEDULE -> "outcome.unknown.reschedule";
                        default -> "outcome.unknown";
                    }));
        } catch (StoreUnavailableException unavailable) {
            return error(speech.say("unavailable"));
        }
    }

    private Answer services(ToolArguments arguments, Caller caller, String toolCallId) {
        Speech speech = caller.speech();
        List<Service> offered = offered(caller);
        if (offered.isEmpty()) {
            return result(speech.say("services.none"));
        }
        return result(speech.say(
                "services.list",
                caller.business().name(),
                speech.list(offered.stream().map(speech::service).toList())));
    }

    private Answer availability(ToolArguments arguments, Caller caller, String toolCallId) {
        Speech speech = caller.speech();
        Service service = service(arguments, caller);
        Optional<ProviderId> provider = provider(arguments, caller, service);
        LocalDate today = today(speech);
        Optional<String> dateSaid = arguments.text("datetime", "start", "date_time", "date", "day");
        Optional<Instant> withOffset = dateSaid.flatMap(VoiceToolsInteractor::withOffset);
        WhenSaid said = withOffset
                .map(at -> LocalDateTime.ofInstant(at, speech.zone()))
                .map(local -> new WhenSaid(
                        Optional.of(local.toLocalDate()), Optional.of(local.toLocalTime()), Optional.empty()))
                .or(() -> dateSaid.map(text ->
                        WhenSaid.read(text, today).orElseThrow(() -> new Spoken(speech.say("argument.date", text)))))
                .orElse(NOTHING_SAID);
        // {"date": "2026-11-24", "time": "16:00"} is one moment, said in two parts
        Optional<WhenSaid> timeSaid = arguments.text("time").flatMap(text -> WhenSaid.read(text, today));
        LocalDate day = said.date().orElse(today);
        Optional<LocalTime> time = said.time().or(() -> timeSaid.flatMap(WhenSaid::time));
        FindAvailableSlotsQuery.Slots found = app.findAvailableSlots()
                .find(new FindAvailableSlotsQuery.Query(
                        VOICE, caller.business().id(), service.id(), day, day, provider));
        String asked = provider.flatMap(found::provider)
                .map(p -> speech.say("service.with", service.name(), p.displayName()))
                .orElse(service.name());
        Function<AvailableSlot, List<String>> who = who(found, provider);
        if (time.isPresent()) {
            LocalDateTime local = day.atTime(time.get());
            Optional<ClockGap> gap = ClockGap.of(local, speech.zone());
            if (gap.isPresent()) {
                return result(
                        gap(gap.get(), speech) + " " + nearest(found, gap.get().at(), who, speech));
            }
            Instant at = withOffset.orElseGet(() -> local.atZone(speech.zone()).toInstant());
            Optional<AvailableSlot> free =
                    found.slots().stream().filter(s -> s.start().equals(at)).findFirst();
            if (free.isPresent()) {
                List<String> names = who.apply(free.get());
                return result(
                        names.isEmpty()
                                ? speech.say("slots.free", asked, speech.when(at), speech.local(at))
                                : speech.say(
                                        "slots.free.with",
                                        asked,
                                        speech.when(at),
                                        speech.local(at),
                                        speech.choices(names)));
            }
            return result(speech.say("slots.taken", asked, speech.when(at)) + " " + nearest(found, at, who, speech));
        }
        DayPart part = arguments
                .text("part_of_day", "time_of_day", "period")
                .flatMap(DayPart::parse)
                .or(said::part)
                .or(() -> timeSaid.flatMap(WhenSaid::part))
                .orElse(DayPart.ANY);
        List<AvailableSlot> inPart = found.slots().stream()
                .filter(s -> part.contains(s.start().atZone(speech.zone()).toLocalTime(), speech.language()))
                .toList();
        if (inPart.isEmpty()) {
            String none = speech.say("slots.none", asked, speech.day(day));
            if (!found.slots().isEmpty()) {
                return result(
                        none + " " + speech.say("slots.alternatives", offers(spread(found.slots()), who, speech)));
            }
            return result(none + " " + whyNone(found, speech));
        }
        List<AvailableSlot> spoken = spread(inPart);
        List<SlotsByDay.Day> grouped = SlotsByDay.group(
                spoken.stream()
                        .map(s -> new SlotsByDay.Offer(s.start(), who.apply(s)))
                        .toList(),
                speech.zone());
        return result(speech.say(
                "slots.some",
                asked,
                speech.day(day),
                speech.runs(grouped.get(0).runs()),
                speech.local(spoken.get(0).start())));
    }

    /**
     * Who to name at each free time: the people free then, when it matters, that is when more than one person does
     * the service and the caller has not chosen one.
     */
    private static Function<AvailableSlot, List<String>> who(
            FindAvailableSlotsQuery.Slots found, Optional<ProviderId> chosen) {
        List<Provider> performers = found.providers().stream()
                .filter(p -> found.service().isPerformedBy(p.id()))
                .toList();
        if (chosen.isPresent() || performers.size() < 2) {
            return slot -> List.of();
        }
        Map<ProviderId, String> names =
                performers.stream().collect(Collectors.toMap(Provider::id, Provider::displayName));
        return slot -> slot.providers().stream()
                .map(names::get)
                .filter(Objects::nonNull)
                .toList();
    }

    /** The free times of {@code found} nearest to {@code at}, or why there are none and the next one. */
    private static String nearest(
            FindAvailableSlotsQuery.Slots found, Instant at, Function<AvailableSlot, List<String>> who, Speech speech) {
        List<AvailableSlot> nearest = found.slots().stream()
                .sorted(Comparator.comparing(
                        (AvailableSlot s) -> Duration.between(s.start(), at).abs()))
                .limit(ALTERNATIVES_SPOKEN)
                .toList();
        if (nearest.isEmpty()) {
            return whyNone(found, speech);
        }
        return speech.say("slots.alternatives", offers(nearest, who, speech));
    }

    private static String offers(List<AvailableSlot> slots, Function<AvailableSlot, List<String>> who, Speech speech) {
        return speech.offers(SlotsByDay.group(
                slots.stream()
                        .map(s -> new SlotsByDay.Offer(s.start(), who.apply(s)))
                        .toList(),
                speech.zone()));
    }

    private Answer book(ToolArguments arguments, Caller caller, String toolCallId) {
        Speech speech = caller.speech();
        Service service = service(arguments, caller);
        Optional<ProviderId> provider = provider(arguments, caller, service);
        Instant start = start(arguments, caller, service, provider);
        String name = clientName(arguments, speech);
        Optional<String> email =
                arguments.text("email", "client_email").or(() -> arguments.nested("client_data", "email"));
        if (caller.number().isEmpty() && email.isEmpty()) {
            throw new Spoken(speech.say("caller.unknown"));
        }
        CallerAppointmentsUseCase.Booked booking = app.callerAppointments()
                .book(new BookAppointmentUseCase.Command(
                        new Actor.Caller(BookingSource.VOICE, caller.callId(), caller.numberProven()),
                        caller.business().id(),
                        service.id(),
                        start,
                        provider,
                        new BookAppointmentUseCase.ClientDetails(
                                name, caller.number().map(PhoneNumber::value), email),
                        arguments.text("notes").orElse(""),
                        BookingSource.VOICE,
                        idempotencyKey(caller.who().platform(), caller.callId(), toolCallId)));
        BookAppointmentUseCase.Result result = booking.result();
        AppointmentDetails booked = result.details();
        String said = speech.say(
                result.replayed() ? "booked.again" : "booked",
                booked.serviceName(),
                speech.when(booked.appointment().start()),
                booked.providerName(),
                booked.appointment().id().toString());
        return result(booking.manageCode()
                .map(code -> said + " " + speech.say("booked.code", String.join(" ", code.split(""))))
                .orElse(said));
    }

    private Answer hold(ToolArguments arguments, Caller caller, String toolCallId) {
        Speech speech = caller.speech();
        Service service = service(arguments, caller);
        Optional<ProviderId> provider = provider(arguments, caller, service);
        Instant start = start(arguments, caller, service, provider);
        String name = clientName(arguments, speech);
        AppointmentDetails held = app.callerAppointments()
                .hold(new CallerAppointmentsUseCase.Hold(
                        caller.business().id(),
                        callerNumber(caller),
                        caller.numberProven(),
                        name,
                        service.id(),
                        start,
                        provider,
                        caller.callId()));
        Appointment appointment = held.appointment();
        if (appointment.status() != AppointmentStatus.HELD) {
            // the caller had already booked this very time
            return result(speech.say(
                    "booked.again",
                    held.serviceName(),
                    speech.when(appointment.start()),
                    held.providerName(),
                    appointment.id().toString()));
        }
        return result(speech.say(
                "held",
                held.serviceName(),
                speech.when(appointment.start()),
                speech.time(appointment.holdExpiresAt().orElseThrow()),
                appointment.id().toString(),
                held.providerName()));
    }

    private Answer hours(ToolArguments arguments, Caller caller, String toolCallId) {
        Speech speech = caller.speech();
        LocalDate today = today(speech);
        Optional<LocalDate> date = arguments.text("date", "day").map(text -> date(text, speech));
        LocalDate from = date.or(() -> arguments.text("from", "start_date").map(text -> date(text, speech)))
                .orElse(today);
        LocalDate to = date.or(() -> arguments.text("to", "end_date").map(text -> date(text, speech)))
                .orElse(from.plusDays(6));
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_HOURS_DAYS) {
            throw new Spoken(speech.say("argument.range", MAX_HOURS_DAYS));
        }
        WeeklyHours weekly =
                app.businessHours().get(VOICE, caller.business().id()).weekly();
        Map<LocalDate, SpecialDay> special =
                app.businessHours().specialDays(VOICE, caller.business().id(), from, to).stream()
                        .filter(d -> d.provider().isEmpty())
                        .collect(Collectors.toMap(SpecialDay::date, Function.identity(), (a, b) -> a));
        BookingCalendar calendar = new BookingCalendar(speech.zone(), weekly, special, List.of());
        List<String> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(speech.opening(speech.day(day), calendar.openingWindows(day)));
        }
        return result(speech.say("hours.list", caller.business().name(), String.join("; ", days)));
    }

    private Answer mine(ToolArguments arguments, Caller caller, String toolCallId) {
        Speech speech = caller.speech();
        CallerAppointmentsUseCase.Proof proof = proof(arguments, caller, Optional.empty());
        List<AppointmentDetails> upcoming =
                app.callerAppointments().upcoming(caller.business().id(), proof);
        if (upcoming.isEmpty()) {
            return result(
                    speech.say(proof instanceof CallerAppointmentsUseCase.Proof.Code ? "mine.none.code" : "mine.none"));
        }
        return result(speech.say(
                "mine.list",
                speech.list(upcoming.stream()
                        .map(d -> speech.say(
                                "mine.item",
                                d.serviceName(),
                                speech.when(d.appointment().start()),
                                d.appointment().id().toString()))
                        .toList())));
    }

    private Answer cancel(ToolArguments arguments, Caller caller, String toolCallId) {
        Speech speech = caller.speech();
        AppointmentId id = appointmentId(arguments, speech);
        AppointmentDetails cancelled = app.callerAppointments()
                .cancel(
                        caller.business().id(),
                        proof(arguments, caller, Optional.of(id)),
                        id,
                        arguments.text("reason").orElse(""));
        return result(speech.say(
                "cancelled",
                cancelled.serviceName(),
                speech.when(cancelled.appointment().start())));
    }

    private Answer reschedule(ToolArguments arguments, Caller caller, String toolCallId) {
        Speech speech = caller.speech();
        AppointmentId id = appointmentId(arguments, speech);
        Instant start = instant(required(arguments, "start", speech, "start", "new_start", "datetime"), speech);
        AppointmentDetails moved = app.callerAppointments()
                .reschedule(caller.business().id(), proof(arguments, caller, Optional.of(id)), id, start);
        return result(speech.say(
                "moved",
                moved.serviceName(),
                speech.when(moved.appointment().start()),
                moved.appointment().id()));
    }

    /**
     * How the caller shows the appointments are theirs: the number they call from, when the network vouches for it;
     * otherwise the manage code (and, to list them, the number they say is theirs), within a few tries a minute per
     * call and per number or appointment tried.
     */
    private CallerAppointmentsUseCase.Proof proof(
            ToolArguments arguments, Caller caller, Optional<AppointmentId> opening) {
        Speech speech = caller.speech();
        if (caller.numberProven()) {
            return new CallerAppointmentsUseCase.Proof.CallerNumber(
                    caller.number().orElseThrow());
        }
        String code = arguments.text("manage_code", "code").orElseThrow(() -> new Spoken(speech.say("code.needed")));
        Optional<PhoneNumber> claimed = arguments
                .text("phone", "phone_number")
                .flatMap(CallerNumber::read)
                .or(caller::claimedNumber);
        if (opening.isEmpty() && claimed.isEmpty()) {
            throw new Spoken(speech.say("code.phone"));
        }
        String business = caller.business().id().toString();
        String target = business + "|"
                + opening.map(AppointmentId::toString)
                        .orElseGet(() -> claimed.orElseThrow().value());
        countTry(CODE_TRIES_PER_CALL, caller.callId().orElse(business), "code.busy", speech);
        countTry(CODE_TRIES_PER_TARGET, target, "code.busy", speech);
        countTry(CODE_TRIES_PER_TARGET_A_DAY, target, "code.spent.target", speech);
        countTry(CODE_TRIES_PER_BUSINESS_A_DAY, business, "code.spent.business", speech);
        return new CallerAppointmentsUseCase.Proof.Code(code, claimed);
    }

    /** One code try counted, or refused in words that say why: too fast, the day's tries spent, or not countable. */
    private void countTry(AllowanceStore.Allowance allowance, String key, String whenSpent, Speech speech) {
        switch (throttle.count(allowance, key)) {
            case WITHIN -> {
                // counted
            }
            case SPENT -> throw new Spoken(speech.say(whenSpent));
            case UNCOUNTED -> throw new Spoken(speech.say("code.uncounted"));
        }
    }

    /** Services the caller may book by phone, in catalogue order. */
    private List<Service> offered(Caller caller) {
        return app.listServices().list(VOICE, caller.business().id(), false);
    }

    /** The service named by id, or by what the caller called it; unknown or ambiguous names are asked about. */
    private Service service(ToolArguments arguments, Caller caller) {
        Speech speech = caller.speech();
        List<Service> offered = offered(caller);
        Optional<String> id = arguments.text("service_id", "serviceId");
        if (id.isPresent()) {
            Optional<Service> byId = offered.stream()
                    .filter(s -> s.id().toString().equalsIgnoreCase(id.get().strip()))
                    .findFirst();
            if (byId.isPresent()) {
                return byId.get();
            }
        }
        String said = arguments
                .text("service_name", "service", "serviceName")
                .or(() -> id)
                .orElseThrow(() -> new Spoken(speech.say("argument.missing", "service_id")));
        ServiceMatcher.Match match = ServiceMatcher.match(offered, said);
        if (match.service().isPresent()) {
            return match.service().get();
        }
        List<String> names = (match.candidates().isEmpty() ? offered : match.candidates())
                .stream()
                        .map(s -> speech.say("service.option", s.name(), s.id()))
                        .toList();
        throw new Spoken(
                match.candidates().isEmpty()
                        ? speech.say("service.unknown", said, speech.list(names))
                        : speech.say("service.which", speech.choices(names)));
    }

    /**
     * The person the caller asked for, by id or by name ("Marta", "con Marta López"), or empty for whoever is free. A
     * name is looked for first among those who do the service, then among all the staff; a name nobody has, or one
     * two people share, is answered with the names to choose from.
     */
    private Optional<ProviderId> provider(ToolArguments arguments, Caller caller, Service service) {
        Optional<String> id = arguments.text("provider_id", "providerId");
        Optional<ProviderId> byId = id.flatMap(VoiceToolsInteractor::uuid).map(ProviderId::new);
        if (byId.isPresent()) {
            return byId;
        }
        Optional<String> name = arguments.text(STAFF_NAMES).or(() -> id);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Speech speech = caller.speech();
        List<Provider> staff = app.staff().list(VOICE, caller.business().id()).stream()
                .filter(Provider::active)
                .toList();
        List<Provider> performers =
                staff.stream().filter(p -> service.isPerformedBy(p.id())).toList();
        ProviderMatcher.Choice choice = ProviderMatcher.match(performers, name.get());
        if (choice instanceof ProviderMatcher.Choice.Nobody
                && ProviderMatcher.match(staff, name.get()) instanceof ProviderMatcher.Choice.One other) {
            throw new Spoken(speech.say(
                    "staff.not.performing", other.provider().displayName(), service.name(), names(performers, speech)));
        }
        if (choice instanceof ProviderMatcher.Choice.One one) {
            return Optional.of(one.provider().id());
        }
        if (choice instanceof ProviderMatcher.Choice.Anyone) {
            return Optional.empty();
        }
        if (choice instanceof ProviderMatcher.Choice.Several several) {
            throw new Spoken(speech.say(
                    "staff.which",
                    speech.choices(several.candidates().stream()
                            .map(Provider::displayName)
                            .toList())));
        }
        if (performers.isEmpty()) {
            throw new Spoken(speech.say("why." + NoSlotsReason.NOBODY_PERFORMS.name()));
        }
        throw new Spoken(speech.say("staff.unknown", name.get(), service.name(), names(performers, speech)));
    }

    private static String names(List<Provider> staff, Speech speech) {
        return speech.list(staff.stream().map(Provider::displayName).toList());
    }

    /** Whether the caller chose someone: then who each alternative is with matters. */
    private static boolean askedForSomeone(ToolArguments arguments) {
        return arguments.text("provider_id", "providerId").isPresent()
                || arguments
                        .text(STAFF_NAMES)
                        .filter(name -> !ProviderMatcher.meansAnyone(name))
                        .isPresent();
    }

    private static AppointmentId appointmentId(ToolArguments arguments, Speech speech) {
        String given = required(arguments, "appointment_id", speech, "appointment_id", "appointmentId", "id");
        return uuid(given).map(AppointmentId::new).orElseThrow(() -> new NotFoundException("appointment"));
    }

    private static String clientName(ToolArguments arguments, Speech speech) {
        return arguments
                .text("client_name", "name", "customer_name")
                .or(() -> arguments.nested("client_data", "name"))
                .orElseThrow(() -> new Spoken(speech.say("argument.missing", "client_name")));
    }

    /** The number to hold a time with; without one there is no hold, but booking with an e-mail still works. */
    private static PhoneNumber callerNumber(Caller caller) {
        return caller.number().orElseThrow(() -> new Spoken(caller.speech().say("hold.unknown")));
    }

    /**
     * The model's retries of one tool call carry its id: the booking happens once. Models pick tool-call ids as they
     * like (some count from one in every conversation), so the key is the call's and the tool call's ids together,
     * hashed to a bounded length and prefixed with the platform; without a call id there is no key (the same client, service and time still book
     * once).
     */
    public static Optional<String> idempotencyKey(String platform, Optional<String> callId, String toolCallId) {
        if (callId.isEmpty() || toolCallId.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(platform + ":" + Hashes.sha256(callId.get() + "\n" + toolCallId));
    }

    /**
     * Why, and the nearest free times by day; each with who it is with when the caller chose someone or the times
     * are with different people.
     */
    private static String refusal(BookingRefusedException refused, Speech speech, boolean askedForSomeone) {
        String why = speech.say("refused." + refused.reason().name());
        List<Alternative> alternatives = refused.alternatives();
        if (alternatives.isEmpty()) {
            return why;
        }
        boolean named = askedForSomeone
                || alternatives.stream().map(Alternative::provider).distinct().count() > 1;
        List<SlotsByDay.Offer> offers = alternatives.stream()
                .map(a -> new SlotsByDay.Offer(
                        a.start(),
                        named
                                ? Optional.of(refused.providerName(a.provider())).filter(n -> !n.isBlank()).stream()
                                        .toList()
                                : List.of()))
                .toList();
        return why + " " + speech.say("slots.alternatives", speech.offers(SlotsByDay.group(offers, speech.zone())));
    }

    /** The domain names a field as it calls it ({@code clientName}); tool arguments are snake_case. */
    static String argumentName(String field) {
        return field == null
                ? null
                : field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String domainRefusal(DomainException refused, Caller caller) {
        Speech speech = caller.speech();
        if (refused.code() == ErrorCode.CANCELLATION_TOO_LATE) {
            return speech.say(
                    "too.late", caller.business().policy().cancellationCutoff().toHours());
        }
        return switch (refused.code()) {
            case SERVICE_NOT_BOOKABLE_BY_VOICE, SERVICE_INACTIVE -> speech.say("service.unavailable");
            case INVALID_STATE_TRANSITION, HOLD_EXPIRED -> speech.say("not.changeable");
            // a lost race or a key reused: trying again is the answer
            default -> speech.say("failure");
        };
    }

    private static String whyNone(FindAvailableSlotsQuery.Slots found, Speech speech) {
        String why = found.noneBecause()
                .map(reason -> speech.say("why." + reason.name()))
                .orElse("");
        String next = found.nextAvailable()
                .map(slot -> " " + speech.say("slots.next", speech.when(slot.start()), speech.local(slot.start())))
                .orElse("");
        return why + next;
    }

    /** A handful of a day's free times, spread over it rather than the first few in a row. */
    static List<AvailableSlot> spread(List<AvailableSlot> slots) {
        if (slots.size() <= SLOTS_SPOKEN) {
            return slots;
        }
        List<AvailableSlot> picked = new ArrayList<>();
        for (int i = 0; i < SLOTS_SPOKEN; i++) {
            picked.add(slots.get(i * (slots.size() - 1) / (SLOTS_SPOKEN - 1)));
        }
        return picked;
    }

    private LocalDate today(Speech speech) {
        return LocalDate.ofInstant(clock.instant(), speech.zone());
    }

    /**
     * The start a booking or a hold asks for, from {@code start} (or a {@code date} and a {@code time} given apart).
     * A time the clocks skip that night is explained, with the free times nearest to it.
     */
    private Instant start(ToolArguments arguments, Caller caller, Service service, Optional<ProviderId> provider) {
        Speech speech = caller.speech();
        String said = arguments
                .text("start", "datetime", "date_time")
                .or(() -> arguments
                        .text("date", "day")
                        .flatMap(day -> arguments.text("time").map(t -> day + " " + t)))
                .orElseThrow(() -> new Spoken(speech.say("argument.missing", "start")));
        try {
            return instant(said, speech);
        } catch (InClockGap inGap) {
            ClockGap gap = inGap.gap;
            LocalDate day = gap.asked().toLocalDate();
            FindAvailableSlotsQuery.Slots found = app.findAvailableSlots()
                    .find(new FindAvailableSlotsQuery.Query(
                            VOICE, caller.business().id(), service.id(), day, day, provider));
            throw new Explained(gap(gap, speech) + " " + nearest(found, gap.at(), who(found, provider), speech));
        }
    }

    /**
     * A time the model wrote: with an offset it is that instant; without one it is the business's wall-clock time,
     * as an ISO local date-time or in the caller's words ("mañana a las 16:00", "next Friday at 4pm"). A wall-clock
     * time that does not exist there (the clocks jump over it) is {@link InClockGap}.
     */
    Instant instant(String text, Speech speech) {
        Optional<Instant> withOffset = withOffset(text);
        if (withOffset.isPresent()) {
            return withOffset.get();
        }
        LocalDate today = today(speech);
        WhenSaid said = WhenSaid.read(text, today)
                .filter(when -> when.time().isPresent())
                .orElseThrow(() -> new Spoken(speech.say("argument.time", text)));
        LocalDateTime local = said.date().orElse(today).atTime(said.time().orElseThrow());
        Optional<ClockGap> gap = ClockGap.of(local, speech.zone());
        if (gap.isPresent()) {
            throw new InClockGap(gap.get());
        }
        return local.atZone(speech.zone()).toInstant();
    }

    /** A day, as an ISO date (a date-time's day, in the business's zone) or in the caller's words ("el martes"). */
    private LocalDate date(String text, Speech speech) {
        return withOffset(text)
                .map(at -> LocalDate.ofInstant(at, speech.zone()))
                .or(() -> WhenSaid.read(text, today(speech)).flatMap(WhenSaid::date))
                .orElseThrow(() -> new Spoken(speech.say("argument.date", text)));
    }

    /** "2026-11-24T15:00:00Z", "2026-11-24T16:00+01:00": a time that says its own offset. */
    private static Optional<Instant> withOffset(String text) {
        String value = text.strip().replace(' ', 'T');
        int time = value.indexOf('T');
        boolean offset = time > 0
                && (value.endsWith("Z")
                        || value.endsWith("z")
                        || value.indexOf('+', time) > 0
                        || value.indexOf('-', time) > 0);
        if (!offset) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeException notOne) {
            return Optional.empty();
        }
    }

    /** "That time does not exist on Sunday 28 March because the clocks change: at 02:00 they go forward to 03:00." */
    private static String gap(ClockGap gap, Speech speech) {
        return speech.say(
                "gap",
                speech.day(gap.asked().toLocalDate()),
                gap.jumpsFrom().toLocalTime().toString(),
                gap.jumpsTo().toLocalTime().toString());
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String required(ToolArguments arguments, String spokenName, Speech speech, String... names) {
        return arguments.text(names).orElseThrow(() -> new Spoken(speech.say("argument.missing", spokenName)));
    }

    /** A failure with the words to say about it. */
    static final class Spoken extends RuntimeException {
        Spoken(String message) {
            super(message, null, false, false);
        }
    }

    /** What the caller asked for cannot be had, explained with what to do instead: a result, like a refusal. */
    static final class Explained extends RuntimeException {
        Explained(String message) {
            super(message, null, false, false);
        }
    }

    /** A wall-clock time the business's zone skips. */
    static final class InClockGap extends RuntimeException {
        private final transient ClockGap gap;

        InClockGap(ClockGap gap) {
            super(gap.asked().toString(), null, false, false);
            this.gap = gap;
        }
    }
}
