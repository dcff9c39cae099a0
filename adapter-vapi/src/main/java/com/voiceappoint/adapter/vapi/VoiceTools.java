package com.voiceappoint.adapter.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.voiceappoint.application.error.BookingRefusedException;
import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.CallerAppointmentsUseCase;
import com.voiceappoint.application.port.in.FindAvailableSlotsQuery;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.availability.Alternative;
import com.voiceappoint.domain.availability.AvailableSlot;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceMatcher;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.schedule.SpecialDay;
import com.voiceappoint.domain.schedule.WeeklyHours;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Language;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The assistant's tools, answered for one business the call was routed to. Every answer is a line to speak; what
 * goes wrong in a way the caller can act on (a taken time, a past date) is an answer too, with what to do instead.
 * The caller's number comes from the call, never from the arguments; where the call does not prove it (SIP, web, a
 * withheld number), a caller's own appointments are opened by the manage code given with each, tried a few times per
 * call at most. A web call does what the business's public page allows: no holds.
 */
final class VoiceTools {
    static final String SERVICES = "get_business_services";
    static final String AVAILABILITY = "check_service_availability";
    static final String BOOK = "book_appointment";
    static final String HOURS = "get_business_hours";
    static final String HOLD = "hold_slot";
    static final String MINE = "find_my_appointments";
    static final String CANCEL = "cancel_appointment";
    static final String RESCHEDULE = "reschedule_appointment";

    /** How many free times are read out for a day. */
    static final int SLOTS_SPOKEN = 5;

    static final int ALTERNATIVES_SPOKEN = 3;
    static final int MAX_HOURS_DAYS = 14;
    /** Codes a call may try in a minute, and tries at one number or appointment from any number of calls. */
    static final int CODE_TRIES_PER_CALL = 5;

    static final int CODE_TRIES_PER_TARGET = 10;
    private static final Pattern CLOCK_TIME = Pattern.compile("\\d{1,2}:\\d{2}");
    private static final Actor VOICE = new Actor.Caller(BookingSource.VOICE);

    private final UseCases app;
    private final Clock clock;
    private final ToolCallThrottle throttle;
    private final Map<String, Tool> tools = Map.of(
            SERVICES, this::services,
            AVAILABILITY, this::availability,
            BOOK, this::book,
            HOURS, this::hours,
            HOLD, this::hold,
            MINE, this::mine,
            CANCEL, this::cancel,
            RESCHEDULE, this::reschedule);

    VoiceTools(UseCases app, Clock clock, ToolCallThrottle throttle) {
        this.app = app;
        this.clock = clock;
        this.throttle = throttle;
    }

    /**
     * A call, routed to its business.
     *
     * @param number the number to book and hold with: the caller's when the network vouches for it, what a SIP call
     *     claims otherwise, none on a web call (its client gives an e-mail)
     * @param numberProven whether the network (or our own dialling) vouches for {@code number}
     * @param claimedNumber what the call says the caller's number is, proven or not
     * @param web a web call: what the business's public page allows, and no more
     */
    record Caller(
            Business business,
            Optional<PhoneNumber> number,
            boolean numberProven,
            Optional<PhoneNumber> claimedNumber,
            boolean web,
            Optional<String> callId,
            Speech speech) {

        static Caller of(Business business, CallRouting.Decision decision, CallContext call, Speech speech) {
            boolean web = decision.channel() == CallRouting.Channel.WEB;
            return new Caller(
                    business,
                    decision.provenNumber().or(() -> web ? Optional.empty() : decision.claimedNumber()),
                    decision.provenNumber().isPresent(),
                    decision.claimedNumber(),
                    web,
                    call.callId(),
                    speech);
        }
    }

    /** What the assistant hears back: a result, or an error it should not retry blindly. */
    record Answer(Optional<String> result, Optional<String> error) {
        static Answer result(String text) {
            return new Answer(Optional.of(Speech.oneLine(text)), Optional.empty());
        }

        static Answer error(String text) {
            return new Answer(Optional.empty(), Optional.of(Speech.oneLine(text)));
        }
    }

    @FunctionalInterface
    private interface Tool {
        Answer answer(Arguments arguments, Caller caller, String toolCallId);
    }

    static boolean known(String name) {
        return List.of(SERVICES, AVAILABILITY, BOOK, HOURS, HOLD, MINE, CANCEL, RESCHEDULE)
                .contains(name);
    }

    Answer answer(ToolCall call, Caller caller) {
        Tool tool = tools.get(call.name());
        Speech speech = caller.speech();
        if (tool == null) {
            return Answer.error(speech.say("tool.unknown", call.name()));
        }
        if (caller.web() && call.name().equals(HOLD)) {
            return Answer.error(speech.say("web.refused"));
        }
        try {
            return tool.answer(new Arguments(call.arguments()), caller, call.id());
        } catch (Spoken spoken) {
            return Answer.error(spoken.getMessage());
        } catch (BookingRefusedException refused) {
            return Answer.result(refusal(refused, speech));
        } catch (NotFoundException notFound) {
            return Answer.error(
                    speech.say(notFound.resource().equals("service") ? "service.unavailable" : "appointment.unknown"));
        } catch (InvalidValueException invalid) {
            return Answer.error(speech.say("argument.invalid", invalid.field()));
        } catch (DomainException refused) {
            return Answer.result(domainRefusal(refused, caller));
        }
    }

    private Answer services(Arguments arguments, Caller caller, String toolCallId) {
        Speech speech = caller.speech();
        List<Service> offered = offered(caller);
        if (offered.isEmpty()) {
            return Answer.result(speech.say("services.none"));
        }
        return Answer.result(speech.say(
                "services.list",
                caller.business().name(),
                speech.list(offered.stream().map(speech::service).toList())));
    }

    private Answer availability(Arguments arguments, Caller caller, String toolCallId) {
        Speech speech = caller.speech();
        Service service = service(arguments, caller);
        Optional<String> time = arguments.text("time").filter(VoiceTools::hasTime);
        // {"date": "2026-11-24", "time": "16:00"} is one moment, said in two parts
        Optional<String> asked = arguments
                .text("datetime", "start", "date_time", "date", "day")
                .map(day -> time.isPresent() && !hasTime(day)
                        ? day.strip() + "T" + time.get().strip()
                        : day);
        Optional<Instant> exact = asked.filter(VoiceTools::hasTime).map(text -> instant(text, speech));
        LocalDate day = exact.map(at -> at.atZone(speech.zone()).toLocalDate())
                .or(() -> asked.map(text -> date(text, speech)))
                .orElseGet(() -> LocalDate.now(clock.withZone(speech.zone())));
        Optional<ProviderId> provider = provider(arguments);
        FindAvailableSlotsQuery.Slots found = app.findAvailableSlots()
                .find(new FindAvailableSlotsQuery.Query(
                        VOICE, caller.business().id(), service.id(), day, day, provider));
        if (exact.isPresent()) {
            Instant at = exact.get();
            if (found.slots().stream().anyMatch(s -> s.start().equals(at))) {
                return Answer.result(speech.say("slots.free", service.name(), speech.when(at), speech.local(at)));
            }
            List<AvailableSlot> nearest = found.slots().stream()
                    .sorted(Comparator.comparing(
                            (AvailableSlot s) -> Duration.between(s.start(), at).abs()))
                    .limit(ALTERNATIVES_SPOKEN)
                    .sorted(Comparator.comparing(AvailableSlot::start))
                    .toList();
            String taken = speech.say("slots.taken", service.name(), speech.when(at));
            if (nearest.isEmpty()) {
                return Answer.result(taken + " " + whyNone(found, speech));
            }
            return Answer.result(taken + " "
                    + speech.say(
                            "slots.alternatives",
                            alternatives(
                                    nearest.stream().map(AvailableSlot::start).toList(), speech)));
        }
        DayPart part = arguments
                .text("part_of_day", "time_of_day", "period")
                .flatMap(DayPart::parse)
                .orElse(DayPart.ANY);
        List<AvailableSlot> inPart = found.slots().stream()
                .filter(s -> part.contains(s.start().atZone(speech.zone()).toLocalTime(), speech.language()))
                .toList();
        if (inPart.isEmpty()) {
            String none = speech.say("slots.none", service.name(), speech.day(day));
            if (!found.slots().isEmpty()) {
                return Answer.result(none + " "
                        + speech.say(
                                "slots.alternatives",
                                alternatives(
                                        spread(found.slots()).stream()
                                                .map(AvailableSlot::start)
                                                .toList(),
                                        speech)));
            }
            return Answer.result(none + " " + whyNone(found, speech));
        }
        List<AvailableSlot> spoken = spread(inPart);
        return Answer.result(speech.say(
                "slots.some",
                service.name(),
                speech.day(day),
                speech.list(spoken.stream().map(s -> speech.time(s.start())).toList()),
                speech.local(spoken.get(0).start())));
    }

    private Answer book(Arguments arguments, Caller caller, String toolCallId) {
        Speech speech = caller.speech();
        Service service = service(arguments, caller);
        Instant start = instant(arguments.required("start", speech, "start", "datetime", "date_time"), speech);
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
                        provider(arguments),
                        new BookAppointmentUseCase.ClientDetails(
                                name, caller.number().map(PhoneNumber::value), email),
                        arguments.text("notes").orElse(""),
                        BookingSource.VOICE,
                        idempotencyKey(caller.callId(), toolCallId)));
        BookAppointmentUseCase.Result result = booking.result();
        AppointmentDetails booked = result.details();
        String said = speech.say(
                result.replayed() ? "booked.again" : "booked",
                booked.serviceName(),
                speech.when(booked.appointment().start()),
                booked.providerName(),
                booked.appointment().id().toString());
        return Answer.result(booking.manageCode()
                .map(code -> said + " " + speech.say("booked.code", String.join(" ", code.split(""))))
                .orElse(said));
    }

    private Answer hold(Arguments arguments, Caller caller, String toolCallId) {
        Speech speech = caller.speech();
        Service service = service(arguments, caller);
        Instant start = instant(arguments.required("start", speech, "start", "datetime", "date_time"), speech);
        String name = clientName(arguments, speech);
        AppointmentDetails held = app.callerAppointments()
                .hold(new CallerAppointmentsUseCase.Hold(
                        caller.business().id(),
                        callerNumber(caller),
                        name,
                        service.id(),
                        start,
                        provider(arguments),
                        caller.callId()));
        Appointment appointment = held.appointment();
        if (appointment.status() != AppointmentStatus.HELD) {
            // the caller had already booked this very time
            return Answer.result(speech.say(
                    "booked.again",
                    held.serviceName(),
                    speech.when(appointment.start()),
                    held.providerName(),
                    appointment.id().toString()));
        }
        return Answer.result(speech.say(
                "held",
                held.serviceName(),
                speech.when(appointment.start()),
                speech.time(appointment.holdExpiresAt().orElseThrow()),
                appointment.id().toString()));
    }

    private Answer hours(Arguments arguments, Caller caller, String toolCallId) {
        Speech speech = caller.speech();
        LocalDate today = LocalDate.now(clock.withZone(speech.zone()));
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
        List<String> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            SpecialDay exception = special.get(day);
            List<OpeningWindow> windows = exception != null ? exception.windows() : weekly.on(day.getDayOfWeek());
            days.add(speech.opening(speech.day(day), windows));
        }
        return Answer.result(speech.say("hours.list", caller.business().name(), String.join("; ", days)));
    }

    private Answer mine(Arguments arguments, Caller caller, String toolCallId) {
        Speech speech = caller.speech();
        CallerAppointmentsUseCase.Proof proof = proof(arguments, caller, Optional.empty());
        List<AppointmentDetails> upcoming =
                app.callerAppointments().upcoming(caller.business().id(), proof);
        if (upcoming.isEmpty()) {
            return Answer.result(
                    speech.say(proof instanceof CallerAppointmentsUseCase.Proof.Code ? "mine.none.code" : "mine.none"));
        }
        return Answer.result(speech.say(
                "mine.list",
                speech.list(upcoming.stream()
                        .map(d -> speech.say(
                                "mine.item",
                                d.serviceName(),
                                speech.when(d.appointment().start()),
                                d.appointment().id().toString()))
                        .toList())));
    }

    private Answer cancel(Arguments arguments, Caller caller, String toolCallId) {
        Speech speech = caller.speech();
        AppointmentId id = appointmentId(arguments, speech);
        AppointmentDetails cancelled = app.callerAppointments()
                .cancel(
                        caller.business().id(),
                        proof(arguments, caller, Optional.of(id)),
                        id,
                        arguments.text("reason").orElse(""));
        return Answer.result(speech.say(
                "cancelled",
                cancelled.serviceName(),
                speech.when(cancelled.appointment().start())));
    }

    private Answer reschedule(Arguments arguments, Caller caller, String toolCallId) {
        Speech speech = caller.speech();
        AppointmentId id = appointmentId(arguments, speech);
        Instant start = instant(arguments.required("start", speech, "start", "new_start", "datetime"), speech);
        AppointmentDetails moved = app.callerAppointments()
                .reschedule(caller.business().id(), proof(arguments, caller, Optional.of(id)), id, start);
        return Answer.result(speech.say(
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
    private CallerAppointmentsUseCase.Proof proof(Arguments arguments, Caller caller, Optional<AppointmentId> opening) {
        Speech speech = caller.speech();
        if (caller.numberProven()) {
            return new CallerAppointmentsUseCase.Proof.CallerNumber(
                    caller.number().orElseThrow());
        }
        String code = arguments.text("manage_code", "code").orElseThrow(() -> new Spoken(speech.say("code.needed")));
        Optional<PhoneNumber> claimed = arguments
                .text("phone", "phone_number")
                .flatMap(CallRouting::number)
                .or(caller::claimedNumber);
        if (opening.isEmpty() && claimed.isEmpty()) {
            throw new Spoken(speech.say("code.phone"));
        }
        String business = caller.business().id().toString();
        String target = opening.map(AppointmentId::toString)
                .orElseGet(() -> claimed.orElseThrow().value());
        if (!throttle.tryAcquire("vapi-code-call", caller.callId().orElse(business), CODE_TRIES_PER_CALL)
                || !throttle.tryAcquire("vapi-code-target", business + "|" + target, CODE_TRIES_PER_TARGET)) {
            throw new Spoken(speech.say("code.busy"));
        }
        return new CallerAppointmentsUseCase.Proof.Code(code, claimed);
    }

    /** Services the caller may book by phone, in catalogue order. */
    private List<Service> offered(Caller caller) {
        return app.listServices().list(VOICE, caller.business().id(), false);
    }

    /** The service named by id, or by what the caller called it; unknown or ambiguous names are asked about. */
    private Service service(Arguments arguments, Caller caller) {
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
                        : speech.say("service.which", speech.list(names)));
    }

    private static Optional<ProviderId> provider(Arguments arguments) {
        return arguments
                .text("provider_id", "providerId")
                .flatMap(VoiceTools::uuid)
                .map(ProviderId::new);
    }

    private static AppointmentId appointmentId(Arguments arguments, Speech speech) {
        String given = arguments.required("appointment_id", speech, "appointment_id", "appointmentId", "id");
        return uuid(given).map(AppointmentId::new).orElseThrow(() -> new NotFoundException("appointment"));
    }

    private static String clientName(Arguments arguments, Speech speech) {
        return arguments
                .text("client_name", "name", "customer_name")
                .or(() -> arguments.nested("client_data", "name"))
                .orElseThrow(() -> new Spoken(speech.say("argument.missing", "client_name")));
    }

    private static PhoneNumber callerNumber(Caller caller) {
        return caller.number().orElseThrow(() -> new Spoken(caller.speech().say("caller.unknown")));
    }

    /**
     * The model's retries of one tool call carry its id: the booking happens once. Models pick tool-call ids as they
     * like (some count from one in every conversation), so the key is the call's and the tool call's ids together,
     * hashed to a bounded length; without a call id there is no key (the same client, service and time still book
     * once).
     */
    static Optional<String> idempotencyKey(Optional<String> callId, String toolCallId) {
        if (callId.isEmpty() || toolCallId.isBlank() || toolCallId.equals(Envelope.LEGACY_CALL_ID)) {
            return Optional.empty();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((callId.get() + "\n" + toolCallId).getBytes(StandardCharsets.UTF_8));
            return Optional.of("vapi:" + HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String refusal(BookingRefusedException refused, Speech speech) {
        String why = speech.say("refused." + refused.reason().name());
        if (refused.alternatives().isEmpty()) {
            return why;
        }
        return why + " "
                + speech.say(
                        "slots.alternatives",
                        alternatives(
                                refused.alternatives().stream()
                                        .map(Alternative::start)
                                        .toList(),
                                speech));
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

    private static String alternatives(List<Instant> starts, Speech speech) {
        return speech.list(starts.stream()
                .limit(ALTERNATIVES_SPOKEN)
                .map(start -> speech.say("slots.alternative", speech.when(start), speech.local(start)))
                .toList());
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

    private static boolean hasTime(String text) {
        return CLOCK_TIME.matcher(text).find();
    }

    /**
     * A time the model wrote: with an offset it is that instant; without one it is the business's wall-clock time.
     * A wall-clock time that does not exist there (a DST gap) is refused like a malformed one.
     */
    static Instant instant(String text, Speech speech) {
        String value = text.strip().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException notWithOffset) {
            try {
                LocalDateTime local = LocalDateTime.parse(value);
                ZonedDateTime zoned = local.atZone(speech.zone());
                if (!zoned.toLocalDateTime().equals(local)) {
                    throw new Spoken(speech.say("argument.time", text));
                }
                return zoned.toInstant();
            } catch (DateTimeException e) {
                throw new Spoken(speech.say("argument.time", text));
            }
        }
    }

    private static LocalDate date(String text, Speech speech) {
        String value = text.strip();
        try {
            return hasTime(value)
                    ? instant(value, speech).atZone(speech.zone()).toLocalDate()
                    : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeException e) {
            throw new Spoken(speech.say("argument.date", text));
        }
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Morning, afternoon or evening, as callers ask and as their language means it: a Spanish "tarde" starts after
     * lunch and runs until eight, an English afternoon ends at six.
     */
    enum DayPart {
        ANY(0, 0, 24, 24),
        MORNING(0, 0, 14, 12),
        AFTERNOON(14, 12, 20, 18),
        EVENING(20, 18, 24, 24);

        private final int fromSpanish;
        private final int fromEnglish;
        private final int untilSpanish;
        private final int untilEnglish;

        DayPart(int fromSpanish, int fromEnglish, int untilSpanish, int untilEnglish) {
            this.fromSpanish = fromSpanish;
            this.fromEnglish = fromEnglish;
            this.untilSpanish = untilSpanish;
            this.untilEnglish = untilEnglish;
        }

        boolean contains(LocalTime time, Language language) {
            boolean spanish = language == Language.ES;
            int hour = time.getHour();
            return hour >= (spanish ? fromSpanish : fromEnglish) && hour < (spanish ? untilSpanish : untilEnglish);
        }

        /** "tarde", "por la tarde", "in the afternoon", "afternoon please". */
        static Optional<DayPart> parse(String said) {
            String words = said.strip().toLowerCase(Locale.ROOT);
            if (words.contains("morning") || words.contains("mañana") || words.contains("manana")) {
                return Optional.of(MORNING);
            }
            if (words.contains("afternoon") || words.contains("tarde")) {
                return Optional.of(AFTERNOON);
            }
            if (words.contains("evening") || words.contains("night") || words.contains("noche")) {
                return Optional.of(EVENING);
            }
            return Optional.empty();
        }
    }

    /** The model's arguments, read by any of the names models tend to use for each. */
    static final class Arguments {
        private final ObjectNode node;

        Arguments(ObjectNode node) {
            this.node = node;
        }

        Optional<String> text(String... names) {
            for (String name : names) {
                JsonNode value = node.path(name);
                if (value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
                    return Optional.of(value.asText().strip());
                }
            }
            return Optional.empty();
        }

        Optional<String> nested(String object, String name) {
            JsonNode value = node.path(object).path(name);
            return value.isValueNode() && !value.asText().isBlank()
                    ? Optional.of(value.asText().strip())
                    : Optional.empty();
        }

        String required(String spokenName, Speech speech, String... names) {
            return text(names).orElseThrow(() -> new Spoken(speech.say("argument.missing", spokenName)));
        }
    }

    /** A failure with the words to say about it. */
    static final class Spoken extends RuntimeException {
        Spoken(String message) {
            super(message, null, false, false);
        }
    }
}
